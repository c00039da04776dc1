import AudioIO
import Foundation
import Ingest
import Language
import Live
import Research
import TestSupport
import Testing
import TriageCore
@testable import Triage

/// Every parser of outside input fed mutated inputs, seeded from real files: bytes flipped, inserted, deleted and
/// repeated, numbers replaced by huge, negative and boundary values, lines made enormous and nested deep. A crash
/// (an arithmetic trap, an out-of-range index) ends the test process, so surviving is the test; each parser must
/// also answer or throw its own error. `TRIAGE_FUZZ_INPUTS` sets the number of inputs (100,000 by default) and
/// `TRIAGE_FUZZ_SEED` repeats a run (the seed is printed). Inputs that once crashed are regression tests of their own.
@Suite struct ParserFuzzTests {

    /// Values that break arithmetic that trusts its input.
    static let hostileNumbers = ["99999999999999999999", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e308",
                                 "NaN", "inf", "0", "4294967296", "99999999999999999", "-0", "00000000000000000000001", "1.7976931348623157e309"]

    /// One mutation of `input`.
    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let steps = Int.random(in: 1...4, using: &random)
        for _ in 0..<steps {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<9, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...32, using: &random)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...64, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            case 4:
                // A digit run replaced by a hostile number.
                if let start = bytes[at...].firstIndex(where: { (48...57).contains($0) }) {
                    let end = bytes[start...].firstIndex { !(48...57).contains($0) } ?? bytes.count
                    bytes.replaceSubrange(start..<end, with: Array((hostileNumbers.randomElement(using: &random) ?? "0").utf8))
                }
            case 5: bytes.insert(contentsOf: [UInt8](repeating: [0x5B, 0x7B, 0x22, 0x0A, 0x20, 0x3A][Int.random(in: 0..<6, using: &random)],
                                                     count: Int.random(in: 1...2000, using: &random)), at: at)
            case 6: bytes.insert(contentsOf: [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0xED, 0xA0, 0x80][0..<Int.random(in: 1...8, using: &random)], at: at)
            case 7: bytes.insert(contentsOf: Array(" --> ".utf8) + Array((hostileNumbers.randomElement(using: &random) ?? "").utf8) + Array(":00:00.000".utf8), at: at)
            default: if bytes.count > 1 { bytes.swapAt(at, Int.random(in: 0..<bytes.count, using: &random)) }
            }
        }
        return bytes
    }

    /// A parser and the real inputs its mutations start from.
    struct Target {
        var name: String
        var seeds: [[UInt8]]
        /// The share of the inputs it gets (the slower ones fewer).
        var weight: Int
        var parse: ([UInt8]) -> Void
    }

    static func seeds(_ paths: [String]) -> [[UInt8]] {
        paths.compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
    }

    static func files(in folder: String, ending suffixes: [String]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in suffixes.contains { name.lowercased().hasSuffix($0) } }.sorted().map { "\(folder)/\($0)" }
    }

    static func targets(scratch: TemporaryDirectory) -> [Target] {
        let transcripts = Repository.fixture("transcripts"), recordings = "\(Repository.root)/Recordings"
        func transcript(_ format: TranscriptFormat, _ suffixes: [String]) -> Target {
            Target(name: format.rawValue, seeds: seeds(files(in: transcripts, ending: suffixes) + files(in: recordings, ending: suffixes).prefix(4)), weight: 10) {
                _ = try? TranscriptReader.parse(Data($0), format: format, path: "fuzz.\(suffixes[0])")
            }
        }
        let liveLines = [Array("{\"speaker\": \"caller\", \"text\": \"vandet er gået\", \"start_ms\": 1200, \"end_ms\": 2400, \"final\": true}".utf8),
                         Array("caller: jeg har veer hvert femte minut".utf8), Array("[00:01:02.500] M: Hvor langt er du henne?".utf8)]
        let batch = seeds([Repository.fixture("devset/split/dev.jsonl")]).map { Array($0.prefix(6000)) }
        let wav = scratch.file("seed.wav")
        _ = try? SyntheticAudio.write(wav, seconds: 0.05, seed: 3)
        let audio = scratch.file("fuzz.wav")
        // Label files as triage writes them, with overlaps, notes and channels, for the label readers.
        let sheet = LabelSheet(callID: 3, durationMs: 9_000, mediaName: "call-3.flac", labels: [
            InterchangeLabel(annotator: "anna", startMs: 0, endMs: 1_250, code: "labour_contractions", note: "hver 5. minut"),
            InterchangeLabel(annotator: "anna", startMs: 1_000, endMs: 4_005, code: "rupture_of_membranes", channel: 1),
            InterchangeLabel(annotator: "bo", startMs: 500, endMs: 8_000, code: "vaginal_bleeding", note: "\"lidt\" & <mere>"),
        ])
        let vocabulary = [EAFLabels.VocabularyEntry(code: "labour_contractions", description: "Veer")]
        func labels(_ name: String, _ written: WrittenLabels?, _ read: @escaping ([UInt8]) throws -> Void) -> Target {
            Target(name: "\(name) labels", seeds: written.map { [Array($0.text.utf8)] } ?? [], weight: 2) { _ = try? read($0) }
        }
        return [
            labels("TextGrid", TextGridLabels.write(sheet)) { _ = try TextGridLabels.read(String(decoding: $0, as: UTF8.self)) },
            labels("EAF", EAFLabels.write(sheet, vocabulary: vocabulary, vocabularyName: "t@1")) { _ = try EAFLabels.read(Data($0)) },
            labels("Label Studio", try? LabelStudioLabels.write([sheet])) { _ = try LabelStudioLabels.read(Data($0)) },
            labels("Audacity", AudacityLabels.write(sheet.labels)) { _ = try AudacityLabels.read(String(decoding: $0, as: UTF8.self)) },
            labels("WebVTT", WebVTTLabels.write(sheet)) { _ = try WebVTTLabels.read(String(decoding: $0, as: UTF8.self)) },
            transcript(.webVTT, [".vtt"]), transcript(.srt, [".srt"]), transcript(.textGrid, [".textgrid"]), transcript(.json, [".json"]),
            transcript(.plainText, [".txt"]),
            Target(name: "metadata", seeds: seeds(files(in: recordings, ending: [".meta.json"]).prefix(6).map { $0 }), weight: 10) {
                _ = try? MetadataFile.parse(Data($0), path: "fuzz.meta.json")
            },
            Target(name: "live transcript lines", seeds: liveLines, weight: 10) {
                var parser = LiveTranscriptParser()
                _ = parser.feed(line: String(decoding: $0, as: UTF8.self))
                _ = parser.flush()
            },
            Target(name: "call batch JSONL", seeds: batch, weight: 4) {
                guard let objects = try? CallRecordJSON.objects(in: String(decoding: $0, as: UTF8.self)) else { return }
                for (line, object) in objects { _ = try? CallRecordJSON.input(from: object, line: line) }
            },
            Target(name: "taxonomy YAML", seeds: seeds(["\(Repository.root)/Taxonomy/taxonomy.yaml"]).map { Array($0.prefix(5000)) }, weight: 1) {
                _ = TaxonomyLoader.parse(yaml: String(decoding: $0, as: UTF8.self), file: "fuzz.yaml")
            },
            Target(name: "fact words YAML", seeds: seeds(["\(Repository.root)/Taxonomy/words/da.yaml", "\(Repository.root)/Taxonomy/words/en.yaml"]),
                   weight: 1) {
                _ = FactWordsLoader.parse(yaml: String(decoding: $0, as: UTF8.self), file: "fuzz.yaml")
            },
            Target(name: "audio headers", seeds: seeds([wav]), weight: 1) { bytes in
                // libsndfile reads from a file: the header's rates, counts and sizes are the hostile part.
                guard FileManager.default.createFile(atPath: audio, contents: Data(bytes)) else { return }
                guard let file = try? AudioFile(path: audio), (try? file.validate()) != nil else { return }
                _ = try? file.readMono()
            },
        ]
    }

    @Test func everyParserSurvivesMutatedInputs() throws {
        let env = ProcessInfo.processInfo.environment
        let total = env["TRIAGE_FUZZ_INPUTS"].flatMap(Int.init) ?? 100_000
        let seed = env["TRIAGE_FUZZ_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970)
        let scratch = TemporaryDirectory("fuzz")
        let targets = Self.targets(scratch: scratch)
        for target in targets { #expect(!target.seeds.isEmpty, "no seed inputs for \(target.name)") }
        let weights = targets.map(\.weight).reduce(0, +)
        var random = SeededGenerator(seed: seed)
        // `TRIAGE_FUZZ_SECONDS` (make fuzz): rounds of `total` inputs until the time is up.
        let deadline = env["TRIAGE_FUZZ_SECONDS"].flatMap(Double.init).map { Date().addingTimeInterval($0) }
        var tried: [String: Int] = [:]
        var corpora = targets.map(\.seeds)
        repeat {
            for (t, target) in targets.enumerated() where !target.seeds.isEmpty {
                let share = (total * target.weight + weights - 1) / weights // rounded up: at least `total` in all
                for n in 0..<share {
                    let input = Self.mutate(corpora[t][Int.random(in: 0..<corpora[t].count, using: &random)], &random)
                    target.parse(input)
                    // Mutations of mutations reach further; the corpus stays small.
                    if n % 7 == 0, corpora[t].count < 64 { corpora[t].append(input) }
                }
                tried[target.name, default: 0] += share
            }
        } while deadline.map { Date() < $0 } ?? false
        let count = tried.values.reduce(0, +)
        print("fuzzing: \(count) mutated inputs through \(tried.count) parsers (seed \(seed)), no crash: "
            + tried.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(count >= total)
    }

    /// Inputs that once trapped or ran away, kept as they were found.
    @Test(arguments: ["WEBVTT\n\n99999999999999999:00:00.000 --> 99999999999999999:00:01.000\nC: hej\n",
                      "1\n99999999999999999:00:00,000 --> 00:00:01,000\nhej\n",
                      "WEBVTT\n\n-9223372036854775808:00.000 --> 00:01.000\nhej\n"])
    func onceCrashingTranscriptsAreClearErrors(_ text: String) {
        let format: TranscriptFormat = text.hasPrefix("WEBVTT") ? .webVTT : .srt
        #expect(throws: (any Error).self) { try TranscriptReader.parse(Data(text.utf8), format: format, path: "once.\(format.rawValue)") }
    }
}
