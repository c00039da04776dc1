import TriageCore

/// Contraction interval: "hvert tredje minut", "hvert 5. minut", "every four minutes", "8 til 10 minutter",
/// "tre-fire minutter imellem", "5 minutes apart", "twice an hour", "three in ten"; of a range, the lowest.
struct ContractionIntervalReader: FactReader {
    func read(_ scan: inout FactScan) {
        for i in scan.tokens.indices where scan.word(i, in: .minute) { minutes(at: i, &scan) }
        // Contractions are the subject: asked about, named, or an interval said already.
        let talk = scan.topics.contains(.contractionInterval) || scan.mentioned(.contraction)
            || scan.has(.contractionIntervalMin) || scan.mentioned(.intervalTalk)
        guard talk else { return }
        for i in scan.tokens.indices where scan.word(i, in: .every) { everyNumber(at: i, &scan) }
        for i in scan.tokens.indices { countInSpan(at: i, &scan) }
        for (set, minutes) in [(FactWordSet.everyQuarterHour, 15.0), (.everyHalfHour, 30), (.everyHour, 60)] {
            for cue in scan.phrases(set) {
                if let r = WordSequence.first(of: [cue], in: scan.texts) { scan.add(.contractionIntervalMin, .number(minutes), r) }
            }
        }
    }

    /// The numbers said before a unit of minutes at `i` (walking back over "til", "to", "-" of a range), where the
    /// walk stopped, and the first token they take.
    private func numbersBefore(_ i: Int, _ scan: FactScan) -> (values: [Double], start: Int, stop: Int) {
        var j = i - 1
        var values: [Double] = []
        var start = i
        while j >= 0, i - j <= 5 {
            let t = scan.tokens[j]
            if let v = t.value { values.append(v); start = j }
            else if let r = NumberWords.range(of: t.text) { values += [r.lowerBound, r.upperBound]; start = j }
            else if scan.word(j, in: .rangeJoin) && !values.isEmpty {}
            else if scan.word(j, in: .every) || scan.word(j, in: .everyOther) { start = j; break }
            else if scan.word(j, in: .half), let last = values.last, values.count == 1 { values = [last + 0.5] }
            else if !values.isEmpty || !scan.word(j, in: .approximately) { break }
            j -= 1
        }
        // "tre og en halv minut", "three and a half minutes".
        if j >= 0, scan.word(i - 3, in: .and), scan.word(i - 1, in: .half), let whole = scan.number(i - 4) {
            values = [whole + 0.5]
            start = min(start, i - 4)
        }
        return (values, start, j)
    }

    /// An interval said with its unit of minutes at `i`.
    private func minutes(at i: Int, _ scan: inout FactScan) {
        let (values, start, _) = numbersBefore(i, scan)
        guard let lowest = values.filter({ $0 > 0 && $0 <= 60 }).min() else {
            if scan.word(i - 1, in: .every) { scan.add(.contractionIntervalMin, .number(1), (i - 1)..<(i + 1)) }
            return
        }
        let sentence = scan.sentence(around: i)
        let every = start < scan.tokens.count && scan.word(start, in: .every)
        // "… med syv minutters mellemrum", "der går syv minutter (imellem)".
        let apart = scan.word(i + 1, in: .apart) || scan.word(i - values.count - 1, in: .apartBefore)
            || scan.phrase(.passing, endsBefore: start)
        let lasting = scan.any(.lasting, in: sentence)
        // "Now is very often, two-three minutes", "de kommer tit, tre-fire minutter": how often, in minutes.
        let often = scan.any(.often, in: sentence)
        // "I'm going (to the loo) every ten minutes", "I soak a pad every hour": something else that comes often.
        let otherThing = scan.any(.comesOftenToo, in: max(sentence.lowerBound, start - 4)..<min(sentence.upperBound, i + 2))
        let contractions = scan.any(scan.words(.contraction).union(scan.words(.contractionVague)), in: sentence)
        if !otherThing, every || apart || ((scan.topics.contains(.contractionInterval) || contractions || often) && !lasting) {
            scan.add(.contractionIntervalMin, .number(lowest), start..<(i + 1))
        }
    }

    /// "Every three to three and a half", "hvert tredje": "every" at `i` and a number with no unit.
    private func everyNumber(at i: Int, _ scan: inout FactScan) {
        guard let v = scan.number(i + 1), v >= 1, v <= 30, !scan.word(i + 2, in: .minute), !scan.word(i + 2, in: .otherUnit),
              !scan.word(i + 3, in: .minute) || scan.word(i + 2, in: .rangeTo) else { return }
        scan.add(.contractionIntervalMin, .number(v), i..<(i + 2))
    }

    /// "Three in ten", "tre på ti minutter": so many contractions in so many minutes, from `i`.
    private func countInSpan(at i: Int, _ scan: inout FactScan) {
        guard let count = scan.number(i), count >= 1, count <= 10, count == count.rounded() else { return }
        var j = i + 1
        guard scan.word(j, in: .inSpan) else { return }
        j += 1
        if let skip = scan.phrase(.inTheCourseOf, at: j) { j += skip }
        if scan.word(j, in: .spanArticle) { j += 1 }
        guard let span = scan.number(j), [10.0, 20, 30, 60].contains(span), span > count else { return }
        let unit = scan.word(j + 1)
        guard unit.isEmpty || scan.words(.minute).contains(unit) || !scan.words(.otherUnit).contains(unit) else { return }
        scan.add(.contractionIntervalMin, .number((span / count * 10).rounded() / 10), i..<min(scan.tokens.count, j + 2))
    }
}
