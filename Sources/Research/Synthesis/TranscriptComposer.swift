import TriageCore

/// Writes a synthetic call's turns from the phrasebook's patterns and the taxonomy's words: its fact questions and
/// its advice for the disposition. A line that would repeat a real call's line is written with another pattern, and
/// when every pattern would, marked as synthetic, so no line is ever a copy.
struct TranscriptComposer: Sendable {
    let taxonomy: Taxonomy
    let realLines: RealLines

    /// What a call says, decided before it is written.
    struct Content: Sendable {
        var language: String
        var caller: CallerType?
        var gestationalWeek: Int?
        var gestationalDays: Int?
        var daysPostpartum: Int?
        var firstBaby: Bool?
        /// The phrase of the primary reason first, then those of further reasons.
        var phrases: [String]
        var disposition: Disposition
        var durationMs: Int
    }

    func turns(_ c: Content, _ random: inout SynthesisRandom) -> [Turn] {
        guard let book = SynthesisPhrasebook.of(c.language) else { return [] }
        var lines: [(Speaker, String)] = []
        func say(_ speaker: Speaker, _ patterns: [String], _ fill: (String) -> String = { $0 }) {
            lines.append((speaker, line(patterns.map(fill), language: c.language, &random)))
        }
        say(.midwife, book.greetings)
        let intro = c.caller.flatMap { book.callerIntros[$0] }.flatMap { random.pick($0) }
        say(.caller, book.complaints) { pattern in
            [intro, pattern.replacingOccurrences(of: "{p}", with: c.phrases.first ?? "")].compactMap { $0 }.joined(separator: " ")
        }
        let postnatal = c.daysPostpartum != nil
        let question = taxonomy.fact(postnatal ? "days_postpartum" : "gestational_week")?.question?.text(for: c.language) ?? ""
        say(.midwife, book.acknowledgements) { "\($0) \(question)" }
        let answers: [String]
        if let days = c.daysPostpartum {
            answers = book.postnatal.map {
                $0.replacingOccurrences(of: "{n}", with: String(days)).replacingOccurrences(of: "{days}", with: days == 1 ? book.dayWords.one : book.dayWords.many)
            }
        } else if let week = c.gestationalWeek {
            let days = c.gestationalDays ?? 0
            answers = book.gestation.map {
                $0.replacingOccurrences(of: "{w}", with: String(week)).replacingOccurrences(of: "{d}", with: String(days))
                    .replacingOccurrences(of: "{days}", with: days == 1 ? book.dayWords.one : book.dayWords.many)
            }
        } else {
            answers = book.gestationUnknown
        }
        let baby = c.firstBaby.map { $0 ? book.firstBaby : book.notFirstBaby }.flatMap { random.pick($0) }
        say(.caller, answers) { [$0, baby].compactMap { $0 }.joined(separator: " ") }
        for phrase in c.phrases.dropFirst() {
            say(.midwife, book.anythingElse)
            say(.caller, book.alsoComplaints) { $0.replacingOccurrences(of: "{p}", with: phrase) }
        }
        let advice = taxonomy.definition(of: c.disposition)?.advice.text(for: c.language) ?? ""
        say(.midwife, book.adviceLeads) { "\($0) \(advice)" }
        say(.caller, book.thanks)
        return timed(lines, durationMs: c.durationMs)
    }

    /// The first of `candidates` from a random start that repeats no real line; when all do, the first marked synthetic.
    func line(_ candidates: [String], language: String, _ random: inout SynthesisRandom) -> String {
        let start = random.below(candidates.count)
        for offset in candidates.indices {
            let candidate = candidates[(start + offset) % candidates.count]
            if !realLines.contains(candidate) { return candidate }
        }
        let mark = language == "da" ? "(syntetisk opkald)" : "(synthetic call)"
        return "\(candidates.first ?? "") \(mark)"
    }

    /// The turns with times: the call's length shared out by the length of each line.
    func timed(_ lines: [(Speaker, String)], durationMs: Int) -> [Turn] {
        let letters = max(1, lines.reduce(0) { $0 + $1.1.count })
        var at = 0.0
        return lines.map { speaker, text in
            let length = Double(max(0, durationMs)) * Double(text.count) / Double(letters)
            defer { at += length }
            return Turn(speaker: speaker, startMs: Int(at.rounded()), endMs: Int((at + length).rounded()), text: text)
        }
    }
}
