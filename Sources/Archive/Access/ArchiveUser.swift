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

    /// Whether `name` can be an account's name: 1 to 63 letters, digits, `.`, `_` or `-`, not starting with `-`
    /// (what POSIX account names and PostgreSQL role names both hold without quoting surprises).
    public static func isValidName(_ name: String) -> Bool {
        guard (1...63).contains(name.utf8.count), name.first != "-" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }
}
