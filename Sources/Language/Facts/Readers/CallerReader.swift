import TriageCore

/// Who is calling: someone who says they call for her, or speaks of "my wife" going through it
/// ("min kæreste er ved at føde", "my girlfriend just fainted"; not "min kæreste kører os").
struct CallerReader: FactReader {
    func read(_ scan: inout FactScan) {
        let partners = scan.words(.partner), relatives = scan.words(.relative)
        for i in scan.tokens.indices where scan.word(i, in: .possessive) && i + 1 < scan.tokens.count {
            let who = scan.tokens[i + 1].text
            guard partners.contains(who) || relatives.contains(who) else { continue }
            let behalf = scan.first(.onBehalf) != nil
            // "min kærestes vand", "my wife's waters": hers, said by someone else.
            guard behalf || who.hasSuffix("s") || scan.word(i + 2, in: .herState) else { continue }
            scan.add(.caller, .text(partners.contains(who) ? "partner" : "relative"), i..<(i + 2))
        }
    }
}
