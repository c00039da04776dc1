/// The contact-reason taxonomy and its triage rules, as loaded from the clinicians' YAML file.
///
/// Every classification records `id` and `version`, so past results stay interpretable when the
/// taxonomy is revised.
public struct Taxonomy: Sendable, Equatable {
    /// Stable identifier of the taxonomy ("dk-obstetric-telephone-triage").
    public var id: String
    /// Version of this revision ("1.0.0").
    public var version: String
    public var title: LocalizedText
    /// Languages the labels and lexicons are written in.
    public var languages: [String]
    /// Dispositions, most urgent first.
    public var dispositions: [DispositionDefinition]
    public var facts: [FactDefinition]
    public var findings: [FindingDefinition]
    /// Contact reasons in the order the file lists them.
    public var reasons: [ContactReason]
    public var redFlags: [RedFlagRule]
    /// Why a midwife may decide otherwise than suggested, in the order the triage screen offers them.
    public var overrideReasons: [OverrideReason]
    /// The words the fact readers look for, per language (`words/` beside the taxonomy file).
    public var factWords: FactWords

    public init(id: String, version: String, title: LocalizedText, languages: [String],
                dispositions: [DispositionDefinition], facts: [FactDefinition], findings: [FindingDefinition],
                reasons: [ContactReason], redFlags: [RedFlagRule], overrideReasons: [OverrideReason] = [],
                factWords: FactWords = FactWords(languages: [])) {
        self.id = id; self.version = version; self.title = title; self.languages = languages
        self.dispositions = dispositions; self.facts = facts; self.findings = findings
        self.reasons = reasons; self.redFlags = redFlags; self.overrideReasons = overrideReasons
        self.factWords = factWords
    }

    /// `id@version`, as stored beside every classification and annotation.
    public var versionTag: String { "\(id)@\(version)" }

    public func reason(_ code: String) -> ContactReason? { reasons.first { $0.code == code } }
    /// The reason with this code, if the taxonomy has one.
    public func reason(_ code: ReasonCode) -> ContactReason? { reason(code.rawValue) }
    /// The reason a label names, if the taxonomy has one.
    public func reason(_ code: LabelCode) -> ContactReason? { reason(code.rawValue) }
    public func fact(_ name: FactName) -> FactDefinition? { facts.first { $0.name == name } }
    public func finding(_ code: String) -> FindingDefinition? { findings.first { $0.code == code } }
    public func redFlag(_ code: String) -> RedFlagRule? { redFlags.first { $0.code == code } }
    /// The override reason with this code, if the taxonomy has one.
    public func overrideReason(_ code: OverrideReasonCode) -> OverrideReason? { overrideReasons.first { $0.code == code } }
    public func definition(of disposition: Disposition) -> DispositionDefinition? {
        dispositions.first { $0.disposition == disposition }
    }
}
