import ArgumentParser
import Foundation
import Ingest
import Language
import Triage
import TriageCore

/// `triage bench classify`: time per call of the classifier against its 5 ms budget.
struct BenchClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Benchmark the classifier on the demo calls' transcripts (or a JSONL batch) against a 5 ms budget per call."
    )

    /// The named baseline: a whole call classified in 5 ms (the classifier issue's requirement).
    static let budgetMs = 5.0

    @Option(name: .long, help: "A JSONL batch of calls (default: the transcripts in Recordings/).")
    var input: String?

    @Option(name: .long, help: "Passes over the calls.")
    var rounds: Int = 20

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let taxonomy = try taxonomyOptions.load()
        let calls = try loadCalls()
        guard !calls.isEmpty else { throw CommandFailure(message: "bench: no calls to classify") }
        let turns = Double(calls.map(\.turns.count).reduce(0, +)) / Double(calls.count)
        Console.out(String(format: "%d calls × %d rounds, %.1f turns per call", calls.count, rounds, turns))
        measure("rules alone", calls) { TriageClassifier(taxonomy: taxonomy) }
        let withModel = try modelOptions.classifier(taxonomyOptions)
        if let model = withModel.model { measure("rules + \(model.id)", calls) { withModel } }
        measureLongTurns(calls, withModel)
    }

    /// One long turn of the calls' own words, at two lengths: the time per word of the longer against the
    /// shorter's (the named baseline) shows whether reading a turn stays linear in its length.
    private func measureLongTurns(_ calls: [CallInput], _ classifier: TriageClassifier) {
        let words = calls.flatMap { $0.turns.filter { $0.speaker == .caller }.flatMap { $0.text.split(separator: " ") } }
        guard !words.isEmpty else { return }
        func perWordMs(_ count: Int) -> Double {
            let text = (0..<count).map { String(words[$0 % words.count]) }.joined(separator: " ")
            let call = CallInput(id: "long-turn", metadata: CallMetadata(), turns: [Turn(speaker: .caller, startMs: 0, endMs: 0, text: text)])
            let start = DispatchTime.now().uptimeNanoseconds
            _ = classifier.classify(call)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(count)
        }
        let short = perWordMs(2_000), long = perWordMs(20_000)
        Console.out(String(format: "one long turn: %.1f µs per word at 2,000 words (baseline), %.1f µs at 20,000 = %.2f× the baseline per word (1.00× is linear)",
                           short * 1000, long * 1000, long / short))
    }

    /// Times `classifier` over the calls and prints the line against the budget.
    private func measure(_ name: String, _ calls: [CallInput], _ make: () -> TriageClassifier) {
        let setupStart = DispatchTime.now().uptimeNanoseconds
        let classifier = make()
        let setupMs = Double(DispatchTime.now().uptimeNanoseconds - setupStart) / 1e6
        _ = calls.map(classifier.classify) // warm the stem cache as a running desk would have it
        var times: [Double] = []
        for _ in 0..<max(1, rounds) {
            for call in calls {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = classifier.classify(call)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        times.sort()
        let mean = times.reduce(0, +) / Double(times.count)
        let p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
        Console.out(String(format: "%@: per call mean %.3f ms, median %.3f ms, p99 %.3f ms = %.1f× under the %.0f ms budget (p99: %.1f×); set-up %.1f ms once",
                           name, mean, times[times.count / 2], p99, Self.budgetMs / mean, Self.budgetMs, Self.budgetMs / p99, setupMs))
    }

    private func loadCalls() throws -> [CallInput] {
        if let input {
            return try CallRecordJSON.objects(inFileAt: input).map { try CallRecordJSON.input(from: $0.object, line: $0.line) }
        }
        let folder = "Recordings"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".vtt") }.sorted()
        } catch {
            throw CommandFailure(message: "bench: \(folder): cannot list the demo calls (run from the project folder, or give --input)")
        }
        return try names.map { name in
            let base = "\(folder)/\((name as NSString).deletingPathExtension)"
            let turns = try TranscriptReader.read(fileAt: "\(folder)/\(name)").turns
            let metaPath = base + ".meta.json"
            let metadata = FileManager.default.fileExists(atPath: metaPath) ? try MetadataFile.read(fileAt: metaPath).metadata : CallMetadata()
            return CallInput(id: name, metadata: metadata, turns: turns)
        }
    }
}
