import Foundation

/// The one door to the archive. A session knows who (the operating-system account, mapped to an archive user)
/// and in which roles; before every operation it checks `Permission`, and it hands every change and every view
/// of identifiable data an `AuditContext`, which the store writes to the audit log (for a change, in the same
/// transaction). Screens, commands, reports and tests reach the archive only through a session.
public final class ArchiveSession: Sendable {
    let store: any ArchiveStore
    /// The user the account maps to.
    public let user: ArchiveUser
    /// The roles this session acts in: the user's, or the one asked for.
    public let roles: Set<Role>
    /// The command or screen the session serves, for the audit log (`ingest`, `ui/triage`).
    public let origin: String
    let clock: @Sendable () -> Date
    /// The recording store's folder when given at open (else `RecordingStore.root(forArchive:)` from the environment).
    let recordingsRoot: String?

    /// How long a midwife's own view of the calls reaches back: today's calls.
    public static let midwifeWindow: TimeInterval = 24 * 3600

    /// Opens a session on the archive at `address` for `account`. The account that creates an archive becomes
    /// its first user (`ArchiveUser.creatorRoles`); any other account must have been added.
    ///
    /// - Parameters:
    ///   - role: act in this one of the user's roles only; `nil` acts in all of them.
    ///   - origin: the command or screen, as the audit log names it.
    ///   - recordings: the recording store's folder (default: `$TRIAGE_RECORDINGS`, else beside the archive).
    public static func open(address: String, account: Account = .current(), role: Role? = nil, origin: String,
                            readOnly: Bool = false, busyTimeout: TimeInterval = 5, recordings: String? = nil,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> ArchiveSession {
        let store = try ArchiveStores.open(address: address, readOnly: readOnly, busyTimeout: busyTimeout)
        return try ArchiveSession(store: store, account: account, role: role, origin: origin, adoptFirstUser: !readOnly, recordings: recordings,
                                  clock: clock)
    }

    /// A session on an open store (the contract tests give each implementation in turn).
    public init(store: any ArchiveStore, account: Account, role: Role? = nil, origin: String, adoptFirstUser: Bool = true,
                recordings: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.store = store
        self.origin = origin
        self.clock = clock
        recordingsRoot = recordings
        let context = AuditContext(at: clock(), actor: account.name, roles: ArchiveUser.creatorRoles, origin: origin)
        // A read finds a known account; only an unknown one takes the write lock, to adopt a new archive's first user.
        var known = try store.user(named: account.name)
        if known == nil, adoptFirstUser {
            known = try store.adoptFirstUser(ArchiveUser(name: account.name, roles: ArchiveUser.creatorRoles, addedAt: context.at,
                                                         addedBy: account.name), by: context)
        }
        guard let known else { throw AccessDenied.unknownAccount(account.name, archive: store.address) }
        if let role, !known.roles.contains(role) { throw AccessDenied.roleNotHeld(user: known.name, role: role) }
        user = known
        roles = role.map { [$0] } ?? known.roles
    }

    private init(_ other: ArchiveSession, origin: String) {
        store = other.store; user = other.user; roles = other.roles; clock = other.clock; recordingsRoot = other.recordingsRoot
        self.origin = origin
    }

    /// The same session serving another command or screen.
    public func serving(_ origin: String) -> ArchiveSession { ArchiveSession(self, origin: origin) }

    /// Where the archive lives, for messages.
    public var address: String { store.address }

    /// Whether the session's roles hold `permission`.
    public func may(_ permission: Permission) -> Bool { !roles.isDisjoint(with: permission.roles) }

    /// Throws `AccessDenied` unless the session's roles hold `permission`.
    public func require(_ permission: Permission) throws {
        guard may(permission) else { throw AccessDenied.refused(user: user.name, roles: roles, permission: permission) }
    }

    /// The audit context of an operation now.
    func context() -> AuditContext { AuditContext(at: clock(), actor: user.name, roles: roles, origin: origin) }

    /// Whether the session sees only today's calls (a midwife who is not also a researcher).
    var seesTodayOnly: Bool { roles.contains(.midwife) && !roles.contains(.researcher) }
}
