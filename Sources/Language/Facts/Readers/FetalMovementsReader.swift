import TriageCore

/// Fetal movements: "kan ikke mærke ham" (absent), "han sparker mindre" (reduced), "she's kicking" (normal); as a
/// bare answer to the midwife's question about them.
struct FetalMovementsReader: FactReader {
    func read(_ scan: inout FactScan) {
        guard scan.topics.contains(.fetalMovements) || scan.mentioned(.babyContext) else { return }
        // Less or no movement, once said, outweighs a plain mention of movement ("han sparker mindre"); of the rest,
        // the first thing she says about the movements counts.
        let candidates = candidates(scan)
        let concerning = candidates.filter { $0.state != "normal" }
        if let (r, state) = (concerning.isEmpty ? candidates : concerning).min(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            scan.add(.fetalMovements, .text(state), r)
        } else if scan.topics.contains(.fetalMovements), let yes = Utterance.answer(scan.tokens) {
            let topics = scan.topics
            let state = topics.contains(.movementsReduced) ? (yes ? "reduced" : "normal")
                : yes ? "normal" : topics.contains(.movementsAsUsual) ? "reduced" : "absent"
            scan.add(.fetalMovements, .text(state), 0..<1)
        }
    }

    /// What the turn says of the movements: where, and which state.
    private func candidates(_ scan: FactScan) -> [(range: Range<Int>, state: String)] {
        let tokens = scan.tokens, language = scan.language
        var candidates: [(range: Range<Int>, state: String)] = []
        // "Det er ikke fordi han ikke rører sig", "hvis han en dag bliver stille": denied or only imagined, not said.
        func said(_ r: Range<Int>) -> Bool {
            NegationDetector.polarityBefore(r, in: tokens, language: language) != .denied && !NegationDetector.isHypothetical(r, in: tokens, language: language)
        }
        if let r = scan.first(.movementsAbsent), said(r) { candidates.append((r, "absent")) }
        if let r = scan.first(.movementsReduced), said(r) { candidates.append((r, "reduced")) }
        if let r = scan.first(.movementsNormal), scan.topics.contains(.fetalMovements) || scan.mentioned(.babySubject) {
            let polarity = NegationDetector.polarity(of: r, in: tokens, language: language)
            // "ikke ret meget", "not much", "not as much": less than usual, not none.
            let lessThanUsual = scan.first(.muchOrOften) != nil
            candidates.append((r, polarity == .denied ? (lessThanUsual ? "reduced" : "absent") : "normal"))
        }
        return candidates
    }
}
