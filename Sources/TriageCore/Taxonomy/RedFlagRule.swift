/// A red flag: a condition over facts and findings that forces at least a given disposition.
public struct RedFlagRule: Sendable, Equatable {
    public var code: String
    public var label: LocalizedText
    /// The least urgent disposition allowed once this flag is raised.
    public var forces: Disposition
    /// When the flag is raised.
    public var condition: Condition
    /// What the flag forces when its condition holds only by counting *possible* findings (hedged, unsure or
    /// unanswered in a way that leaves them open): `nil` forces the same as a stated finding.
    public var ifPossible: Disposition?
    public var location: SourceLocation?

    public init(code: String, label: LocalizedText, forces: Disposition, condition: Condition, ifPossible: Disposition? = nil,
                location: SourceLocation? = nil) {
        self.code = code; self.label = label; self.forces = forces; self.condition = condition; self.ifPossible = ifPossible
        self.location = location
    }
}
