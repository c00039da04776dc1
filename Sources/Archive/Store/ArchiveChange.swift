import Foundation

/// What changed in the archive that other desks' screens show: a call archived, suggested or decided. A department
/// archive announces each at commit (`NOTIFY`); the embedded archive reads them from its audit log.
public enum ArchiveChange: Sendable, Equatable {
    case call(Int64)
    case assessment(callID: Int64)
    case decision(callID: Int64)
    /// A desk's live call began, changed or ended.
    case live(desk: String)

    /// The notification's payload: `call 12`, `assessment 12`, `decision 12`.
    var payload: String {
        switch self {
        case .call(let id): return "call \(id)"
        case .assessment(let id): return "assessment \(id)"
        case .decision(let id): return "decision \(id)"
        case .live(let desk): return "live \(desk)"
        }
    }

    init?(payload: String) {
        let parts = payload.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        if parts[0] == "live" { self = .live(desk: String(parts[1])); return }
        guard let id = Int64(parts[1]) else { return nil }
        switch parts[0] {
        case "call": self = .call(id)
        case "assessment": self = .assessment(callID: id)
        case "decision": self = .decision(callID: id)
        default: return nil
        }
    }

    /// The archived call the change is about (none for a live call).
    public var callID: Int64? {
        switch self {
        case .call(let id), .assessment(let id), .decision(let id): return id
        case .live: return nil
        }
    }
}
