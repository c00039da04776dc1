import Archive
import ArgumentParser
import Foundation
import Ingest
import Triage
import TriageCore

/// One process of `triage bench department`: a desk (ingests, classifies and decides calls), a researcher (lists and
/// labels calls) or the coordinator (statistics), in a loop for a fixed time; writes what it did and how long each
/// operation took as JSON. Not for use on its own.
struct BenchDepartmentWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "department-worker", abstract: "One process of bench department.",
                                                    shouldDisplay: false)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case desk, researcher, coordinator }

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @Option(name: .long) var kind: Kind
    @Option(name: .long) var worker: Int
    @Option(name: .long) var seconds: Double
    @Option(name: .long) var out: String

    /// What a worker reports.
    struct Report: Codable {
        var kind: String
        /// Milliseconds per operation, by operation.
        var latencies: [String: [Double]] = [:]
        var errors: [String] = []
        /// Content hashes of the calls this worker archived (inserted, not already present).
        var inserted: [String] = []
        /// Content hashes it offered (some shared by every desk, which must be stored once).
        var offered: [String] = []
    }

    func run() throws {
        let session = try archive.open("bench department")
        var report = Report(kind: kind.rawValue)
        let deadline = Date().addingTimeInterval(seconds)
        var random = SeededGenerator(seed: UInt64(worker) &* 0x9E37_79B9 &+ UInt64(Kind.allCases.firstIndex(of: kind) ?? 0))
        func timed<T>(_ operation: String, _ body: () throws -> T) -> T? {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let result = try body()
                report.latencies[operation, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                return result
            } catch {
                report.errors.append("\(operation): \(CommandFailure(error).message)")
                return nil
            }
        }
        switch kind {
        case .desk:
            let taxonomy = try taxonomyOptions.load()
            let classifying = ArchivedClassification(archive: session, classifier: TriageClassifier(taxonomy: taxonomy))
            var i = 0
            while Date() < deadline {
                // Every tenth call is one every desk receives (the same recording ingested at several desks).
                let sha = i % 10 == 0 ? "dept-shared-\(i / 10)" : "dept-\(getpid())-\(worker)-\(i)"
                i += 1
                report.offered.append(sha)
                guard let outcome = timed("ingest", { try session.store(Self.draft(sha, &random)) }) else { continue }
                guard case .inserted(let id) = outcome else { continue }
                report.inserted.append(sha)
                _ = timed("classify") { try classifying.classifyAndStore(callID: id) }
                let disposition = Disposition.allCases[Int(random.next() % UInt64(Disposition.allCases.count))]
                _ = timed("decide") {
                    try session.decide(DecisionRecord(callID: id, taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version,
                                                      reasons: ["labour_contractions"], disposition: disposition))
                }
            }
        case .researcher:
            let taxonomy = try taxonomyOptions.load()
            while Date() < deadline {
                guard let calls = timed("list", { try session.listCalls(limit: 50) }), !calls.isEmpty else { usleep(20_000); continue }
                let call = calls[Int(random.next() % UInt64(calls.count))]
                let start = Int(random.next() % 4000)
                _ = timed("label") {
                    try session.annotate(AnnotationRecord(callID: call.id, annotator: session.user.name, startMs: start, endMs: start + 1500,
                                                          code: "labour_contractions", taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version))
                }
            }
        case .coordinator:
            let queries = [StatsQuery(dimensions: [.reason]), StatsQuery(dimensions: [.disposition], source: .confirmed),
                           StatsQuery(dimensions: [.week, .reason], allReasons: true)]
            var q = 0
            while Date() < deadline {
                _ = timed("stats") { try session.statistics(queries[q % queries.count]) }
                q += 1
            }
        }
        let data = try JSONEncoder().encode(report)
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
    }

    /// A short call in the callers' words, different for each hash.
    static func draft(_ sha: String, _ random: inout SeededGenerator) -> CallDraft {
        let openings = ["Hej, jeg har veer hvert femte minut.", "Vandet er gået, det er klart.", "Jeg kan ikke mærke ham sparke i dag.",
                        "Jeg bløder lidt, er det farligt?", "Min kone har ondt i maven.", "Jeg er i uge 39 og har det fint."]
        let answers = ["De varer et minuts tid.", "Nej, ingen blødning.", "Det er vores første barn.", "Ja, jeg kan godt tale igennem dem."]
        var metadata = CallMetadata()
        let started = LocalDateTime(daysSince1970: 20454 + Int(random.next() % 330), minuteOfDay: Int(random.next() % 1440))
        metadata.startedAt = started
        metadata.language = "da"
        metadata.caller = .pregnant
        let turns = [
            Turn(speaker: .midwife, speakerLabel: "Jordemoder", startMs: 0, endMs: 2000, text: "Fødemodtagelsen, det er Åse."),
            Turn(speaker: .caller, speakerLabel: "Kvinde", startMs: 2000, endMs: 5000, text: openings[Int(random.next() % UInt64(openings.count))]),
            Turn(speaker: .midwife, speakerLabel: "Jordemoder", startMs: 5000, endMs: 7000, text: "Hvor længe varer de?"),
            Turn(speaker: .caller, speakerLabel: "Kvinde", startMs: 7000, endMs: 9000, text: answers[Int(random.next() % UInt64(answers.count))]),
        ]
        return CallDraft(sha256: sha, contentKind: .transcript, sourcePath: "bench/\(sha).vtt", audioFormat: nil, sampleRate: nil, channels: 0,
                         frames: nil, durationMs: 9000, metadata: metadata, metadataJSON: "{}", transcriptPath: "bench/\(sha).vtt",
                         transcriptFormat: "webvtt", turns: turns)
    }
}
