import Archive
import AudioIO
import Foundation
import TestSupport
import Testing
import TriageCore

/// The archive's recording store: ingest copies every recording in, so the originals may go; `triage verify`
/// finds a missing or damaged copy; `triage restore` puts a backup taken while desks work back into place, and
/// refuses a damaged one without touching anything.
@Suite struct RecordingStoreCommandTests {
    static let calls = ["da01-veer-foerstegang", "da03-vandafgang-klart", "en09-fainted-partner"]

    /// Copies demo calls into `dir/calls` and ingests them with the store at `dir/store`.
    static func ingested(_ backend: ArchiveBackend, in dir: TemporaryDirectory) throws -> (db: String, env: [String: String]) {
        try FileManager.default.createDirectory(atPath: dir.file("calls"), withIntermediateDirectories: true)
        for name in calls {
            for ext in ["flac", "vtt", "meta.json"] {
                try FileManager.default.copyItem(atPath: "\(Repository.root)/Recordings/\(name).\(ext)", toPath: dir.file("calls/\(name).\(ext)"))
            }
        }
        let env = ["TRIAGE_RECORDINGS": dir.file("store")]
        let db = try backend.newArchive(in: dir, "desk")
        let ingest = try CommandRun.triage(["ingest", "--no-features", "--db", db, dir.file("calls")], environment: env)
        try #require(ingest.status == 0, "\(ingest.stderr)")
        return (db, env)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func everyCallStaysPlayableWithTheOriginalsDeletedAndVerifyFindsAFlippedByte(_ backend: ArchiveBackend) throws {
        let dir = TemporaryDirectory("store")
        let (db, env) = try Self.ingested(backend, in: dir)
        for name in Self.calls { try FileManager.default.removeItem(atPath: dir.file("calls/\(name).flac")) }

        // What the label screen plays and draws: the store's copy, whole.
        let session = try ArchiveSession.open(address: db, role: .researcher, origin: "test", recordings: dir.file("store"))
        let ids = try session.listCalls().map(\.id)
        #expect(ids.count == 3)
        for id in ids {
            let recording = try #require(try session.openRecording(ofCall: id))
            #expect(recording.path.hasPrefix(dir.file("store/")), "\(recording.path)")
            let file = try AudioFile(path: recording.path)
            #expect(try file.readMono().count == Int(file.info.frames))
        }

        let verify = try CommandRun.triage(["verify", "--db", db], environment: env)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("verified 3 recordings") && verify.stdout.contains("all intact"), "\(verify.stdout)")

        // One byte flipped in a stored copy: named, with its call, and exit 1.
        let calls = try session.listCalls()
        let victim = try #require(calls.first { $0.path.hasSuffix("da03-vandafgang-klart.flac") })
        let copy = RecordingStore(root: dir.file("store")).path(sha256: victim.sha256, fileExtension: "flac")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: copy))
        let damaged = try CommandRun.triage(["verify", "--db", db], environment: env)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("call \(victim.id): ") && damaged.stderr.contains("damaged in the recording store")
                && damaged.stderr.contains("the original is gone too"), "\(damaged.stderr)")

        // With the original back, --repair copies it in again.
        try FileManager.default.copyItem(atPath: "\(Repository.root)/Recordings/da03-vandafgang-klart.flac", toPath: victim.path)
        let repaired = try CommandRun.triage(["verify", "--repair", "--db", db], environment: env)
        #expect(repaired.status == 0 && repaired.stdout.contains("1 copied in from their originals"), "\(repaired.stdout)\(repaired.stderr)")
        #expect(try CommandRun.triage(["verify", "--db", db], environment: env).status == 0)
        // Only an admin verifies.
        #expect(try CommandRun.triage(["verify", "--db", db, "--role", "midwife"], environment: env).status == 3)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func aBackupTakenWhileDesksWorkRestoresWithEverythingCommittedBeforeIt(_ backend: ArchiveBackend) throws {
        let dir = TemporaryDirectory("restore")
        let (db, env) = try Self.ingested(backend, in: dir)
        for name in Self.calls { try FileManager.default.removeItem(atPath: dir.file("calls/\(name).flac")) }
        let researcher = try ArchiveSession.open(address: db, role: .researcher, origin: "test", recordings: dir.file("store"))
        let midwife = try ArchiveSession.open(address: db, role: .midwife, origin: "test", recordings: dir.file("store"))
        let ids = try researcher.listCalls().map(\.id)
        @Sendable func label(_ i: Int) throws {
            _ = try researcher.annotate(AnnotationRecord(callID: ids[i % ids.count], annotator: "r1", startMs: i * 10, endMs: i * 10 + 5,
                                                         code: LabelCode(rawValue: "labour_contractions"), taxonomyID: "t", taxonomyVersion: "1"))
        }
        for i in 0..<20 { try label(i) }
        _ = try midwife.decide(DecisionRecord(callID: ids[0], taxonomyID: "t", taxonomyVersion: "1", reasons: [ReasonCode(rawValue: "labour_contractions")],
                                              disposition: .attendSoon))

        // The backup runs while another ingest and a labelling session go on.
        try FileManager.default.createDirectory(atPath: dir.file("more"), withIntermediateDirectories: true)
        for i in 0..<40 { try dir.write("more/extra\(i).txt", "C: Jeg har veer hver \(i % 9 + 2). minut.\n") }
        let more = Process()
        more.executableURL = URL(fileURLWithPath: Repository.executable)
        more.arguments = ["ingest", "--no-features", "--db", db, dir.file("more")]
        more.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }.merging(["XDG_DATA_HOME": dir.file("data")]) { $1 }
        more.standardOutput = FileHandle.nullDevice
        more.standardError = FileHandle.nullDevice
        try more.run()
        let labelling = DispatchGroup()
        DispatchQueue.global().async(group: labelling) { for i in 20..<120 { _ = try? label(i) } }
        let backup = try CommandRun.triage(["backup", "--db", db, "--out", dir.file("backup")], environment: env)
        more.waitUntilExit()
        labelling.wait()
        try #require(backup.status == 0, "\(backup.stderr)")

        // A new SQLite file, or an empty database (pg_restore makes the tables itself).
        let restoreTarget = try backend.newArchive(in: dir, "restored")
        let restoredStore = ["TRIAGE_RECORDINGS": dir.file("restored-store")]
        let restore = try CommandRun.triage(["restore", dir.file("backup"), "--db", restoreTarget], environment: restoredStore)
        try #require(restore.status == 0, "\(restore.stderr)")
        #expect(try CommandRun.triage(["audit", "verify", "--db", restoreTarget], environment: restoredStore).status == 0)
        let verify = try CommandRun.triage(["verify", "--db", restoreTarget], environment: restoredStore)
        #expect(verify.status == 0 && verify.stdout.contains("verified 3 recordings"), "\(verify.stdout)\(verify.stderr)")
        #expect(try ArchiveSession.open(address: restoreTarget, origin: "test").integrityCheck() == ["ok"])
        let restored = try ArchiveSession.open(address: restoreTarget, role: .researcher, origin: "test", recordings: dir.file("restored-store"))
        // Everything committed before the backup began is there.
        let labels = try ids.flatMap { try restored.annotations(ofCall: $0) }
        #expect(labels.filter { $0.startMs < 200 }.count == 20)
        #expect(try restored.latestDecision(ofCall: ids[0])?.disposition == .attendSoon)
        // The restored archive's audit log records the restore.
        #expect(try ArchiveSession.open(address: restoreTarget, origin: "test").auditEntries().contains { $0.action == "restore" })
        for id in ids { #expect(try restored.openRecording(ofCall: id)?.path.hasPrefix(dir.file("restored-store/")) == true) }
    }

    @Test func aDamagedBackupIsRefusedBeforeAnythingIsReplaced() throws {
        let dir = TemporaryDirectory("restore-damaged")
        let (db, env) = try Self.ingested(.sqlite, in: dir)
        #expect(try CommandRun.triage(["backup", "--db", db, "--out", dir.file("backup")], environment: env).status == 0)
        let target = dir.file("target.sqlite")
        _ = try CommandRun.triage(["ingest", "--no-features", "--db", target, dir.file("calls/en09-fainted-partner.vtt")], environment: env)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))

        let recordings = try FileManager.default.contentsOfDirectory(atPath: dir.file("backup/recordings")).sorted()
        let victim = dir.file("backup/recordings/\(recordings[0])")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: victim))
        bytes[100] ^= 0x80
        try bytes.write(to: URL(fileURLWithPath: victim))
        let refused = try CommandRun.triage(["restore", dir.file("backup"), "--db", target, "--replace"], environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr == "triage: \(victim): damaged: its bytes do not match its content hash; nothing was restored\n", "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("before-restore") }.isEmpty)

        // Without --replace an existing archive is never overwritten; a folder that is no backup is named.
        bytes[100] ^= 0x80
        try bytes.write(to: URL(fileURLWithPath: victim))
        let kept = try CommandRun.triage(["restore", dir.file("backup"), "--db", target], environment: env)
        #expect(kept.status == 1 && kept.stderr.contains("already there; --replace moves it aside"), "\(kept.stderr)")
        let nothing = try CommandRun.triage(["restore", dir.file("calls"), "--db", dir.file("new.sqlite")], environment: env)
        #expect(nothing.status == 1 && nothing.stderr.contains("manifest.json: no manifest here"), "\(nothing.stderr)")
        let replaced = try CommandRun.triage(["restore", dir.file("backup"), "--db", target, "--replace"], environment: env)
        #expect(replaced.status == 0 && replaced.stdout.contains("moved the archive that was there aside"), "\(replaced.stdout)\(replaced.stderr)")
        #expect(try CommandRun.triage(["calls", "list", "--db", target], environment: env).stdout.contains("3 calls"))
    }

    /// Retention: recordings of calls archived longer ago than the period go from the store, each with its audit
    /// entry; the calls keep their transcripts and labels, verify counts them as removed, and playing one says why.
    @Test(arguments: ArchiveBackend.allCases)
    func retentionRemovesOldRecordingsAndKeepsTheWords(_ backend: ArchiveBackend) throws {
        let dir = TemporaryDirectory("retention")
        let (db, env) = try Self.ingested(backend, in: dir)
        let young = try CommandRun.triage(["retention", "--older-than-days", "30", "--db", db], environment: env)
        #expect(young.status == 0 && young.stdout.contains("removed 0 recordings, kept 3"), "\(young.stdout)\(young.stderr)")
        #expect(try CommandRun.triage(["retention", "--db", db], environment: env).status == 2)

        let researcher = try ArchiveSession.open(address: db, role: .researcher, origin: "test", recordings: dir.file("store"))
        let calls = try researcher.listCalls()
        _ = try researcher.annotate(AnnotationRecord(callID: calls[0].id, annotator: "r1", startMs: 0, endMs: 500,
                                                     code: LabelCode(rawValue: "labour_contractions"), taxonomyID: "t", taxonomyVersion: "1"))
        // Forty days on, a thirty-day policy: every recording goes, nothing else.
        let later = try ArchiveSession.open(address: db, origin: "retention", recordings: dir.file("store"), clock: { Date().addingTimeInterval(40 * 86_400) })
        let dry = try later.applyRetention(olderThanDays: 30, dryRun: true)
        #expect(dry.removed.count == 3)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.file("store")).filter { $0.hasSuffix(".flac") }.count == 3)
        let result = try later.applyRetention(olderThanDays: 30)
        #expect(result.removed.count == 3 && result.kept == 0)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.file("store")).filter { $0.hasSuffix(".flac") }.isEmpty)
        #expect(try later.auditEntries(AuditFilter(action: .removeRecording)).count == 3)
        for call in calls {
            #expect(try !researcher.turns(ofCall: call.id).isEmpty)
            #expect(throws: ArchiveError.self) { try researcher.openRecording(ofCall: call.id) }
        }
        #expect(try researcher.annotations(ofCall: calls[0].id).count == 1)
        let verify = try CommandRun.triage(["verify", "--db", db], environment: env)
        #expect(verify.status == 0 && verify.stdout.contains("3 removed under the retention policy"), "\(verify.stdout)\(verify.stderr)")
        #expect(try later.verifyAudit() == nil)
    }
}
