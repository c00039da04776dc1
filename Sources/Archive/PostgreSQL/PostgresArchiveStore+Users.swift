import Foundation

/// The archive's users, and their database accounts: each user's login role is a member of the group roles of the
/// user's product roles (`PostgresMigration002Roles`), so the database itself enforces what the product's roles
/// allow. Managing users needs a database account that may create roles (CREATEROLE).
extension PostgresArchiveStore: UserStore {
    public func users() throws -> [ArchiveUser] {
        try read { db in try db.execute("SELECT * FROM users ORDER BY name").map { try Self.user($0, address: address) } }
    }

    public func user(named name: String) throws -> ArchiveUser? {
        try read { db in try db.execute("SELECT * FROM users WHERE name = $1", [name]).first.map { try Self.user($0, address: address) } }
    }

    public func adoptFirstUser(_ user: ArchiveUser, by context: AuditContext) throws -> ArchiveUser? {
        try write(serialized: true) { db in
            if try db.execute("SELECT 1 FROM users LIMIT 1").count > 0 {
                return try db.execute("SELECT * FROM users WHERE name = $1", [user.name]).first.map { try Self.user($0, address: address) }
            }
            try Self.insert(user, db: db)
            try Self.grantDatabaseRoles(user.roles, to: user.name, db: db)
            try Self.appendAudit(context.event(.createArchive, detail: "\(user.name) is the first user (\(user.roles.listed))"), db: db)
            return user
        }
    }

    public func put(_ user: ArchiveUser, by context: AuditContext) throws {
        try write(serialized: true) { db in
            if let existing = try db.execute("SELECT * FROM users WHERE name = $1", [user.name]).first.map({ try Self.user($0, address: address) }) {
                try db.execute("UPDATE users SET roles = $1 WHERE name = $2", [user.roles.listed, user.name])
                try Self.appendAudit(context.event(.userChange, detail: "\(user.name): \(existing.roles.listed) → \(user.roles.listed)"), db: db)
            } else {
                try Self.insert(user, db: db)
                try Self.appendAudit(context.event(.userAdd, detail: "\(user.name) (\(user.roles.listed))"), db: db)
            }
            try Self.grantDatabaseRoles(user.roles, to: user.name, db: db)
        }
    }

    public func removeUser(named name: String, by context: AuditContext) throws {
        try write(serialized: true) { db in
            guard try db.execute("DELETE FROM users WHERE name = $1", [name]).affected > 0 else {
                throw ArchiveError.notFound("\(address): no user \(name)")
            }
            try Self.grantDatabaseRoles([], to: name, db: db)
            try Self.appendAudit(context.event(.userRemove, detail: name), db: db)
        }
    }

    private static func insert(_ user: ArchiveUser, db: PostgresConnection) throws {
        try db.execute("INSERT INTO users (name, roles, added_at, added_by) VALUES ($1, $2, $3, $4)",
                       [user.name, user.roles.listed, Timestamps.iso8601(user.addedAt), user.addedBy])
    }

    private static func user(_ row: PostgresRow, address: String) throws -> ArchiveUser {
        let text = try row.required("roles"), name = try row.required("name")
        guard case .success(let roles) = Role.parseList(text) else {
            throw ArchiveError.failed(path: address, reason: "user \(name) has unknown roles \"\(text)\"")
        }
        return ArchiveUser(name: name, roles: roles, addedAt: row["added_at"].flatMap(Timestamps.date) ?? Date(timeIntervalSince1970: 0),
                           addedBy: try row.required("added_by"))
    }

    /// The group role of each product role.
    static func groupRole(_ role: Role) -> String { "triage_\(role.rawValue)" }

    /// Makes `name`'s login role (created when missing) a member of exactly the group roles of `roles`. Roles are the
    /// cluster's, shared by its archives: another archive granting at the same moment makes the server refuse with
    /// "tuple concurrently updated", and the grants are tried again.
    static func grantDatabaseRoles(_ roles: Set<Role>, to name: String, db: PostgresConnection) throws {
        guard ArchiveUser.isValidName(name) else {
            throw PostgresFailure(sqlState: "", message: "\"\(name)\" cannot be a database role's name")
        }
        let login = quotedIdentifier(name)
        var statements = ["""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(quotedLiteral(name))) THEN CREATE ROLE \(login) LOGIN; END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """]
        for role in Role.allCases {
            statements.append(roles.contains(role) ? "GRANT \(groupRole(role)) TO \(login)" : "REVOKE \(groupRole(role)) FROM \(login)")
        }
        var attempt = 0
        while true {
            try db.execute("SAVEPOINT grant_roles")
            do {
                for statement in statements { try db.executeScript(statement) }
                try db.execute("RELEASE SAVEPOINT grant_roles")
                return
            } catch let failure as PostgresFailure where failure.sqlState == "XX000" && attempt < 20 {
                try db.execute("ROLLBACK TO SAVEPOINT grant_roles")
                attempt += 1
                usleep(useconds_t(20_000 * attempt))
            } catch let failure as PostgresFailure where failure.sqlState == PostgresFailure.insufficientPrivilege {
                throw PostgresFailure(sqlState: failure.sqlState, message: "the database account may not manage roles (it needs CREATEROLE): \(failure.message)")
            }
        }
    }

    static func quotedIdentifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func quotedLiteral(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
