import TriageCore

/// Reads the facts a caller states in a turn: gestational week and days, first baby, contraction interval and length,
/// colour of the waters, temperature, blood pressure, amount of bleeding, fetal movements, days since the birth, and
/// who is calling. `topics` are what the midwife just asked, so a bare answer ("ja", "38 plus 2", "klart") counts.
public enum FactExtractor {
    /// The readers, in the order their facts are listed (a later reader may look at what an earlier one found).
    static let readers: [any FactReader] = [
        GestationalAgeReader(), FirstBabyReader(), ContractionIntervalReader(), ContractionDurationReader(), FluidColourReader(),
        HoursSinceRuptureReader(), TemperatureReader(), BloodPressureReader(), BleedingAmountReader(), FetalMovementsReader(),
        DaysPostpartumReader(), CallerReader(),
    ]

    /// Whether the tokens speak of the waters ("vandet er gået", "my waters"): once said, a later colour is the waters'.
    public static func mentionsWaters(_ tokens: [Token], words: FactWords) -> Bool {
        let waters = words.words(.waters)
        return tokens.contains { waters.contains($0.text) || waters.contains($0.stem) }
    }

    /// The facts stated in `tokens`, in the order the readers find them.
    /// - Parameter words: the words each reader looks for (the taxonomy's `factWords`).
    /// - Parameter context: the turns just before, whose words set the scene ("feber" before a bare "38,4").
    /// - Parameter watersInCall: the call has spoken of the waters already, so a colour on the pad is theirs.
    public static func facts(in tokens: [Token], language: String, topics: Set<QuestionTopic> = [], context: [Token] = [],
                             watersInCall: Bool = false, words: FactWords) -> [ExtractedFact] {
        var scan = FactScan(tokens: tokens, language: language, topics: topics, context: context, watersInCall: watersInCall, vocabulary: words)
        for reader in readers { reader.read(&scan) }
        return scan.facts
    }
}
