import Archive
import AudioIO
import Foundation
import TestSupport
import Testing

/// `triage backup`: the database and every recording it refers to, in a new folder that restores to the same
/// archive; a recording gone from its place is named and the rest backed up.
@Suite struct BackupCommandTests {
    @Test(arguments: ArchiveBackend.allCases)
    func aBackupHoldsTheArchiveAndItsRecordingsAndRestores(_ backend: ArchiveBackend) throws {
        let dir = TemporaryDirectory("backup")
        try FileManager.default.createDirectory(atPath: dir.file("calls"), withIntermediateDirectories: true)
        for name in ["da01-veer-foerstegang", "da03-vandafgang-klart", "en09-fainted-partner"] {
            for ext in ["flac", "vtt"] {
                try FileManager.default.copyItem(atPath: "\(Repository.root)/Recordings/\(name).\(ext)", toPath: dir.file("calls/\(name).\(ext)"))
            }
        }
        let db = try backend.newArchive(in: dir, "desk")
        let env = ["TRIAGE_RECORDINGS": dir.file("store")]
        let ingest = try CommandRun.triage(["ingest", "--no-features", "--db", db, dir.file("calls")], environment: env)
        try #require(ingest.status == 0, "\(ingest.stderr)")

        let backup = try CommandRun.triage(["backup", "--db", db, "--out", dir.file("backup")], environment: env)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("3 recordings"), "\(backup.stdout)")
        let recordings = try FileManager.default.contentsOfDirectory(atPath: dir.file("backup/recordings"))
        #expect(recordings.count == 3 && recordings.allSatisfy { $0.hasSuffix(".flac") })
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("backup/manifest.json")))) as? [String: Any]
        #expect(manifest?["calls"] as? Int == 3)
        #expect(!FileManager.default.fileExists(atPath: dir.file("backup.partial")))

        // The database restores to the same archive.
        let restored: String
        switch backend {
        case .sqlite:
            restored = dir.file("backup/archive.sqlite")
        case .postgresql:
            let server = try PostgresServer.shared
            let name = try server.createDatabase("restored")
            let run = try Tools.run(try #require(PostgresServer.program("pg_restore")), ["--no-owner", "-h", server.socketDirectory,
                                    "-U", server.superuser, "-d", name, dir.file("backup/archive.pgdump")], timeout: 120)
            try #require(run.status == 0, "\(run.output)")
            restored = server.address(database: name)
        }
        let list = ["calls", "list", "--format", "json", "--db"]
        #expect(try CommandRun.triage(list + [restored]).stdout == CommandRun.triage(list + [db]).stdout)
        #expect(try CommandRun.triage(["audit", "verify", "--db", restored]).status == 0)

        // The original moved away: the store's copy is backed up. The store's copy gone too: named, the rest backed
        // up, exit 1; an existing folder is refused.
        try FileManager.default.removeItem(atPath: dir.file("calls/da03-vandafgang-klart.flac"))
        let kept = try CommandRun.triage(["backup", "--db", db, "--out", dir.file("backup1")], environment: env)
        #expect(kept.status == 0 && kept.stdout.contains("3 recordings"), "\(kept.stdout)\(kept.stderr)")
        let hash = try ContentHash.sha256(fileAt: "\(Repository.root)/Recordings/da03-vandafgang-klart.flac")
        try FileManager.default.removeItem(atPath: RecordingStore(root: dir.file("store")).path(sha256: hash, fileExtension: "flac"))
        let second = try CommandRun.triage(["backup", "--db", db, "--out", dir.file("backup2")], environment: env)
        #expect(second.status == 1)
        #expect(second.stderr.contains("da03-vandafgang-klart.flac: missing"), "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("backup2/recordings")).count == 2)
        let again = try CommandRun.triage(["backup", "--db", db, "--out", dir.file("backup")], environment: env)
        #expect(again.status == 1 && again.stderr.contains("already exists") && again.stderr.split(separator: "\n").count == 1, "\(again.stderr)")
    }
}
