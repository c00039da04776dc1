import TriageCore

/// Blood pressure: "150 over 95", "150/95"; where the blood pressure is the subject also "152 on 101" and
/// "150 … og 95" (a pause and "and" between the two).
struct BloodPressureReader: FactReader {
    /// A pause written around the separator.
    static let pauses: Set<String> = ["…", "...", ",", "."]

    func read(_ scan: inout FactScan) {
        let subject = scan.topics.contains(.bloodPressure) || scan.mentioned(.bloodPressure)
        let separators = subject ? scan.words(.pressureSeparator).union(scan.words(.pressureSeparatorLoose)) : scan.words(.pressureSeparator)
        let tokens = scan.tokens
        // A pause written as "…", "..." or "," around the separator, where the blood pressure is the subject.
        func pause(_ k: Int) -> Bool { subject && k < tokens.count && Self.pauses.contains(tokens[k].text) }
        for i in tokens.indices {
            guard let s = scan.number(i), (70...260).contains(s) else { continue }
            var j = i + 1
            while pause(j), j < i + 4 { j += 1 }
            guard separators.contains(scan.word(j)) else { continue }
            while pause(j + 1), j < i + 7 { j += 1 }
            guard let d = scan.number(j + 1), (40...160).contains(d), d < s else { continue }
            scan.add(.bpSystolic, .integer(Int(s)), i..<(j + 2))
            scan.add(.bpDiastolic, .integer(Int(d)), i..<(j + 2))
            break
        }
    }
}
