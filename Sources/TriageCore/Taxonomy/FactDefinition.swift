/// A fact the triage needs ("gestational_week", "fluid_colour"): its type, label and the question
/// the midwife asks to learn it.
public struct FactDefinition: Sendable, Equatable {
    /// The value types a fact can have.
    public enum Kind: Sendable, Equatable {
        case integer
        case number
        case boolean
        /// One of a fixed set of values.
        case choice([String])
    }

    public var name: FactName
    public var kind: Kind
    /// Unit of measure, for display ("°C", "min").
    public var unit: String?
    /// Smallest and largest plausible value, for numbers.
    public var range: ClosedRange<Double>?
    public var label: LocalizedText
    /// The question that asks for it, per language.
    public var question: LocalizedText?
    /// Which value counts when a call states the fact more than once.
    public var whenSeveral: FactResolution
    /// The finding the fact describes (the interval of contractions, the colour of the waters): once she denies the
    /// finding, the fact is not asked for.
    public var about: String?
    /// The contact reason a value of the fact, said in the call, points to (a temperature from 37.8 °C to fever).
    public var supports: Support?
    public var location: SourceLocation?

    /// When a fact's value counts towards a contact reason: any value, a value from `from` up, one of `values`, and
    /// only from gestational week `fromWeek` on.
    public struct Support: Sendable, Equatable {
        public var reason: String
        public var from: Double?
        public var values: [String]?
        public var fromWeek: Int?

        public init(reason: String, from: Double? = nil, values: [String]? = nil, fromWeek: Int? = nil) {
            self.reason = reason; self.from = from; self.values = values; self.fromWeek = fromWeek
        }
    }

    public init(name: FactName, kind: Kind, unit: String? = nil, range: ClosedRange<Double>? = nil,
                label: LocalizedText, question: LocalizedText? = nil, whenSeveral: FactResolution = .earliest, about: String? = nil,
                supports: Support? = nil, location: SourceLocation? = nil) {
        self.name = name; self.kind = kind; self.unit = unit; self.range = range
        self.label = label; self.question = question; self.whenSeveral = whenSeveral; self.about = about; self.supports = supports
        self.location = location
    }
}
