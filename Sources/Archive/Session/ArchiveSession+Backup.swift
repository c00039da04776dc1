import Foundation
import TriageCore

/// What a backup holds and what it could not take.
public struct ArchiveBackupReport: Sendable {
    public var folder: String
    /// The database's file in the folder (`archive.sqlite` or `archive.pgdump`).
    public var databaseFile: String
    /// Recordings copied into `recordings/`, named by their content hash.
    public var recordings: Int
    /// Recordings the archive refers to that are gone or changed since they were ingested (path and problem).
    public var missing: [(path: String, problem: String)]
}

extension ArchiveSession {
    /// Backs the archive up into a new folder `folder`: the database (a consistent snapshot while desks go on
    /// working) and every recording the archive refers to, copied under its content hash after checking it is the
    /// one ingested, with a `manifest.json`. Written into `folder.partial` and renamed at the end, so a backup cut
    /// off part-way is never taken for a whole one. An admin's operation, audited.
    public func backup(to folder: String) throws -> ArchiveBackupReport {
        try require(.audit)
        let fm = FileManager.default
        guard !fm.fileExists(atPath: folder) else { throw ArchiveError.file(path: folder, problem: "already exists; name a new folder") }
        let partial = folder + ".partial"
        do {
            if fm.fileExists(atPath: partial) { try fm.removeItem(atPath: partial) } // what an earlier, interrupted backup left
            try fm.createDirectory(atPath: partial + "/recordings", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ArchiveError.file(path: folder, problem: "cannot create the folder (\(error.localizedDescription))")
        }
        try store.append(context().event(.export, detail: "backup to \(folder)"))
        let databaseFile = try store.backupDatabase(into: partial)
        var copied: [[String: String]] = [], missing: [(path: String, problem: String)] = []
        let removed = try removedRecordings()
        try forEachAudioCall { call in
            if removed.contains(call.id) { return } // removed under the retention policy
            let file = "recordings/" + RecordingStore.fileName(sha256: call.sha256, fileExtension: (call.path as NSString).pathExtension)
            guard let source = recordingPath(of: call) else { missing.append((call.path, "missing")); return }
            let hash: String
            do throws(SHA256Digest.ReadFailure) { hash = try SHA256Digest.hex(fileAt: source) } catch { missing.append((source, "unreadable (\(error.reason))")); return }
            guard hash == call.sha256 else { missing.append((source, "changed since it was ingested")); return }
            do throws(DurableFile.Failure) { try DurableFile.copy(from: source, to: "\(partial)/\(file)") } catch {
                throw ArchiveError.file(path: error.path, problem: "cannot write the recording (\(error.reason))")
            }
            copied.append(["call": String(call.id), "sha256": call.sha256, "path": call.path, "file": file])
        }
        let manifest: [String: Any] = [
            "archive": address, "made_at": Timestamps.iso8601(clock()), "made_by": user.name, "database": databaseFile,
            "calls": try store.callCount(), "recordings": copied, "missing": missing.map { ["path": $0.path, "problem": $0.problem] },
        ]
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        do {
            try json.write(to: URL(fileURLWithPath: partial + "/manifest.json"))
            try fm.moveItem(atPath: partial, toPath: folder)
        } catch {
            throw ArchiveError.file(path: folder, problem: "cannot finish the backup (\(error.localizedDescription))")
        }
        return ArchiveBackupReport(folder: folder, databaseFile: databaseFile, recordings: copied.count, missing: missing)
    }
}
