import Archive
import Foundation
import Language
import TestSupport
import Testing
import TriageCore
@testable import Ingest

/// The synthetic calls shipped in Recordings/: complete, covering the taxonomy, and archived whole by ingest.
@Suite struct DemoCorpusTests {
    struct Labels: Decodable {
        var reasons: [String]
        var primary: String?
        var disposition: String
        var red_flags: [String]
    }

    struct Meta: Decodable {
        var started_at: String
        var language: String
        var caller: String
        var channel_roles: [String]?
        var labels: Labels
    }

    let folder = "\(Repository.root)/Recordings"

    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".flac") }.map { String($0.dropLast(5)) }.sorted()
    }

    func meta(_ name: String) throws -> Meta {
        try JSONDecoder().decode(Meta.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).meta.json")))
    }

    @Test func everyCallHasAudioTranscriptAndMetadataFromItsScript() throws {
        let calls = try names()
        #expect(calls.count >= 24)
        let scripts = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/scripts").filter { $0.hasSuffix(".call") }
        #expect(Set(scripts.map { String($0.dropLast(5)) }) == Set(calls))
        for name in calls {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name).vtt"), "\(name).vtt")
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name).meta.json"), "\(name).meta.json")
        }
    }

    @Test func theAnswerKeyCoversTheTaxonomy() throws {
        let taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        let metas = try names().map(meta)
        var reasons = Set<String>(), dispositions: [String: Int] = [:], hours = Set<Int>(), languages: [String: Int] = [:]
        for m in metas {
            for code in m.labels.reasons { #expect(taxonomy.reason(code) != nil, "unknown reason \(code)") }
            for code in m.labels.red_flags { #expect(taxonomy.redFlag(code) != nil, "unknown red flag \(code)") }
            #expect(Disposition(rawValue: m.labels.disposition) != nil)
            #expect(m.labels.primary == m.labels.reasons.first)
            // A raised red flag never allows a less urgent disposition than it forces.
            for code in m.labels.red_flags {
                if let flag = taxonomy.redFlag(code), let d = Disposition(rawValue: m.labels.disposition) { #expect(d <= flag.forces, "\(code)") }
            }
            reasons.formUnion(m.labels.reasons)
            dispositions[m.labels.disposition, default: 0] += 1
            hours.insert(Int(m.started_at.dropFirst(11).prefix(2)) ?? -1)
            languages[m.language, default: 0] += 1
        }
        #expect(reasons == Set(taxonomy.reasons.map(\.code)))
        #expect(Disposition.allCases.allSatisfy { (dispositions[$0.rawValue] ?? 0) >= 2 })
        #expect(Set(metas.flatMap(\.labels.red_flags)).count >= 8)
        #expect(metas.contains { $0.caller == "partner" })
        #expect(hours.count >= 18) // around the clock
        let danish = Double(languages["da"] ?? 0) / Double(metas.count)
        #expect(danish > 0.55 && danish < 0.8)
        #expect(metas.contains { $0.channel_roles == ["caller", "midwife"] } && metas.contains { $0.channel_roles == nil })
    }

    @Test func ingestArchivesEveryCallWithItsTranscriptAndMetadata() throws {
        let dir = TemporaryDirectory("demo")
        let archive = try ArchiveSession.open(address: dir.file("demo.sqlite"), origin: "test")
        let results = Ingestor(archive: archive).ingest(IngestDiscovery.plan([folder]).items, progress: SilentProgress())
        let calls = try names()
        #expect(results.count == calls.count)
        #expect(results.allSatisfy { if case .archived = $0 { true } else { false } }, "\(results)")
        for summary in try archive.listCalls() {
            let name = ((summary.path as NSString).lastPathComponent as NSString).deletingPathExtension
            let m = try meta(name)
            #expect(summary.sampleRate == 8000)
            #expect(summary.channels == (m.channel_roles == nil ? 1 : 2))
            #expect((30_000...240_000).contains(summary.durationMs ?? 0), "\(name) is \(summary.durationMs ?? 0) ms")
            #expect(summary.startedAt == m.started_at)
            #expect(summary.language?.rawValue == m.language)
            let transcript = try TranscriptReader.read(fileAt: "\(folder)/\(name).vtt")
            #expect(summary.turns == transcript.turns.count && summary.turns >= 6)
            #expect(transcript.turns.allSatisfy { $0.speaker != .unknown })
            #expect((transcript.endMs ?? .max) <= summary.durationMs ?? 0)
        }
    }
}
