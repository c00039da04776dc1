import TriageCore

/// Temperature: "38,6", "39 i feber", "38.4 degrees", "38 ni" (a recogniser's decimal without its comma); from a
/// thermometer bought abroad in Fahrenheit ("one hundred and two degrees", "101.3 F"), in Celsius.
struct TemperatureReader: FactReader {
    func read(_ scan: inout FactScan) {
        let fever = feverContext(scan)
        if fever { celsius(&scan) }
        if !scan.has(.temperatureC), fever || scan.mentioned(.thermometer) { fahrenheit(&scan) }
    }

    /// Whether a fever is the subject: asked about, named, or a decimal between 37 and 42 said on its own
    /// ("nu har jeg 38,7").
    private func feverContext(_ scan: FactScan) -> Bool {
        scan.topics.contains(.temperature) || scan.mentioned(.fever)
            || scan.tokens.indices.contains { i in
                let t = scan.tokens[i]
                guard let v = t.value, (37.0...42.0).contains(v) else { return false }
                return t.kind == .number && (t.text.contains(",") || t.text.contains(".")) || scan.word(i + 1, in: .decimalPoint)
            }
    }

    private func celsius(_ scan: inout FactScan) {
        for i in scan.tokens.indices {
            guard let v = scan.number(i), (35.0...43.0).contains(v) else { continue }
            let decimal = scan.tokens[i].text.contains(",") || scan.tokens[i].text.contains(".")
                || scan.word(i + 1, in: .degreesAfter) || scan.word(i + 1, in: .decimalPoint)
            var value = v
            if scan.word(i + 1, in: .decimalPoint), let d = scan.number(i + 2), d < 10 { value = v + d / 10 }
            // "38 ni", "thirty-eight nine", "38 7": a recogniser's decimal without its comma.
            let tokens = scan.tokens
            let spokenDecimal = !decimal && v == v.rounded() && (36...42).contains(v) && i + 1 < tokens.count
                && (tokens[i + 1].kind == .word || tokens[i + 1].kind == .number && tokens[i + 1].text.count == 1)
                && (scan.number(i + 1).map { $0 >= 0 && $0 <= 9 && $0 == $0.rounded() } ?? false)
            if spokenDecimal, let d = scan.number(i + 1) { value = v + d / 10 }
            guard decimal || spokenDecimal || scan.topics.contains(.temperature) else { continue }
            scan.add(.temperatureC, .number(value), i..<(i + 1))
            break
        }
    }

    private func fahrenheit(_ scan: inout FactScan) {
        for i in scan.tokens.indices {
            guard let v = scan.number(i), (95.0...110.0).contains(v),
                  scan.word(i + 1, in: .fahrenheitAfter) || scan.topics.contains(.temperature) || scan.mentioned(.thermometer) else { continue }
            scan.add(.temperatureC, .number(((v - 32) * 5 / 9 * 10).rounded() / 10), i..<(i + 1))
            break
        }
    }
}
