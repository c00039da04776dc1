/// One reason a woman (or someone for her) calls: a code of the taxonomy with its labels,
/// definition, external codes, lexicon and the protocol's default disposition.
public struct ContactReason: Sendable, Equatable {
    /// The stable code ("rupture_of_membranes").
    public var code: String
    public var label: LocalizedText
    public var definition: LocalizedText
    /// SNOMED CT, ICPC-2 and ICD-10 codes where they fit.
    public var externalCodes: [ExternalCode]
    /// Phrases that suggest this reason.
    public var lexicon: Lexicon
    /// The protocol's disposition for this reason when no red flag forces a more urgent one.
    public var defaultDisposition: Disposition?
    /// Facts the protocol needs for this reason, most decisive first (asked about when unknown).
    public var requiredFacts: [FactName]
    public var location: SourceLocation?

    public init(code: String, label: LocalizedText, definition: LocalizedText, externalCodes: [ExternalCode] = [],
                lexicon: Lexicon = Lexicon(), defaultDisposition: Disposition? = nil, requiredFacts: [FactName] = [],
                location: SourceLocation? = nil) {
        self.code = code; self.label = label; self.definition = definition; self.externalCodes = externalCodes
        self.lexicon = lexicon; self.defaultDisposition = defaultDisposition; self.requiredFacts = requiredFacts
        self.location = location
    }
}
