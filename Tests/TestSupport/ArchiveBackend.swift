import Foundation

/// The two kinds of archive the end-to-end tests run the product on: an SQLite file in the test's folder, or a new
/// database on the test process's own PostgreSQL server, owned by the account running the tests (as a department's
/// archive is owned by its administrator's account).
public enum ArchiveBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgresql

    public var description: String { rawValue }

    /// A new, empty archive's address.
    public func newArchive(in directory: TemporaryDirectory, _ label: String = "archive") throws -> String {
        switch self {
        case .sqlite: return directory.file("\(label).sqlite")
        case .postgresql: return try PostgresServer.shared.newDatabaseOwnedByThisAccount(label)
        }
    }
}

extension PostgresServer {
    /// A new database owned by the account running the tests (its login role made when missing, allowed to create
    /// the archive's roles), and the address that reaches it as that account.
    public func newDatabaseOwnedByThisAccount(_ label: String) throws -> String {
        guard let entry = getpwuid(geteuid()) else { throw Missing(what: "this account's name") }
        let me = String(cString: entry.pointee.pw_name).replacingOccurrences(of: "\"", with: "\"\"")
        let role = try psql(database: "postgres", """
            DO $$ BEGIN CREATE ROLE "\(me)" LOGIN CREATEROLE; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
            """)
        guard role.status == 0 else { throw Missing(what: "a login role for \(me): \(role.output)") }
        let name = try createDatabase(label)
        let owned = try psql(database: "postgres", "ALTER DATABASE \(name) OWNER TO \"\(me)\"")
        guard owned.status == 0 else { throw Missing(what: "a database owned by \(me): \(owned.output)") }
        return "postgresql:///\(name)?host=\(socketDirectory)"
    }
}
