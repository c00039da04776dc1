import TriageCore

/// Gestational age: "38 plus 2", "38+2", "uge 32", "32 uger", "thirty eight weeks", "36 uger i dag"; not a week of an
/// earlier pregnancy ("en abort i uge ti sidste år").
struct GestationalAgeReader: FactReader {
    func read(_ scan: inout FactScan) {
        for i in scan.tokens.indices {
            guard let n = scan.number(i), n == n.rounded(), (4...45).contains(n), !PastPregnancy.lost(around: i, in: scan.tokens) else { continue }
            if weekPlusDays(n, at: i, &scan) || tensAndUnit(n, at: i, &scan) || dayBeforeTurning(n, at: i, &scan)
                || numberThenWeek(n, at: i, &scan) || weekThenNumber(n, at: i, &scan) || weekAndDaysAfterIAm(n, at: i, &scan)
                || correction(n, at: i, &scan) {
                continue
            }
            if scan.topics.contains(.gestationalAge), n >= 10, scan.tokens[i].kind == .number || !NumberWords.isOrdinal(scan.tokens[i].text),
               !scan.has(.gestationalWeek) {
                scan.add(.gestationalWeek, .integer(Int(n)), i..<(i + 1))
            }
        }
    }

    /// A whole number of days in a week, 0 to 6.
    private func days(_ d: Double?) -> Int? {
        guard let d, d == d.rounded(), (0...6).contains(d) else { return nil }
        return Int(d)
    }

    /// "38 plus 2", "38+2".
    private func weekPlusDays(_ n: Double, at i: Int, _ scan: inout FactScan) -> Bool {
        guard scan.word(i + 1, in: .plus), let d = days(scan.number(i + 2)) else { return false }
        scan.add(.gestationalWeek, .integer(Int(n)), i..<(i + 3))
        scan.add(.gestationalDays, .integer(d), i..<(i + 3))
        return true
    }

    /// "thirty and nine week", "tredive og ni uger": the tens said before the unit, then the week (and its days).
    private func tensAndUnit(_ n: Double, at i: Int, _ scan: inout FactScan) -> Bool {
        guard n >= 20, n <= 40, n.truncatingRemainder(dividingBy: 10) == 0, scan.word(i + 1, in: .and), let unit = scan.number(i + 2),
              unit >= 1, unit <= 9, unit == unit.rounded(), scan.word(i + 3, in: .week) else { return false }
        scan.add(.gestationalWeek, .integer(Int(n + unit)), i..<(i + 4))
        if scan.word(i + 4, in: .and), let d = days(scan.number(i + 5)), scan.word(i + 6, in: .days) {
            scan.add(.gestationalDays, .integer(d), i..<(i + 7))
        }
        return true
    }

    /// "Jeg bliver 37 uger i morgen", "I turn 37 weeks tomorrow": the day before, 36+6.
    private func dayBeforeTurning(_ n: Double, at i: Int, _ scan: inout FactScan) -> Bool {
        let tomorrow = scan.word(i + 1, in: .week) && scan.phrase(.tomorrow, at: i + 2) != nil || scan.phrase(.tomorrow, at: i + 1) != nil
        guard tomorrow, scan.word(i - 1, in: .turning), n > 4 else { return false }
        scan.add(.gestationalWeek, .integer(Int(n) - 1), (i - 1)..<(i + 2))
        scan.add(.gestationalDays, .integer(6), (i - 1)..<(i + 2))
        return true
    }

    /// "32 uger", "30 weeks and 2 days"; not "for 3 uger siden", "om 2 uger".
    private func numberThenWeek(_ n: Double, at i: Int, _ scan: inout FactScan) -> Bool {
        guard scan.word(i + 1, in: .week), !scan.word(i + 2, in: .ago), !scan.word(i + 2, in: .since), !scan.word(i + 3, in: .ago),
              !scan.word(i + 3, in: .since), !scan.word(i - 1, in: .fromNow) else { return false }
        scan.add(.gestationalWeek, .integer(Int(n)), i..<(i + 2))
        // "30 weeks and 2 days", "30 uger og 2 dage"
        if scan.word(i + 2, in: .and), let d = scan.number(i + 3), (0...6).contains(d), scan.word(i + 4, in: .days) {
            scan.add(.gestationalDays, .integer(Int(d)), i..<(i + 5))
        }
        return true
    }

    /// "uge 32"; not "en uge", "om en uge", "næste uge".
    private func weekThenNumber(_ n: Double, at i: Int, _ scan: inout FactScan) -> Bool {
        guard scan.word(i - 1, in: .week), !scan.word(i - 2, in: .notThisWeek) else { return false }
        scan.add(.gestationalWeek, .integer(Int(n)), (i - 1)..<(i + 1))
        return true
    }

    /// "I'm thirty-six and five", "jeg er 38 og 2": a week and its days after "I'm".
    private func weekAndDaysAfterIAm(_ n: Double, at i: Int, _ scan: inout FactScan) -> Bool {
        guard scan.word(i + 1, in: .and), let d = days(scan.number(i + 2)), (20...43).contains(n), scan.word(i - 1, in: .iAm) else { return false }
        scan.add(.gestationalWeek, .integer(Int(n)), i..<(i + 3))
        scan.add(.gestationalDays, .integer(d), i..<(i + 3))
        return true
    }

    /// "38 uger, nej undskyld, 36": a bare number right after a correction of the week just said.
    private func correction(_ n: Double, at i: Int, _ scan: inout FactScan) -> Bool {
        guard (20...43).contains(n), let said = scan.facts.last(where: { $0.name == .gestationalWeek }), said.tokens.upperBound <= i else { return false }
        let between = scan.tokens[said.tokens.upperBound..<i]
        let correction = scan.words(.correction)
        guard between.filter(\.isWord).count <= 4, between.contains(where: { correction.contains($0.text) }),
              !between.contains(where: { $0.kind == .number }) else { return false }
        scan.add(.gestationalWeek, .integer(Int(n)), i..<(i + 1))
        return true
    }
}
