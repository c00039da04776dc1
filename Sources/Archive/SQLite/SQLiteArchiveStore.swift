import Foundation
import GRDB

/// The embedded archive: one SQLite database in WAL mode, migrated on open, readable and writable only by the
/// account that owns it (mode 0600).
///
/// Every write is one transaction, so a crash or a kill leaves either the whole change or none of it. Safe to
/// share between threads; readers never block the writer. Other modules reach it only through `ArchiveSession`.
public final class SQLiteArchiveStore: Sendable {
    /// Where the database lives.
    public let path: String
    let pool: DatabasePool
    /// How far `changes(waiting:)` has read the audit log.
    let changeCursor = ChangeCursor()

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
        if !readOnly { try Self.createPrivately(path) }
        do {
            pool = try Self.openPool(path: path, configuration: configuration, readOnly: readOnly, waiting: busyTimeout)
        } catch {
            throw ArchiveError.from(error, path: path)
        }
    }

    /// Opens the pool and migrates it (or checks it is current, read-only). Two processes that create an archive at
    /// the same moment race: switching to WAL or a migration fails for the loser ("database is locked", "table calls
    /// already exists"). It waits and tries again (within the busy timeout), and then finds the winner's work done.
    private static func openPool(path: String, configuration: Configuration, readOnly: Bool, waiting: TimeInterval) throws -> DatabasePool {
        var attempt = 0
        let deadline = Date().addingTimeInterval(waiting)
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                if readOnly {
                    let current = try pool.read { try ArchiveMigrator.migrator.hasCompletedMigrations($0) }
                    if !current {
                        throw ArchiveError.failed(path: path, reason: "the schema is out of date; open it once for writing to upgrade it")
                    }
                } else {
                    try ArchiveMigrator.migrator.migrate(pool)
                }
                return pool
            } catch let error as DatabaseError where Date() < deadline && [.SQLITE_ERROR, .SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
                attempt += 1
                usleep(useconds_t(10_000 * attempt))
            }
        }
    }

    /// Creates the database file readable by its owner alone (SQLite gives the WAL and shared-memory files the
    /// database's mode), and narrows an existing one's mode if it is wider. An existing file is never opened here:
    /// closing a descriptor of it would drop every POSIX lock this process's other connections hold on it, and
    /// another process could then checkpoint under their feet.
    private static func createPrivately(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_uid == geteuid(), info.st_mode & 0o077 != 0 { _ = chmod(path, 0o600) }
        } else {
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
            if fd >= 0 {
                close(fd)
            } else if errno != EEXIST {
                let reason = String(cString: strerror(errno))
                if errno == EACCES || errno == EROFS { return } // opening read-write reports it in SQLite's terms
                throw ArchiveError.cannotOpen(path: path, reason: reason)
            }
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) { _ = chmod(path + suffix, 0o600) }
    }

    /// Runs `body` in one write transaction; errors come back as `ArchiveError`.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw ArchiveError.from(error, path: path) }
    }

    /// Runs `body` on a consistent read snapshot; errors come back as `ArchiveError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw ArchiveError.from(error, path: path) }
    }
}

extension SQLiteArchiveStore: MaintenanceStore {
    public var address: String { path }

    public func integrityCheck() throws -> [String] {
        try read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    public func appliedMigrations() throws -> [String] {
        try read { try ArchiveMigrator.migrator.appliedIdentifiers($0).sorted() }
    }

    /// SQLite's online backup into `archive.sqlite`: one read snapshot, copied page by page.
    public func backupDatabase(into folder: String) throws -> String {
        let name = "archive.sqlite"
        let target = (folder as NSString).appendingPathComponent(name)
        do {
            let destination = try DatabaseQueue(path: target)
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            throw ArchiveError.from(error, path: target)
        }
        return name
    }
}

extension SQLiteArchiveStore {
    /// The database's journal mode (`wal`), for the store's own tests.
    func journalMode() throws -> String? { try read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } }
}
