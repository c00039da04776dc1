import TriageCore

/// Hours since the waters broke: "for en time siden", "for tre timer siden", "two hours ago", "for en halv time siden".
struct HoursSinceRuptureReader: FactReader {
    func read(_ scan: inout FactScan) {
        guard WatersContext.holds(in: scan) || scan.topics.contains(.fluidColour) else { return }
        for i in scan.tokens.indices {
            var j = i, amount: Double
            if scan.word(i, in: .half) { amount = 0.5 } else if let v = scan.number(i), (0...720).contains(v) { amount = v }
            else if scan.word(i, in: .one) { amount = 1 } else { continue }
            if scan.word(i, in: .one), scan.word(i + 1, in: .half) { amount = 0.5; j += 1 }
            let unit = scan.word(j + 1)
            let hours: Double
            if scan.words(.hour).contains(unit) { hours = amount } else if scan.words(.minutesAgo).contains(unit) { hours = amount / 60 } else { continue }
            guard scan.word(j + 2, in: .ago) || scan.word(j + 3, in: .ago) else { continue }
            scan.add(.hoursSinceRupture, .number((hours * 10).rounded() / 10), i..<(j + 2))
            break
        }
    }
}
