/// The lines of real calls that no synthetic line may repeat, compared by their words alone: case, punctuation and
/// spacing do not count, so a synthetic line that differs from a real one only in those is refused too.
public struct RealLines: Sendable {
    private var keys: Set<String>

    /// The lines of `texts` (turns and notes of real calls).
    public init<S: Sequence>(_ texts: S) where S.Element == String { keys = Set(texts.map(Self.key)) }

    /// No real line (nothing to compare with).
    public static let none = RealLines([String]())

    /// How many distinct real lines there are.
    public var count: Int { keys.count }

    /// Whether `line` repeats a real line.
    public func contains(_ line: String) -> Bool { keys.contains(Self.key(line)) }

    /// The words of `text` in lower case, separated by one space.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }
}
