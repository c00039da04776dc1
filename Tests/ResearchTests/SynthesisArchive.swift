import Archive
import Foundation
import TestSupport
import TriageCore

/// A test archive of real-looking calls: every call of the development set (`Tests/Fixtures/devset/devset.jsonl`)
/// with its turns, record and a suggestion from its labels, and one replay of a reason no other call has (which every
/// statistic leaves out). Built once for the synthesis tests.
enum SynthesisArchive {
    struct Broken: Error { var message: String }

    /// The folder holding the archive (kept for the test run).
    static let dir = TemporaryDirectory("synth-archive")
    static var path: String { dir.file("devset.sqlite") }

    /// The development set's records, as JSON objects.
    static func devsetRecords() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: Repository.fixture("devset/devset.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { throw Broken(message: "not an object") }
            return object
        }
    }

    /// The archive, built on first use.
    static let session: Result<ArchiveSession, any Error> = Result {
        let session = try ArchiveSession.open(address: path, origin: "test")
        for (index, record) in try devsetRecords().enumerated() {
            try store(record, index: index, into: session)
        }
        // A replay, alone with its reason: never counted.
        var replay = CallMetadata()
        replay.startedAt = LocalDateTime.parse("2026-06-01T10:00:00")?.0
        replay.language = "da"
        replay.replayOf = ReplaySource(path: "/demo/da01.flac")
        let id = try session.store(CallDraft(sha256: "replay", contentKind: .transcript, sourcePath: "replay.txt", durationMs: 60_000, metadata: replay,
                                             turns: [Turn(speaker: .caller, text: "Det her er en genafspilning af et kendt opkald.")])).callID
        try session.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1", modelVersion: "m", primaryReason: ReasonCode(rawValue: "trauma"),
                                           disposition: .emergency112, reasons: [.init(code: ReasonCode(rawValue: "trauma"), score: 1)], redFlags: [],
                                           resultJSON: "{}"))
        return session
    }

    static func store(_ record: [String: Any], index: Int, into session: ArchiveSession) throws {
        let turns = (record["turns"] as? [[String: Any]] ?? []).map { t in
            Turn(speaker: (t["speaker"] as? String).flatMap(Speaker.init(rawValue:)) ?? .unknown, text: t["text"] as? String ?? "")
        }
        var m = CallMetadata()
        m.startedAt = (record["started_at"] as? String).flatMap { LocalDateTime.parse($0)?.0 }
        m.language = record["language"] as? String
        let labels = record["labels"] as? [String: Any] ?? [:]
        let facts = labels["facts"] as? [String: Any] ?? [:]
        m.gestationalWeek = facts["gestational_week"] as? Int
        m.gestationalDays = facts["gestational_days"] as? Int
        m.firstBaby = facts["first_baby"] as? Bool
        m.caller = (facts["caller"] as? String).flatMap(CallerType.init(rawValue:))
        m.daysPostpartum = facts["days_postpartum"] as? Int
        let id = try session.store(CallDraft(sha256: "devset-\(index)", contentKind: .transcript, sourcePath: "\(record["id"] ?? index).txt",
                                             durationMs: 40_000 + (index * 7_919) % 400_000, metadata: m, turns: turns)).callID
        let reasons = labels["reasons"] as? [String] ?? []
        guard let primary = reasons.first, let disposition = (labels["disposition"] as? String).flatMap(Disposition.init(rawValue:)) else { return }
        try session.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1", modelVersion: "m", primaryReason: ReasonCode(rawValue: primary),
                                           disposition: disposition, reasons: reasons.map { .init(code: ReasonCode(rawValue: $0), score: 0.5) },
                                           redFlags: [], resultJSON: "{}"))
    }

    /// Every line of the development set: each turn of its JSON-lines files and each `M:`/`C:` line of its text files.
    static func devsetLines() throws -> [String] {
        let root = Repository.fixture("devset")
        var lines: [String] = []
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
        for file in files {
            let path = "\(root)/\(file)"
            if file.hasSuffix(".jsonl") {
                for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    lines += (object?["turns"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
                }
            } else if file.hasSuffix(".txt") {
                for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                    let text = line.split(separator: ":", maxSplits: 1)
                    lines.append(text.count == 2 ? String(text[1]) : String(line))
                }
            }
        }
        return lines
    }

    /// A line as the no-copy check compares it: lower case, runs of white space as one space, trimmed.
    static func comparable(_ line: String) -> String {
        line.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
