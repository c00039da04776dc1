import TriageCore

/// A fact found in a turn, with the tokens that state it.
public struct ExtractedFact: Sendable, Equatable {
    public var name: FactName
    public var value: FactValue
    public var tokens: Range<Int>

    public init(name: FactName, value: FactValue, tokens: Range<Int>) {
        self.name = name; self.value = value; self.tokens = tokens
    }
}
