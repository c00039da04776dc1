import Foundation

/// A person the archive knows: the operating-system account's name and the roles it holds.
public struct ArchiveUser: Sendable, Equatable, Codable {
    public var name: String
    public var roles: Set<Role>
    public var addedAt: Date
    public var addedBy: String

    public init(name: String, roles: Set<Role>, addedAt: Date = Date(), addedBy: String) {
        self.name = name; self.roles = roles; self.addedAt = addedAt; self.addedBy = addedBy
    }

    /// The roles the account that creates an archive holds: its first admin, and on a one-person workstation
    /// also its midwife and researcher. `triage users role` narrows them.
    public static let creatorRoles: Set<Role> = [.admin, .midwife, .researcher]
}
