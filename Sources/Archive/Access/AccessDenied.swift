/// Why a session may not do what it asked, in one line. The executable exits with status 3 on it.
public enum AccessDenied: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operating-system account is not a user of this archive.
    case unknownAccount(String, archive: String)
    /// The user asked to act in a role they do not hold.
    case roleNotHeld(user: String, role: Role)
    /// None of the session's roles holds the permission.
    case refused(user: String, roles: Set<Role>, permission: Permission)

    public var description: String {
        switch self {
        case .unknownAccount(let name, let archive):
            return "\(archive): the account \(name) is not a user of this archive; an admin adds it with: triage users add \(name) --roles ROLE"
        case .roleNotHeld(let user, let role):
            return "\(user) does not hold the role \(role.rawValue); an admin grants it with: triage users role \(user) …"
        case .refused(let user, let roles, let permission):
            return "refused: \(user) (\(roles.listed)) may not \(permission.activity); that needs the role "
                + permission.roles.sorted().map(\.rawValue).joined(separator: " or ")
        }
    }
}
