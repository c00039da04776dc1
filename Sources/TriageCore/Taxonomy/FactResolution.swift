/// Which value of a fact counts when a call states it more than once, as the taxonomy's `when_several`
/// says: the first or the latest said (a correction wins), the lowest or highest number, or the most
/// concerning of a choice (the `concern` list, most concerning first).
public enum FactResolution: Sendable, Equatable {
    case earliest
    case latest
    case lowest
    case highest
    /// The value that comes first in this list; values not in it count least.
    case mostConcerning([String])

    /// The taxonomy file's names for the cases (`most_concerning` takes its order from `concern:`).
    public static let names = ["earliest", "latest", "lowest", "highest", "most_concerning"]

    /// The index in `values` of the one that counts (`values` in the order the call said them).
    public func choose(_ values: [FactValue]) -> Int? {
        guard !values.isEmpty else { return nil }
        switch self {
        case .earliest: return 0
        case .latest: return values.count - 1
        case .lowest:
            return values.indices.min { (values[$0].numeric ?? .infinity, $0) < (values[$1].numeric ?? .infinity, $1) }
        case .highest:
            return values.indices.max { (values[$0].numeric ?? -.infinity, -$0) < (values[$1].numeric ?? -.infinity, -$1) }
        case .mostConcerning(let order):
            func rank(_ v: FactValue) -> Int {
                if case .text(let t) = v, let i = order.firstIndex(of: t) { return i }
                return order.count
            }
            return values.indices.min { (rank(values[$0]), $0) < (rank(values[$1]), $1) }
        }
    }
}
