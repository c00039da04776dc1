/// How a taxonomy names and explains one disposition.
public struct DispositionDefinition: Sendable, Equatable {
    public var disposition: Disposition
    /// Short label for the banner ("Kom ind nu").
    public var label: LocalizedText
    /// What the midwife tells the caller.
    public var advice: LocalizedText
    /// The only facts worth asking for under this disposition (`nil`: any the reasons need). On a 112 call the
    /// midwife asks what the ambulance needs, not about everything else.
    public var asks: [FactName]?
    public var location: SourceLocation?

    public init(disposition: Disposition, label: LocalizedText, advice: LocalizedText, asks: [FactName]? = nil, location: SourceLocation? = nil) {
        self.disposition = disposition; self.label = label; self.advice = advice; self.asks = asks; self.location = location
    }
}
