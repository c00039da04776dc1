import Foundation
import GRDB

extension SQLiteArchiveStore: UserStore {
    public func users() throws -> [ArchiveUser] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name").map { try Self.user($0, path: self.path) } }
    }

    public func user(named name: String) throws -> ArchiveUser? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]).map { try Self.user($0, path: self.path) } }
    }

    public func adoptFirstUser(_ user: ArchiveUser, by context: AuditContext) throws -> ArchiveUser? {
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 > 0 {
                return try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [user.name]).map { try Self.user($0, path: self.path) }
            }
            try Self.insert(user, db: db)
            try Self.appendAudit(context.event(.createArchive, detail: "\(user.name) is the first user (\(user.roles.listed))"), db: db)
            return user
        }
    }

    public func put(_ user: ArchiveUser, by context: AuditContext) throws {
        try write { db in
            let existing = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [user.name]).map { try Self.user($0, path: self.path) }
            if let existing {
                try db.execute(sql: "UPDATE users SET roles = ? WHERE name = ?", arguments: [user.roles.listed, user.name])
                try Self.appendAudit(context.event(.userChange, detail: "\(user.name): \(existing.roles.listed) → \(user.roles.listed)"), db: db)
            } else {
                try Self.insert(user, db: db)
                try Self.appendAudit(context.event(.userAdd, detail: "\(user.name) (\(user.roles.listed))"), db: db)
            }
        }
    }

    public func removeUser(named name: String, by context: AuditContext) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM users WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw ArchiveError.notFound("\(self.path): no user \(name)") }
            try Self.appendAudit(context.event(.userRemove, detail: name), db: db)
        }
    }

    private static func insert(_ user: ArchiveUser, db: Database) throws {
        try db.execute(sql: "INSERT INTO users (name, roles, added_at, added_by) VALUES (?, ?, ?, ?)",
                       arguments: [user.name, user.roles.listed, Timestamps.iso8601(user.addedAt), user.addedBy])
    }

    private static func user(_ row: Row, path: String) throws -> ArchiveUser {
        let text: String = row["roles"]
        guard case .success(let roles) = Role.parseList(text) else {
            throw ArchiveError.failed(path: path, reason: "user \(row["name"] as String) has unknown roles \"\(text)\"")
        }
        return ArchiveUser(name: row["name"], roles: roles, addedAt: Timestamps.date(row["added_at"]) ?? Date(timeIntervalSince1970: 0),
                           addedBy: row["added_by"])
    }
}
