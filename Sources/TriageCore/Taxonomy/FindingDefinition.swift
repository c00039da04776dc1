/// A clinical finding the call can state or deny ("vaginal_bleeding", "urge_to_push"), with its lexicon.
/// Red-flag rules refer to findings by code.
public struct FindingDefinition: Sendable, Equatable {
    public var code: String
    public var label: LocalizedText
    public var lexicon: Lexicon
    /// The contact reasons a stated finding points to.
    public var reasons: [String]
    public var location: SourceLocation?

    public init(code: String, label: LocalizedText, lexicon: Lexicon = Lexicon(), reasons: [String] = [], location: SourceLocation? = nil) {
        self.code = code; self.label = label; self.lexicon = lexicon; self.reasons = reasons; self.location = location
    }
}
