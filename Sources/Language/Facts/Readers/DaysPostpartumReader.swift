import TriageCore

/// Days since the birth: "fødte for fem dage siden", "had my baby ten days ago", "i går", "i forgårs"; the newborn's
/// age: "he's three days old", "han er tre dage gammel".
struct DaysPostpartumReader: FactReader {
    func read(_ scan: inout FactScan) {
        if scan.topics.contains(.daysPostpartum) || scan.any(.birthContext, in: 0..<scan.tokens.count) || scan.mentioned(.birthMentioned) {
            daysAgo(&scan)
        }
        for i in scan.tokens.indices where scan.word(i, in: .old) {
            guard scan.word(i - 1, in: .days) || scan.word(i - 1, in: .weekUnit), let n = scan.number(i - 2) else { continue }
            let days = scan.word(i - 1, in: .weekUnit) ? n * 7 : n
            guard days >= 0, days <= 365 else { continue }
            scan.add(.daysPostpartum, .integer(Int(days)), (i - 2)..<(i + 1))
        }
    }

    /// "for fem dage siden", "two weeks ago", "i går", "i forgårs", where the birth is the subject.
    private func daysAgo(_ scan: inout FactScan) {
        for i in scan.tokens.indices where scan.word(i, in: .days) || scan.word(i, in: .weekUnit) {
            guard let n = scan.number(i - 1), scan.word(i + 1, in: .ago) else { continue }
            let days = scan.word(i, in: .weekUnit) ? n * 7 : n
            // A year at most: "for 99999999999999999999 dage siden" is no birth to count from (and no number to trap on).
            guard days >= 0, days <= 365 else { continue }
            scan.add(.daysPostpartum, .integer(Int(days)), (i - 1)..<(i + 2))
        }
        // "fødte i går", "had him yesterday" (not "a bit lazy since yesterday … I've had a glass of squash").
        let gaveBirth = scan.any(.gaveBirth, in: 0..<scan.tokens.count) || scan.first(.hadTheBaby) != nil
        if let r = scan.first(.yesterday), gaveBirth { scan.add(.daysPostpartum, .integer(1), r) }
        if let r = scan.first(.dayBeforeYesterday) { scan.add(.daysPostpartum, .integer(2), r) }
    }
}
