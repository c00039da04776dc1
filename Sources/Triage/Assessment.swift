import Language
import TriageCore

/// What the classifier suggests for a call, every item with its evidence. The midwife decides.
public struct Assessment: Sendable {
    /// A contact reason with its score in [0, 1].
    public struct ReasonScore: Sendable, Equatable {
        public var code: String
        public var score: Double
        public var evidence: [Evidence]
    }

    /// A red flag the rules raised, and the disposition it forces.
    public struct RaisedFlag: Sendable, Equatable {
        public var code: String
        public var forces: Disposition
        public var evidence: [Evidence]
        /// Raised only by counting possible findings (hedged or unsure): the midwife should ask.
        public var possible: Bool = false
    }

    /// A fact with its value and where it came from.
    public struct FactValueWithEvidence: Sendable, Equatable {
        public var name: FactName
        public var value: FactValue
        public var evidence: Evidence
    }

    /// A finding the call states or denies.
    public struct FindingState: Sendable, Equatable {
        public var code: String
        public var polarity: Polarity
        public var evidence: [Evidence]
    }

    /// A question the midwife could ask next.
    /// A question the midwife could ask next: about a fact the protocol needs, or a red-flag finding nobody has
    /// stated or denied yet.
    public struct Question: Sendable, Equatable {
        public var fact: FactName?
        public var finding: String?
        public var text: String

        public init(fact: FactName? = nil, finding: String? = nil, text: String) { self.fact = fact; self.finding = finding; self.text = text }
    }

    public var callID: String
    /// The call's language ("da", "en").
    public var language: String
    /// Language of each turn, in order (code-switching shows here).
    public var turnLanguages: [String]
    /// Ranked contact reasons, primary first.
    public var reasons: [ReasonScore]
    public var primary: String
    public var disposition: Disposition
    /// Why this disposition: the red flag that forced it, or the primary reason's default.
    public var dispositionEvidence: Evidence
    public var redFlags: [RaisedFlag]
    public var facts: [FactValueWithEvidence]
    /// Findings present (stated, confirmed or hedged).
    public var findings: [FindingState]
    /// Findings denied and never stated.
    public var denied: [FindingState]
    /// Facts the protocol still needs, most decisive first.
    public var questions: [Question]
    /// How sure the suggestion is, in [0, 1]: low when little was recognised, a red flag is only possible,
    /// answers were hedged or decisive facts are unknown.
    public var confidence: Double = 1
    /// What the assistant does not know, as codes (`not_recognised`, `possible_red_flag`, `hedged`, `facts_unknown`).
    public var uncertainties: [String] = []
    /// `id@version` of the taxonomy used.
    public var taxonomyVersion: String
    /// The classifier that produced this.
    public var modelVersion: String

    public func fact(_ name: FactName) -> FactValue? { facts.first { $0.name == name }?.value }
}
