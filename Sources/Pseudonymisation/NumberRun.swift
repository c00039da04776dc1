/// A run of numbers in a text (digits and number words with only white space, a dash or a comma between them) and
/// the CPR and telephone numbers in it. A run can be read several ways ("thirty four" is 34 or 30 and 4, "fire og
/// tredive" is 34): every reading is tried, and the run is divided into identifiers so that as few of its tokens as
/// possible are left over; a run that starts with an article ("en nul en …") leaves that out first.
struct NumberRun {
    let tokens: [TextToken]
    let words: IdentifierWords
    /// Whether a `+` stands just before the run (an international telephone number).
    let plus: Bool
    /// Whether a CPR or a telephone cue stands shortly before the run.
    let cprCue: Bool
    let phoneCue: Bool

    /// The most tokens one identifier spans (ten digits said one by one, with joiners to spare).
    static let longestPiece = 16
    /// The most readings kept for one stretch of tokens.
    static let mostReadings = 64

    /// The identifiers in the run, in order.
    func identifiers() -> [IdentifierSpan] {
        let n = tokens.count
        var best = [(cost: Int, pieces: [IdentifierSpan])](repeating: (0, []), count: n + 1)
        guard n > 0 else { return [] }
        var memo: [Int: [String]] = [:]
        for i in stride(from: n - 1, through: 0, by: -1) {
            let skip = (cost: best[i + 1].cost + 1, pieces: best[i + 1].pieces)
            var take: (cost: Int, pieces: [IdentifierSpan])?
            for j in (i + 1)...min(n, i + Self.longestPiece) {
                guard let piece = piece(i, j, memo: &memo) else { continue }
                let cost = best[j].cost
                let better = take.map { taken in
                    cost < taken.cost || (cost == taken.cost && taken.pieces.first.map { Self.outranks(piece, $0) } ?? true)
                } ?? true
                if better { take = (cost, [piece] + best[j].pieces) }
            }
            if let take, take.cost < skip.cost || (take.cost == skip.cost && !words.articles.contains(tokens[i].folded)) {
                best[i] = take
            } else {
                best[i] = skip
            }
        }
        return best[0].pieces
    }

    /// Between two readings of a stretch that leave as much over: a CPR number before a telephone number, then the longer.
    static func outranks(_ a: IdentifierSpan, _ b: IdentifierSpan) -> Bool {
        if a.kind != b.kind { return a.kind == .cpr }
        return a.range.count > b.range.count
    }

    /// The identifier `tokens[from..<to]` is, if it is one: a CPR number (ten digits starting with a date), a telephone
    /// number (eight digits, with 45 or 0045 before them, or after a `+`), or near a cue any number about that long.
    func piece(_ from: Int, _ to: Int, memo: inout [Int: [String]]) -> IdentifierSpan? {
        let all = readings(from, to, memo: &memo)
        guard !all.isEmpty else { return nil }
        let range = tokens[from].range.lowerBound..<tokens[to - 1].range.upperBound
        if let cpr = all.first(where: { $0.count == 10 && Self.startsWithDate($0) }) {
            return IdentifierSpan(kind: .cpr, range: range, canonical: cpr)
        }
        for r in all {
            if r.count == 8, !looksLikeDate(from, to) { return IdentifierSpan(kind: .phone, range: range, canonical: r) }
            if r.count == 10, r.hasPrefix("45") { return IdentifierSpan(kind: .phone, range: range, canonical: String(r.dropFirst(2))) }
            if r.count == 12, r.hasPrefix("0045") { return IdentifierSpan(kind: .phone, range: range, canonical: String(r.dropFirst(4))) }
            if plus, from == 0, (8...15).contains(r.count) { return IdentifierSpan(kind: .phone, range: range, canonical: r) }
        }
        if cprCue, let r = all.first(where: { (9...11).contains($0.count) }) { return IdentifierSpan(kind: .cpr, range: range, canonical: r) }
        if phoneCue, let r = all.first(where: { (6...12).contains($0.count) }) { return IdentifierSpan(kind: .phone, range: range, canonical: r) }
        return nil
    }

    /// Every string of digits `tokens[from..<to]` can be read as (each token used whole), up to 15 digits long;
    /// `memo` keeps the readings of stretches already read.
    func readings(_ from: Int, _ to: Int, memo: inout [Int: [String]]) -> [String] {
        if from == to { return [""] }
        let key = from * (tokens.count + 1) + to
        if let known = memo[key] { return known }
        var out: [String] = []
        steps: for (digits, used) in steps(at: from) where from + used <= to {
            for rest in readings(from + used, to, memo: &memo) where digits.count + rest.count <= 15 {
                let reading = digits + rest
                if !out.contains(reading) { out.append(reading) }
                if out.count >= Self.mostReadings { break steps }
            }
        }
        memo[key] = out
        return out
    }

    /// The ways the number at `tokens[k]` can be read: its digits and how many tokens that reading uses.
    func steps(at k: Int) -> [(String, Int)] {
        let t = tokens[k]
        if t.kind == .digits { return [(t.text, 1)] }
        var out: [(String, Int)] = []
        if let d = words.digits[t.folded] {
            out.append((String(d), 1))
            if d > 0, k + 2 < tokens.count, words.joiners.contains(tokens[k + 1].folded), let tens = tensValue(tokens[k + 2].folded) {
                out.append((String(tens + d), 3))
            }
        }
        if let p = words.pairs[t.folded] {
            out.append((String(p), 1))
            if p >= 20, p % 10 == 0, k + 1 < tokens.count, let d = words.digits[tokens[k + 1].folded], d > 0 {
                out.append((String(p + d), 2))
            }
        }
        if let c = Self.compound(t.folded, words) { out.append((String(c), 1)) }
        return out
    }

    func tensValue(_ word: String) -> Int? { words.pairs[word].flatMap { $0 >= 20 && $0 % 10 == 0 ? $0 : nil } }

    /// A Danish pair in one word, the digit, a joiner and the tens ("fireogtredive" 34), or nil.
    static func compound(_ word: String, _ words: IdentifierWords) -> Int? {
        for joiner in words.joiners {
            guard let r = word.range(of: joiner), r.lowerBound != word.startIndex, r.upperBound != word.endIndex,
                  let d = words.digits[String(word[..<r.lowerBound])], d > 0,
                  let tens = words.pairs[String(word[r.upperBound...])], tens >= 20, tens % 10 == 0 else { continue }
            return tens + d
        }
        return nil
    }

    /// Whether ten digits start with a day and month (DDMMYY): day 01–31 within the month, month 01–12.
    static func startsWithDate(_ digits: String) -> Bool {
        let d = Array(digits.utf8).map { Int($0) - 48 }
        guard d.count >= 6, d.allSatisfy({ (0...9).contains($0) }) else { return false }
        let day = d[0] * 10 + d[1], month = d[2] * 10 + d[3]
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    /// Whether the stretch is a date written with dashes (2026-03-01, 01-03-2026), not a telephone number.
    func looksLikeDate(_ from: Int, _ to: Int) -> Bool {
        let part = tokens[from..<to]
        guard part.allSatisfy({ $0.kind == .digits }), part.dropFirst().allSatisfy({ $0.gap.contains("-") }) else { return false }
        let lengths = part.map(\.text.count)
        return lengths == [4, 2, 2] || lengths == [2, 2, 4]
    }
}
