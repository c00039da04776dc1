/// A clinical finding the call can state or deny ("vaginal_bleeding", "urge_to_push"), with its lexicon.
/// Red-flag rules refer to findings by code.
public struct FindingDefinition: Sendable, Equatable {
    public var code: String
    public var label: LocalizedText
    public var lexicon: Lexicon
    public var location: SourceLocation?

    public init(code: String, label: LocalizedText, lexicon: Lexicon = Lexicon(), location: SourceLocation? = nil) {
        self.code = code; self.label = label; self.lexicon = lexicon; self.location = location
    }
}
