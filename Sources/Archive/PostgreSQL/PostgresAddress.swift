import Foundation

/// A department archive's address: a PostgreSQL connection URI (`postgresql://user@host:port/dbname`, or
/// `postgresql:///dbname?host=/run/postgresql` for a Unix socket). The password never travels in it: libpq finds it
/// in `PGPASSFILE` or `~/.pgpass`, or the server trusts the operating-system account (peer authentication).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The URI as given.
    public let uri: String

    /// Whether `address` names a PostgreSQL archive rather than an SQLite file.
    public static func names(_ address: String) -> Bool {
        address.hasPrefix("postgresql://") || address.hasPrefix("postgres://")
    }

    /// Checks the URI: a PostgreSQL scheme, a database name, and no password.
    public init(_ uri: String) throws {
        guard Self.names(uri) else {
            throw ArchiveError.cannotOpen(path: uri, reason: "a PostgreSQL address starts with postgresql://")
        }
        guard let components = URLComponents(string: uri) else {
            throw ArchiveError.cannotOpen(path: uri, reason: "not a valid postgresql:// address")
        }
        if components.password != nil || components.queryItems?.contains(where: { $0.name == "password" }) == true {
            // Shown without the password, which must not end up in shell histories, process lists or logs.
            throw ArchiveError.cannotOpen(path: Self.redacted(components),
                                          reason: "a password does not belong in the address; put it in ~/.pgpass or PGPASSFILE")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        if database.isEmpty, components.queryItems?.contains(where: { $0.name == "dbname" }) != true {
            throw ArchiveError.cannotOpen(path: uri, reason: "the address names no database (postgresql://host/DBNAME)")
        }
        self.uri = uri
    }

    public var description: String { uri }

    /// A folder name for what belongs to the archive at `address` on this machine (its recording store):
    /// host, port and database, with anything but letters, digits, `.`, `-` and `_` turned into `_`.
    public static func folderName(_ address: String) -> String {
        let components = URLComponents(string: address)
        let path = components?.path ?? ""
        let database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let parts = [components?.host ?? "local", components?.port.map(String.init) ?? "", database].filter { !$0.isEmpty }
        let name = String(parts.joined(separator: "-").map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        return name.isEmpty || name.hasPrefix(".") ? "postgresql" + name : name
    }

    private static func redacted(_ components: URLComponents) -> String {
        var safe = components
        if safe.password != nil { safe.password = "…" }
        safe.queryItems = safe.queryItems?.map { $0.name == "password" ? URLQueryItem(name: "password", value: "…") : $0 }
        return safe.string ?? "postgresql://…"
    }
}
