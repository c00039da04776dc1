import Foundation
import TriageCore

/// What a restore put back.
public struct ArchiveRestoreReport: Sendable {
    public var address: String
    public var calls: Int
    public var recordings: Int
    /// Where the archive that was there before now is (a restore never deletes one), when `replace` moved one aside.
    public var movedAside: String?
}

/// Restores a backup made by `ArchiveSession.backup(to:)`. Everything is checked before anything is replaced:
/// the manifest, every recording against its content hash, and the backed-up database (its integrity, its audit
/// log's chain, and that the account restoring is an admin of it). Then the recordings go into the target's
/// store and the database into place: an SQLite file written under a temporary name, synced and renamed (the
/// archive there before is moved aside, never deleted); a PostgreSQL dump by pg_restore into an empty database,
/// in one transaction. The restored archive's audit log records the restore.
public enum ArchiveRestore {
    public static func restore(from folder: String, to address: String, replace: Bool = false, account: Account = .current(),
                               clock: @escaping @Sendable () -> Date = { Date() }) throws -> ArchiveRestoreReport {
        let manifest = try BackupManifest(folder: folder)
        // 1. Every recording, before anything is touched.
        for recording in manifest.recordings {
            let found: String
            do { found = try SHA256Digest.hex(fileAt: recording.path) } catch {
                throw ArchiveError.file(path: recording.path, problem: "cannot read the backed-up recording (\(error.reason)); nothing was restored")
            }
            guard found == recording.sha256 else {
                throw ArchiveError.file(path: recording.path, problem: "damaged: its bytes do not match its content hash; nothing was restored")
            }
        }
        // 2. The database, and who restores it.
        let postgres = PostgresAddress.names(address)
        var movedAside: String?
        switch manifest.database {
        case "archive.sqlite":
            guard !postgres else { throw ArchiveError.file(path: folder, problem: "an SQLite backup restores into an SQLite file, not \(address)") }
            let backup = try ArchiveSession.open(address: manifest.databasePath, account: account, origin: "restore", readOnly: true, clock: clock)
            try check(backup, folder: folder)
            let fm = FileManager.default
            if fm.fileExists(atPath: address) {
                guard replace else { throw ArchiveError.file(path: address, problem: "an archive is already there; --replace moves it aside first") }
                // The account must be an admin of the archive it replaces, too.
                try ArchiveSession.open(address: address, account: account, origin: "restore", readOnly: true, clock: clock).require(.audit)
                movedAside = try moveAside(address, at: clock())
            }
            let temporary = address + ".restoring"
            unlink(temporary)
            defer { unlink(temporary) }
            do {
                try DurableFile.copy(from: manifest.databasePath, to: temporary)
                try DurableFile.rename(temporary, to: address)
            } catch {
                throw ArchiveError.file(path: error.path, problem: "cannot write the restored archive (\(error.reason))")
            }
        case "archive.pgdump":
            guard postgres else { throw ArchiveError.file(path: folder, problem: "a PostgreSQL backup restores into a postgresql:// archive, not \(address)") }
            try PostgresArchiveStore.restore(dump: manifest.databasePath, into: PostgresAddress(address))
        default:
            throw ArchiveError.file(path: manifest.path, problem: "names an unknown database file '\(manifest.database)'")
        }
        // 3. The restored archive checked, its recordings into its store, then the restore into its audit log.
        let restored = try ArchiveSession.open(address: address, account: account, origin: "restore", clock: clock)
        try check(restored, folder: folder)
        for recording in manifest.recordings { try restored.recordings.keep(fileAt: recording.path, sha256: recording.sha256, verify: true) }
        try restored.recordRestore(from: folder)
        return ArchiveRestoreReport(address: address, calls: try restored.callCount(), recordings: manifest.recordings.count, movedAside: movedAside)
    }

    /// The admin's checks of an archive: its integrity and its audit log's chain.
    static func check(_ session: ArchiveSession, folder: String) throws {
        try session.require(.audit)
        let integrity = try session.integrityCheck()
        guard integrity == ["ok"] else {
            throw ArchiveError.file(path: session.address, problem: "fails its integrity check (\(integrity.first ?? "?")); nothing more was restored")
        }
        if let broken = try session.verifyAudit() {
            throw ArchiveError.file(path: session.address, problem: "its audit log's chain breaks (\(broken)); nothing more was restored")
        }
    }

    /// Moves the SQLite archive at `path` (with its write-ahead log) to `path.before-restore-TIME`.
    static func moveAside(_ path: String, at time: Date) throws -> String {
        let stamp = Timestamps.iso8601(time).filter { $0.isNumber || $0 == "T" }
        let aside = "\(path).before-restore-\(stamp)"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do { try DurableFile.rename(path + suffix, to: aside + suffix) } catch {
                throw ArchiveError.file(path: error.path, problem: "cannot move the archive aside (\(error.reason))")
            }
        }
        return aside
    }
}

/// A backup folder's `manifest.json`: its database file and its recordings.
struct BackupManifest {
    struct Recording {
        var sha256: String
        var path: String
    }

    var path: String
    var database: String
    var databasePath: String
    var recordings: [Recording]

    init(folder: String) throws {
        path = (folder as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArchiveError.file(path: path, problem: "no manifest here: not a backup made by 'triage backup'")
        }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            throw ArchiveError.file(path: path, problem: "not JSON (\(error.localizedDescription))")
        }
        guard let object = parsed as? [String: Any], let database = object["database"] as? String,
              ["archive.sqlite", "archive.pgdump"].contains(database), let entries = object["recordings"] as? [[String: String]] else {
            throw ArchiveError.file(path: path, problem: "not a backup's manifest (no database or recordings)")
        }
        self.database = database
        databasePath = (folder as NSString).appendingPathComponent(database)
        recordings = try entries.enumerated().map { index, entry in
            // A name the backup made itself: recordings/HASH.EXT, nothing that climbs out of the folder.
            guard let sha256 = entry["sha256"], sha256.count == 64, sha256.allSatisfy(\.isHexDigit), let file = entry["file"],
                  file == "recordings/" + RecordingStore.fileName(sha256: sha256, fileExtension: (file as NSString).pathExtension) else {
                throw ArchiveError.file(path: "\(folder)/manifest.json", problem: "recording \(index + 1) is not one a backup names")
            }
            return Recording(sha256: sha256, path: (folder as NSString).appendingPathComponent(file))
        }
    }
}
