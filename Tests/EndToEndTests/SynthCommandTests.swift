import Archive
import Foundation
import TestSupport
import Testing

/// `triage synth` on an archive of 120 development-set calls ingested as transcripts (classified on the way in):
/// the files, read back by `classify --batch` and `evaluate --gold`, the same bytes for the same seed, an audit entry,
/// a one-line refusal for every bad input with nothing written, the roles, and audio through espeak-ng. Both archives.
@Suite(.serialized) struct SynthCommandTests {
    let dir = TemporaryDirectory("synth-e2e")

    struct Failed: Error { var message: String }

    /// Writes the first `count` development-set calls as WebVTT transcripts with their `.meta.json` into `folder`.
    static func writeCalls(_ count: Int, into dir: TemporaryDirectory) throws -> String {
        let folder = dir.file("calls")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Repository.fixture("devset/devset.jsonl"), encoding: .utf8)
        for (index, line) in text.split(separator: "\n").prefix(count).enumerated() {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { throw Failed(message: "line \(index + 1)") }
            let cues = (record["turns"] as? [[String: Any]] ?? []).enumerated().map { i, t in
                let voice = (t["speaker"] as? String) == "midwife" ? "Midwife" : "Caller"
                return "\(i + 1)\n00:\(i < 10 ? "0" : "")\(i):00.000 --> 00:\(i < 10 ? "0" : "")\(i):30.000\n<v \(voice)>\(t["text"] as? String ?? "")</v>\n"
            }
            let facts = ((record["labels"] as? [String: Any])?["facts"] as? [String: Any]) ?? [:]
            var meta: [String: Any] = ["language": record["language"] ?? "da", "started_at": record["started_at"] ?? "2026-05-01T12:00:00"]
            for key in ["gestational_week", "gestational_days", "first_baby", "caller", "days_postpartum"] { meta[key] = facts[key] }
            try dir.write("calls/call\(index).vtt", "WEBVTT\n\n" + cues.joined(separator: "\n"))
            try dir.write("calls/call\(index).meta.json", String(decoding: try JSONSerialization.data(withJSONObject: meta), as: UTF8.self))
        }
        return folder
    }

    static func archive(_ backend: ArchiveBackend, in dir: TemporaryDirectory) throws -> String {
        let db = try backend.newArchive(in: dir, "synth")
        let ingest = try CommandRun.triage(["ingest", "--no-features", "--db", db, try writeCalls(120, into: dir)])
        guard ingest.status == 0 else { throw Failed(message: ingest.stderr) }
        return db
    }

    /// One SQLite archive for the tests that only read it, ingested once (ingest is the slow part).
    static let shared = TemporaryDirectory("synth-e2e-shared")
    static let sharedArchive = Result { try archive(.sqlite, in: shared) }

    func archive(_ backend: ArchiveBackend) throws -> String { try Self.archive(backend, in: dir) }

    @Test(arguments: ArchiveBackend.allCases)
    func synthWritesCallRecordsThatClassifyAndEvaluateRead(_ backend: ArchiveBackend) throws {
        let db = try archive(backend)
        let out = dir.file("synthetic-\(backend)")
        let run = try CommandRun.triage(["synth", "--db", db, "--count", "60", "--seed", "5", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "60 synthetic calls written to \(out) from the aggregates of 120 calls (seed 5)\n", "\(run.stdout)")
        // What was suppressed is said, table by table.
        #expect(run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("triage: suppressed (under 5): ") }, "\(run.stderr)")
        #expect(run.stderr.contains("triage: suppressed (under 5): reason"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["calls.jsonl", "profile.json"])
        let calls = try String(contentsOfFile: "\(out)/calls.jsonl", encoding: .utf8)
        #expect(calls.split(separator: "\n").count == 60)
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/profile.json"))) as? [String: Any])
        #expect(profile["count"] as? Int == 60 && profile["seed"] as? String == "5")
        #expect((profile["profile"] as? [String: Any])?["calls"] as? Int == 120)
        // The call-record format: classify --batch reads every line, evaluate --gold scores against the labels.
        let classified = try CommandRun.triage(["classify", "--batch", "\(out)/calls.jsonl", "--format", "jsonl"])
        #expect(classified.status == 0, "\(classified.stderr)")
        #expect(classified.stdout.split(separator: "\n").count == 60)
        let evaluated = try CommandRun.triage(["evaluate", "--gold", "\(out)/calls.jsonl"])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("60"), "\(evaluated.stdout)")
        // The same seed, the same bytes.
        let again = try CommandRun.triage(["synth", "--db", db, "--count", "60", "--seed", "5", "--out", dir.file("again-\(backend)")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/calls.jsonl")) == Data(contentsOf: URL(fileURLWithPath: dir.file("again-\(backend)/calls.jsonl"))))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/profile.json")) == Data(contentsOf: URL(fileURLWithPath: dir.file("again-\(backend)/profile.json"))))
        // Audited: the export, and the one read of every transcript it was compared with.
        let session = try ArchiveSession.open(address: db, origin: "test")
        let entries = try session.auditEntries()
        #expect(entries.filter { $0.origin == "synth" && $0.detail.hasPrefix("synthetic data: 60 calls (seed 5) from the aggregates of 120 calls") }.count == 2)
        #expect(entries.filter { $0.origin == "synth" && $0.detail.contains("compared with synthetic calls") }.count == 2)
        #expect(try CommandRun.triage(["audit", "verify", "--db", db]).status == 0)
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let db = try Self.sharedArchive.get()
        func refused(_ arguments: [String], status: Int32, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let run = try CommandRun.triage(["synth"] + arguments)
            #expect(run.status == status, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stderr == "triage: \(message)\n", sourceLocation: sourceLocation)
            #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        }
        let out = dir.file("out")
        let missing = dir.file("nothing-here.sqlite")
        try refused(["--db", missing, "--count", "5", "--out", out], status: 1, "\(missing): no archive here yet; ingest calls first (triage ingest PATH…)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        try refused(["--db", db, "--count", "0", "--out", out], status: 2, "--count must be from 1 to 1000000, not 0")
        try refused(["--db", db, "--count=-4", "--out", out], status: 2, "--count must be from 1 to 1000000, not -4")
        try refused(["--db", db, "--count", "5000000", "--out", out], status: 2, "--count must be from 1 to 1000000, not 5000000")
        try refused(["--db", db, "--count", "5", "--out", out, "--min-cell", "2"], status: 2,
                    "--min-cell must be 5 or more (the unit's small-cell threshold), not 2")
        try refused(["--db", db, "--count", "5", "--out", out, "--source", "labelled"], status: 2, "unknown --source 'labelled' (suggested, confirmed)")
        try dir.write("full/mine.txt", "keep me")
        try refused(["--db", db, "--count", "5", "--out", dir.file("full")], status: 1, "\(dir.file("full")): exists and is not empty; name a new folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("full")) == ["mine.txt"])
        try refused(["--db", db, "--count", "5", "--out", out, "--min-cell", "500"], status: 1,
                    "\(db): no contact reason is counted 500 times or more (120 calls with a suggestion); nothing to sample from")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
        // Asked for audio where espeak-ng cannot be found.
        let run = try CommandRun.triage(["synth", "--db", db, "--count", "5", "--out", out, "--audio"], environment: ["PATH": dir.file("no-bin")])
        #expect(run.status == 1 && run.stderr == "triage: --audio needs espeak-ng, which is not installed (Debian: apt-get install espeak-ng)\n", "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func onlyAResearcherMaySynthesise() throws {
        let db = try Self.sharedArchive.get()
        let me = Account.current().name
        #expect(try CommandRun.triage(["users", "role", me, "midwife,researcher,coordinator,admin", "--db", db]).status == 0)
        let admin = try ArchiveSession.open(address: db, origin: "test")
        for role in ["midwife", "coordinator", "admin"] {
            let before = try admin.auditEntries().count
            let run = try CommandRun.triage(["synth", "--db", db, "--count", "5", "--out", dir.file(role), "--role", role])
            #expect(run.status == 3 && run.stderr.hasPrefix("triage: refused: \(me) (\(role)) may not ") && run.stderr.split(separator: "\n").count == 1,
                    "\(role): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.file(role)))
            #expect(try admin.auditEntries().count == before)
        }
        let run = try CommandRun.triage(["synth", "--db", db, "--count", "5", "--out", dir.file("researcher"), "--role", "researcher"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng"), "espeak-ng is not installed (make deps installs it)"))
    func audioIsAWAVPerCallReadInItsLanguage() throws {
        let db = try Self.sharedArchive.get()
        let out = dir.file("spoken")
        let run = try CommandRun.triage(["synth", "--db", db, "--count", "3", "--seed", "2", "--out", out, "--audio"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix(", with 3 recordings\n"), "\(run.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(out)/audio").sorted()
        #expect(files == ["synth-1.wav", "synth-2.wav", "synth-3.wav"])
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/audio/\(file)"))
            #expect(data.prefix(4) == Data("RIFF".utf8) && data.count > 44_100, "\(file): \(data.count) bytes")
        }
        // The recordings are archived like any: ingest reads them with the call's transcript beside them.
        let analysed = try CommandRun.triage(["features", "--summary", "\(out)/audio/synth-1.wav"])
        #expect(analysed.status == 0, "\(analysed.stderr)")
    }
}
