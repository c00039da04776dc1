import TriageCore

/// Whether this is her first baby: "mit første", "første gang jeg føder", "my second", "jeg har født før"; a bare
/// answer to "Er det dit første?" or "Har du født før?".
struct FirstBabyReader: FactReader {
    func read(_ scan: inout FactScan) {
        let language = scan.language, tokens = scan.tokens
        func denied(_ r: Range<Int>) -> Bool { NegationDetector.polarity(of: r, in: tokens, language: language) == .denied }
        // A previous birth said outright settles it ("mit første med min nye mand, men jeg har født før").
        let definiteAt = scan.first(.bornBefore, gap: 2)
        let firstAt = scan.first(.firstBaby), laterAt = definiteAt ?? scan.first(.laterBaby)
        if let r = definiteAt, denied(r) {
            // "Jeg har ikke født før", "we don't have other children".
            scan.add(.firstBaby, .boolean(true), r)
        } else if let f = firstAt, laterAt.map({ f.lowerBound < $0.lowerBound && definiteAt == nil }) ?? true, !denied(f) {
            scan.add(.firstBaby, .boolean(true), f)
        } else if let r = laterAt ?? firstAt.flatMap({ denied($0) ? $0 : nil }) {
            scan.add(.firstBaby, .boolean(false), r)
        } else if scan.topics.contains(.firstBaby) || scan.topics.contains(.previousBirth) {
            // "Har du født før?" — "Ja" is not a first baby; "Er det dit første?" — "Ja" is.
            let yesMeansFirst = !scan.topics.contains(.previousBirth)
            if let r = scan.first(.laterBabyAlone) { scan.add(.firstBaby, .boolean(false), r) }
            else if let yes = Utterance.answer(tokens) { scan.add(.firstBaby, .boolean(yes == yesMeansFirst), 0..<1) }
        }
    }
}
