import Foundation
import Synchronization

/// A department's archive on a PostgreSQL server, the same store interface as the embedded SQLite archive.
///
/// One connection per store, used by one operation at a time. Every write is one transaction that ends by appending
/// its audit row under the archive's write lock (an advisory lock of the database), so that the audit chain grows one
/// row at a time from every desk; a recording ingested at two desks at once is one call (the content hash is unique).
/// Reads run on a consistent snapshot and never wait for writers.
public final class PostgresArchiveStore: @unchecked Sendable {
    /// The server and database, as given (never with a password).
    public let location: PostgresAddress
    private let connection: PostgresConnection
    /// Guards `connection`: libpq connections are not shared between threads.
    private let lock = NSLock()
    /// The session's settings and LISTENs, set again after a reconnection.
    private let session = Mutex<[String]>([])

    /// The advisory-lock keys: one for writes, one for migrations (held across a migration's transactions).
    static let writeLockKey: Int64 = 0x7472_6961_6765_0001
    static let migrationLockKey: Int64 = 0x7472_6961_6765_0002

    /// Connects to the archive at `address`, creating or upgrading its schema unless `readOnly`.
    ///
    /// - Parameter busyTimeout: how long an operation waits for another desk's lock before failing with `.locked`.
    public init(address: String, readOnly: Bool = false, busyTimeout: TimeInterval = 5) throws {
        location = try PostgresAddress(address)
        do {
            connection = try PostgresConnection(location, timeoutSeconds: Int(busyTimeout.rounded(.up)))
        } catch {
            throw ArchiveError.from(error, address: address)
        }
        let timeoutMs = Int(max(1, min(busyTimeout, 3600)) * 1000)
        try setForSession("SET lock_timeout = \(timeoutMs)")
        if readOnly {
            try setForSession("SET default_transaction_read_only = on")
            let applied = try appliedMigrations()
            if applied != PostgresMigrations.all.map(\.identifier) {
                throw ArchiveError.failed(path: address, reason: "the schema is out of date; open it once for writing to upgrade it")
            }
        } else {
            try migrate()
        }
    }

    /// Applies the migrations not yet applied, each in a transaction of its own, under the migration lock (two
    /// processes creating one archive at the same moment: the second finds the first's work done).
    private func migrate() throws {
        try guarded {
            try connection.execute("SELECT pg_advisory_lock($1)", [Self.migrationLockKey])
            defer { connection.releaseSessionLock(Self.migrationLockKey) }
            // A current archive is left alone: the other roles' accounts may not create anything in it.
            if try connection.execute("SELECT to_regclass('schema_migrations') IS NULL AS missing").first?.bool("missing") == true {
                try connection.execute("CREATE TABLE schema_migrations (identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            }
            let applied = Set(try connection.execute("SELECT identifier FROM schema_migrations").compactMap { $0["identifier"] })
            for migration in PostgresMigrations.all where !applied.contains(migration.identifier) {
                do {
                    try inTransaction("BEGIN") { db in
                        try db.executeScript(migration.sql)
                        try db.execute("INSERT INTO schema_migrations (identifier, applied_at) VALUES ($1, $2)",
                                       [migration.identifier, Timestamps.iso8601(Date())])
                    }
                } catch {
                    throw PostgresFailure(sqlState: (error as? PostgresFailure)?.sqlState ?? "",
                                          message: "migration \(migration.identifier) failed: \(error)")
                }
            }
        }
    }

    /// Runs `body` in one write transaction; errors come back as `ArchiveError`.
    ///
    /// The archive's write lock is taken when the change appends its audit row, its last step, and held to the
    /// commit: writers from different desks overlap until then, and the audit chain still grows one row at a time in
    /// commit order. Holding the lock only over the audit tables, a writer never waits for a row another holds, so
    /// no deadlock. `serialized` takes it first instead, for changes that read before they write (the first user).
    func write<T>(serialized: Bool = false, _ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction("BEGIN") { db in
            if serialized { try Self.takeWriteLock(db) }
            return try body(db)
        }
    }

    /// Takes the archive's write lock for the rest of the transaction (again: no effect).
    static func takeWriteLock(_ db: PostgresConnection) throws {
        try db.execute("SELECT pg_advisory_xact_lock($1)", [writeLockKey])
    }

    /// Runs `body` on one consistent snapshot; errors come back as `ArchiveError`.
    func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// `body` between `begin` and COMMIT, rolled back when it throws.
    private func transaction<T>(_ begin: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        try guarded { try inTransaction(begin, body) }
    }

    /// `body` between `begin` and COMMIT on the connection the caller holds, rolled back when it throws.
    private func inTransaction<T>(_ begin: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        do { try connection.execute(begin) } catch {
            // The server went away since the last operation: nothing of this one was sent, so it starts again once.
            guard try reconnectIfLost() else { throw error }
            try connection.execute(begin)
        }
        do {
            let result = try body(connection)
            try connection.execute("COMMIT")
            return result
        } catch {
            connection.abandonTransaction()
            throw error
        }
    }

    /// Connects again when the server closed the connection, and sets this session's settings and LISTENs again;
    /// true when it did. The caller holds the connection.
    private func reconnectIfLost() throws -> Bool {
        guard connection.reconnectIfLost() else { return false }
        for statement in session.withLock({ $0 }) { try connection.execute(statement) }
        return true
    }

    /// Runs a statement that cannot run inside a transaction (`ANALYZE` of the whole database, `VACUUM`).
    func outsideTransaction(_ sql: String) throws {
        try guarded { _ = try connection.execute(sql) }
    }

    /// Holds the connection for `body`, translating failures. A connection the server closed since the last operation
    /// (a restart, a fail-over to a standby) is made again first, with this session's settings and LISTEN.
    private func guarded<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            _ = try reconnectIfLost()
            return try body()
        } catch { throw ArchiveError.from(error, address: location.uri) }
    }

    /// Runs a session setting now and again after every reconnection.
    private func setForSession(_ statement: String) throws {
        session.withLock { $0.append(statement) }
        try guarded { _ = try connection.execute(statement) }
    }

    /// Waits up to `timeout` for notifications on channels this store listens to (`listen(to:)`).
    func notifications(waiting timeout: TimeInterval) throws -> [(channel: String, payload: String)] {
        try guarded { try connection.notifications(waiting: timeout) }
    }

    /// Subscribes this connection to `channel` (an identifier of ours, never user input).
    func listen(to channel: String) throws {
        try setForSession("LISTEN \(channel)")
    }
}

extension PostgresArchiveStore: MaintenanceStore {
    public var address: String { location.uri }

    /// `["ok"]` when the schema is current and the server answers; PostgreSQL checks its own pages.
    public func integrityCheck() throws -> [String] {
        let applied = try appliedMigrations()
        let missing = PostgresMigrations.all.map(\.identifier).filter { !applied.contains($0) }
        return missing.isEmpty ? ["ok"] : missing.map { "migration \($0) is not applied" }
    }

    /// `pg_dump` in its custom format (`pg_restore` reads it) into `archive.pgdump`: one snapshot, taken while desks
    /// go on working; the password, if any, from `~/.pgpass` as for every connection.
    public func backupDatabase(into folder: String) throws -> String {
        let name = "archive.pgdump"
        let target = (folder as NSString).appendingPathComponent(name)
        guard let pgDump = Self.program("pg_dump") else {
            throw ArchiveError.failed(path: address, reason: "pg_dump is not installed (Debian's postgresql-client)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pgDump)
        process.arguments = ["--format=custom", "--no-password", "--file", target, "--dbname", location.uri]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw ArchiveError.failed(path: address, reason: "cannot run pg_dump: \(error)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ArchiveError.failed(path: address, reason: "pg_dump failed: \(PostgresConnection.firstLine(message))")
        }
        return name
    }

    /// Restores a dump made by `backupDatabase(into:)` into the database at `address`, which must be empty: in one
    /// transaction, so that a failure leaves it as it was.
    static func restore(dump: String, into address: PostgresAddress) throws {
        guard let pgRestore = program("pg_restore") else {
            throw ArchiveError.failed(path: address.uri, reason: "pg_restore is not installed (Debian's postgresql-client)")
        }
        let target = try PostgresArchiveStore.tablesExist(at: address)
        guard !target else { throw ArchiveError.failed(path: address.uri, reason: "the database already holds an archive; restore into an empty one") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pgRestore)
        process.arguments = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-password", "--dbname", address.uri, dump]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw ArchiveError.failed(path: address.uri, reason: "cannot run pg_restore: \(error)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ArchiveError.failed(path: address.uri, reason: "pg_restore failed: \(PostgresConnection.firstLine(message))")
        }
    }

    /// Whether the database at `address` already holds an archive's tables.
    static func tablesExist(at address: PostgresAddress) throws -> Bool {
        let connection = try PostgresConnection(address, timeoutSeconds: 10)
        let rows = try connection.execute("SELECT to_regclass('public.calls') IS NOT NULL AS present")
        return rows.first?["present"] == "t"
    }

    /// A PostgreSQL client program: the newest server version's, else the one on PATH.
    static func program(_ name: String) -> String? {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let candidates = versions.compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin/\(name)" } + ["/usr/bin/\(name)"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public func appliedMigrations() throws -> [String] {
        try read { db in try db.execute("SELECT identifier FROM schema_migrations ORDER BY identifier").compactMap { $0["identifier"] } }
    }
}

extension ArchiveError {
    /// Translates a PostgreSQL failure into the user's terms, naming the archive.
    static func from(_ error: Error, address: String) -> ArchiveError {
        if let archive = error as? ArchiveError { return archive }
        guard let failure = error as? PostgresFailure else { return .failed(path: address, reason: "\(error)") }
        switch failure.sqlState {
        case "08000", "08001", "08003", "08004", "08006": return .cannotOpen(path: address, reason: failure.message)
        case PostgresFailure.lockNotAvailable, PostgresFailure.deadlockDetected, PostgresFailure.serializationFailure:
            return .locked(path: address)
        case PostgresFailure.readOnlyTransaction: return .readOnly(path: address)
        case PostgresFailure.diskFull: return .diskFull(path: address)
        case PostgresFailure.insufficientPrivilege:
            return .failed(path: address, reason: "the database refused: \(failure.message)")
        default: return .failed(path: address, reason: failure.message)
        }
    }
}
