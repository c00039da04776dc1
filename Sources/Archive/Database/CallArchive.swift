import Foundation
import GRDB

/// The call archive: one SQLite database in WAL mode, migrated on open.
///
/// Every write is one transaction, so a crash or a kill leaves either the whole change or none
/// of it. Safe to share between threads; readers never block the writer.
public final class CallArchive: Sendable {
    /// Where the database lives.
    public let path: String
    let pool: DatabasePool

    /// The database path when none is given: `$TRIAGE_DB`, else `triage.sqlite` in the working directory.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["TRIAGE_DB"], !path.isEmpty { return path }
        return "triage.sqlite"
    }

    /// Opens (creating and migrating when needed) the archive at `path`.
    ///
    /// - Parameters:
    ///   - readOnly: open without writing; the database must exist.
    ///   - busyTimeout: how long to wait for another process's lock before failing with `.locked`.
    public init(path: String, readOnly: Bool = false, busyTimeout: TimeInterval = 5) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "triage-archive"
        configuration.prepareDatabase { db in
            // Reading through memory maps: statistics scan many rows, and read(2) calls would dominate.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            if !db.configuration.readonly {
                // WAL with NORMAL sync: a commit survives a crash or kill of the process; only a
                // power cut may lose the last commits, never corrupt the file.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw ArchiveError.cannotOpen(path: path, reason: "no such file")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw ArchiveError.cannotOpen(path: path, reason: "the folder \(directory) does not exist")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if readOnly {
                let current = try pool.read { try ArchiveMigrator.migrator.hasCompletedMigrations($0) }
                if !current {
                    throw ArchiveError.failed(path: path, reason: "the schema is out of date; open it once for writing to upgrade it")
                }
            } else {
                try ArchiveMigrator.migrator.migrate(pool)
            }
        } catch {
            throw ArchiveError.from(error, path: path)
        }
    }

    /// Runs `body` in one write transaction; errors come back as `ArchiveError`.
    public func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw ArchiveError.from(error, path: path) }
    }

    /// Runs `body` on a consistent read snapshot; errors come back as `ArchiveError`.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw ArchiveError.from(error, path: path) }
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound database.
    public func integrityCheck() throws -> [String] {
        try read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    /// The identifiers of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        try read { try ArchiveMigrator.migrator.appliedIdentifiers($0).sorted() }
    }
}
