import TriageCore

/// Amount of bleeding: "mere end en menstruation", "soaked", "like a period", "a little blood", "spotting"; as a bare
/// answer to "Hvor meget bløder du?", "mindre" or "more".
struct BleedingAmountReader: FactReader {
    /// Each amount's phrases, most concerning first.
    static let amounts: [(value: String, phrases: FactWordSet)] = [
        ("heavy", .bleedingHeavy), ("moderate", .bleedingModerate), ("light", .bleedingLight), ("spotting", .bleedingSpotting),
    ]

    func read(_ scan: inout FactScan) {
        if scan.topics.contains(.bleedingAmount) || scan.mentioned(.bleeding) {
            for (amount, set) in Self.amounts {
                if let r = scan.first(set), NegationDetector.polarity(of: r, in: scan.tokens, language: scan.language) != .denied {
                    scan.add(.bleedingAmount, .text(amount), r)
                    break
                }
            }
        }
        if scan.topics.contains(.bleedingAmount), !scan.has(.bleedingAmount) {
            if let r = scan.first(.answerLess) { scan.add(.bleedingAmount, .text("light"), r) }
            else if let r = scan.first(.answerMore), Utterance.answer(scan.tokens) != false { scan.add(.bleedingAmount, .text("heavy"), r) }
        }
    }
}
