/// The value of a fact: what a rule compares and what extraction produces.
public enum FactValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case text(String)

    /// The value as a number, for integers and numbers.
    public var numeric: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        case .boolean, .text: return nil
        }
    }

    public var description: String {
        switch self {
        case .integer(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .boolean(let b): return b ? "true" : "false"
        case .text(let t): return t
        }
    }

    /// Equality that lets an integer equal the same number.
    public func matches(_ other: FactValue) -> Bool {
        if let a = numeric, let b = other.numeric { return a == b }
        return self == other
    }
}
