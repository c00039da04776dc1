/// How a taxonomy names and explains one disposition.
public struct DispositionDefinition: Sendable, Equatable {
    public var disposition: Disposition
    /// Short label for the banner ("Kom ind nu").
    public var label: LocalizedText
    /// What the midwife tells the caller.
    public var advice: LocalizedText
    public var location: SourceLocation?

    public init(disposition: Disposition, label: LocalizedText, advice: LocalizedText, location: SourceLocation? = nil) {
        self.disposition = disposition; self.label = label; self.advice = advice; self.location = location
    }
}
