import Foundation

/// What changed in a department archive, announced to every desk at commit (`NOTIFY triage_changes`), so that a
/// live call archived or decided at one desk shows in the others' queues at once.
public enum ArchiveChange: Sendable, Equatable {
    case call(Int64)
    case assessment(callID: Int64)
    case decision(callID: Int64)

    /// The notification's payload: `call 12`, `assessment 12`, `decision 12`.
    var payload: String {
        switch self {
        case .call(let id): return "call \(id)"
        case .assessment(let id): return "assessment \(id)"
        case .decision(let id): return "decision \(id)"
        }
    }

    init?(payload: String) {
        let parts = payload.split(separator: " ")
        guard parts.count == 2, let id = Int64(parts[1]) else { return nil }
        switch parts[0] {
        case "call": self = .call(id)
        case "assessment": self = .assessment(callID: id)
        case "decision": self = .decision(callID: id)
        default: return nil
        }
    }

    /// The call the change is about.
    public var callID: Int64 {
        switch self {
        case .call(let id), .assessment(let id), .decision(let id): return id
        }
    }
}

extension PostgresArchiveStore {
    static let changesChannel = "triage_changes"

    /// Queues a notification that the server delivers when (and only if) the transaction commits.
    static func announce(_ change: ArchiveChange, db: PostgresConnection) throws {
        try db.execute("SELECT pg_notify($1, $2)", [changesChannel, change.payload])
    }
}
