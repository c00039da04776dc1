/// A clinical finding the call can state or deny ("vaginal_bleeding", "urge_to_push"), with its lexicon.
/// Red-flag rules refer to findings by code.
public struct FindingDefinition: Sendable, Equatable {
    public var code: String
    public var label: LocalizedText
    public var lexicon: Lexicon
    /// The contact reasons a stated finding points to.
    public var reasons: [String]
    /// The question that rules the finding in or out, asked when a call says too little.
    public var question: LocalizedText?
    public var location: SourceLocation?

    public init(code: String, label: LocalizedText, lexicon: Lexicon = Lexicon(), reasons: [String] = [], question: LocalizedText? = nil,
                location: SourceLocation? = nil) {
        self.code = code; self.label = label; self.lexicon = lexicon; self.reasons = reasons; self.question = question; self.location = location
    }
}
