import Foundation

extension ArchiveSession {
    /// The archive's users.
    public func users() throws -> [ArchiveUser] {
        try require(.manageUsers)
        return try store.users()
    }

    /// Adds a user with `roles`, or gives an existing one these roles. The last admin cannot give the role up.
    public func setUser(_ name: String, roles: Set<Role>) throws {
        try require(.manageUsers)
        guard !roles.isEmpty else { throw ArchiveError.failed(path: address, reason: "a user needs at least one role") }
        guard ArchiveUser.isValidName(name) else {
            throw ArchiveError.failed(path: address, reason: "\"\(name)\" is not an account name (letters, digits, . _ -)")
        }
        let existing = try store.user(named: name)
        if let existing, existing.roles.contains(.admin), !roles.contains(.admin) { try keepAnAdmin(besides: name) }
        try store.put(ArchiveUser(name: name, roles: roles, addedAt: existing?.addedAt ?? clock(), addedBy: existing?.addedBy ?? user.name),
                      by: context())
    }

    /// Removes a user. The last admin cannot be removed.
    public func removeUser(_ name: String) throws {
        try require(.manageUsers)
        if try store.user(named: name)?.roles.contains(.admin) == true { try keepAnAdmin(besides: name) }
        try store.removeUser(named: name, by: context())
    }

    private func keepAnAdmin(besides name: String) throws {
        guard try store.users().contains(where: { $0.name != name && $0.roles.contains(.admin) }) else {
            throw ArchiveError.failed(path: address, reason: "\(name) is the archive's only admin; make another user admin first")
        }
    }

    /// Rows of the audit log, oldest first.
    public func auditEntries(_ filter: AuditFilter = AuditFilter()) throws -> [AuditEntry] {
        try require(.audit)
        return try store.auditEntries(filter)
    }

    /// The first break in the audit log's hash chain, or `nil` when it is intact.
    public func verifyAudit() throws -> AuditBreak? {
        try require(.audit)
        return try store.verifyAudit()
    }

    /// `["ok"]` for a sound archive.
    public func integrityCheck() throws -> [String] {
        try require(.audit)
        return try store.integrityCheck()
    }

    /// The migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        try require(.audit)
        return try store.appliedMigrations()
    }
}

extension ArchiveSession {
    /// Records in the audit log that the archive was restored from the backup in `folder`.
    public func recordRestore(from folder: String) throws {
        try require(.audit)
        try store.append(context().event(.restore, detail: "restored from \(folder)"))
    }
}
