import TriageCore

/// Contraction length: "varer et minut", "varer 40 sekunder", "lasts about a minute", "about a minute" (when asked).
struct ContractionDurationReader: FactReader {
    func read(_ scan: inout FactScan) {
        for i in scan.tokens.indices where scan.word(i, in: .second) || scan.word(i, in: .minute) {
            // "et minut", "a minute", "about a minute": the article is the number one.
            let article: Double? = scan.word(i - 1, in: .articleOne) ? 1 : nil
            guard let v = scan.number(i - 1) ?? article ?? scan.number(i - 2) else { continue }
            let seconds = scan.word(i, in: .second) ? v : v * 60
            let sentence = scan.sentence(around: i)
            let lasting = scan.any(scan.words(.lasting).union(scan.words(.lasted)), in: sentence)
            let asked = scan.topics.contains(.contractionDuration) && !scan.topics.contains(.contractionInterval)
            if (lasting || asked) && (5...300).contains(seconds) {
                let alreadyInterval = scan.facts.contains { $0.name == .contractionIntervalMin && $0.tokens.contains(i) }
                if !alreadyInterval { scan.add(.contractionDurationS, .number(seconds), (i - 1)..<(i + 1)) }
            }
        }
    }
}
