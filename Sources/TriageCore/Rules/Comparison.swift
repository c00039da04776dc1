/// How a rule compares a fact with constants. Any comparison with an unknown fact is false,
/// except `known(false)`; wrap it in `not` to treat an unknown fact as matching.
public enum Comparison: Sendable, Equatable, CustomStringConvertible {
    case equal(FactValue)
    case notEqual(FactValue)
    case less(Double)
    case lessOrEqual(Double)
    case greater(Double)
    case greaterOrEqual(Double)
    case oneOf([FactValue])
    /// `known(true)`: the fact has a value; `known(false)`: it has none.
    case known(Bool)

    /// The taxonomy file's key for each comparison.
    public static let keys = ["eq", "ne", "lt", "le", "gt", "ge", "in", "known"]

    /// Whether `value` (nil when unknown) satisfies the comparison.
    public func holds(for value: FactValue?) -> Bool {
        if case .known(let wanted) = self { return (value != nil) == wanted }
        guard let value else { return false }
        switch self {
        case .equal(let c): return value.matches(c)
        case .notEqual(let c): return !value.matches(c)
        case .less(let c): return value.numeric.map { $0 < c } ?? false
        case .lessOrEqual(let c): return value.numeric.map { $0 <= c } ?? false
        case .greater(let c): return value.numeric.map { $0 > c } ?? false
        case .greaterOrEqual(let c): return value.numeric.map { $0 >= c } ?? false
        case .oneOf(let cs): return cs.contains { value.matches($0) }
        case .known: return true
        }
    }

    /// The constants compared against, for validation against a fact's type.
    public var constants: [FactValue] {
        switch self {
        case .equal(let c), .notEqual(let c): return [c]
        case .less(let d), .lessOrEqual(let d), .greater(let d), .greaterOrEqual(let d): return [.number(d)]
        case .oneOf(let cs): return cs
        case .known: return []
        }
    }

    /// Whether the comparison orders numbers (and so needs a numeric fact).
    public var isOrdering: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .equal(let c): return "= \(c)"
        case .notEqual(let c): return "≠ \(c)"
        case .less(let d): return "< \(FactValue.number(d))"
        case .lessOrEqual(let d): return "≤ \(FactValue.number(d))"
        case .greater(let d): return "> \(FactValue.number(d))"
        case .greaterOrEqual(let d): return "≥ \(FactValue.number(d))"
        case .oneOf(let cs): return "in [\(cs.map(\.description).joined(separator: ", "))]"
        case .known(let k): return k ? "is known" : "is unknown"
        }
    }
}
