import Foundation

/// The operating-system account a process runs as: who is at the keyboard, as far as the archive knows.
/// The archive maps it to a user with roles; it is never taken from an option or the environment.
public struct Account: Sendable, Equatable, CustomStringConvertible {
    public var name: String

    public init(name: String) { self.name = name }

    /// The account of this process's effective user id (its uid in digits when it has no name).
    public static func current() -> Account {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name.map({ String(cString: $0) }), !name.isEmpty {
            return Account(name: name)
        }
        return Account(name: "uid\(uid)")
    }

    public var description: String { name }
}
