import TriageCore

/// Colour of the waters: "grønligt", "brunlig", "pinky-red", "like weak tea", "som kogt spinat". Of several, the most
/// concerning counts (the taxonomy's `when_several`); the colour of the mucus plug, a show or discharge is not theirs.
struct FluidColourReader: FactReader {
    /// Each colour's words, in the order they are looked for; Danish compounds name the shade first ("mosgrønt").
    static let colours: [(value: String, words: FactWordSet)] = [
        ("green", .colourGreen), ("brown", .colourBrown), ("pink", .colourPink), ("bloody", .colourBloody), ("clear", .colourClear),
    ]

    func read(_ scan: inout FactScan) {
        // "Hvilken farve havde den?" of the mucus plug, the show or the discharge: not the waters' colour, unless the
        // waters were spoken of too.
        let plugTalk = !scan.watersInCall && scan.mentioned(.mucus) && !scan.mentioned(.waters)
        guard WatersContext.holds(in: scan) && !plugTalk else { return }
        for (colour, set) in Self.colours {
            let names = scan.words(set).sorted().map { [$0] }
            for i in scan.tokens.indices where WordSequence.first(of: names, in: [scan.tokens[i].text]) != nil {
                if said(colour, at: i, &scan) { break }
            }
        }
        if !scan.has(.fluidColour), let r = scan.first(.likeWater) {
            scan.add(.fluidColour, .text("clear"), r)
        }
    }

    /// Adds the colour said at token `i` if it is the waters' and what she sees; whether it did.
    private func said(_ colour: String, at i: Int, _ scan: inout FactScan) -> Bool {
        let text = scan.tokens[i].text
        // "lyserød" is pink, not red.
        if colour == "bloody", !scan.words(.reddish).contains(where: text.hasPrefix), i > 0, scan.word(i - 1, in: .pale) { return false }
        // "pinky-red", "lyse-rødt" read as pink; the red in them says blood-stained, the more concerning.
        if colour == "pink", scan.words(.redEnding).contains(where: text.hasSuffix) {
            scan.add(.fluidColour, .text("bloody"), i..<(i + 1))
        }
        // "te" and "tea" only as a comparison ("som te", "like tea").
        if scan.word(i, in: .colourLikeness), !scan.word(i - 1, in: .likenessBefore), !scan.word(i - 2, in: .like) { return false }
        let sentence = scan.sentence(around: i)
        // A colour said on its own ("Klar.", "Grønligt.") once the waters are the subject.
        let fillers = scan.words(.colourFiller)
        let alone = scan.tokens[sentence].filter { $0.isWord && !fillers.contains($0.text) }.count <= 3
        guard scan.topics.contains(.fluidColour) || scan.any(.fluid, in: sentence) || scan.mentioned(.watersNamed) || alone else { return false }
        let tokens = scan.tokens, language = scan.language
        if NegationDetector.polarity(of: i..<(i + 1), in: tokens, language: language) == .denied { return false }
        // "the leaflet says to call if the waters are green": a condition, not what she sees.
        if NegationDetector.isHypothetical(i..<(i + 1), in: tokens, language: language) { return false }
        scan.add(.fluidColour, .text(colour), i..<(i + 1))
        return true
    }
}
