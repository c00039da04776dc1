/// What archiving one call did.
public enum ArchiveOutcome: Sendable, Equatable {
    /// A new call was stored with this id.
    case inserted(Int64)
    /// The same content was already archived under this id; nothing was written.
    case alreadyPresent(Int64)

    public var callID: Int64 {
        switch self {
        case .inserted(let id), .alreadyPresent(let id): return id
        }
    }
}
