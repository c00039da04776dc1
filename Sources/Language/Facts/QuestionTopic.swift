/// What a midwife's question asks about, so a bare answer ("ja", "38", "klart") can be read as a fact.
public enum QuestionTopic: String, Sendable, CaseIterable {
    case gestationalAge, firstBaby
    /// "Har du født før?", "Do you have other children?": a yes means not a first baby.
    case previousBirth
    case contractionInterval, contractionDuration, fluidColour, temperature,
         fetalMovements, bleedingAmount, bloodPressure, daysPostpartum
    /// The movements compared with usual ("as much as usual?"): a no means fewer, not none.
    case movementsAsUsual
    /// Whether the movements are fewer ("Bevæger barnet sig mindre?", "Is she quieter?"): a no means as usual, a yes fewer.
    case movementsReduced

    static let cues: [(QuestionTopic, [[String]])] = [
        (.gestationalAge, [["hvor", "langt"], ["hvilken", "uge"], ["hvor", "mange", "uge*"], ["how", "many", "week*"], ["how", "far", "along"], ["which", "week"],
                           ["how", "far", "gone"], ["hvor", "langt", "henne"]]),
        (.firstBaby, [["første", "barn"], ["dit", "første"], ["det", "første"], ["den", "første"], ["første", "gang", "du"], ["your", "first"], ["the", "first"],
                      ["first", "baby"], ["first", "child"], ["first", "pregnancy"], ["førstegangsfødende"], ["første", "graviditet"], ["første"], ["first"]]),
        (.previousBirth, [["født", "før"], ["født", "tidligere"], ["given", "birth", "before"], ["andre", "børn"], ["other", "children"], ["børn", "i", "forvejen"],
                          ["flere", "børn"], ["any", "children"], ["had", "a", "baby", "before"], ["babies", "before"], ["kids", "already"], ["any", "kids"],
                          ["other", "kids"], ["prøvet", "det", "før"], ["done", "this", "before"], ["har", "du", "børn"], ["have", "children"]]),
        (.contractionInterval, [["hvor", "tit"], ["hvor", "ofte"], ["how", "often"], ["how", "far", "apart"], ["how", "close"], ["mellemrum"]]),
        (.contractionDuration, [["hvor", "længe", "varer"], ["how", "long", "does"], ["how", "long", "do"], ["varer", "de"], ["varer", "hver"]]),
        (.fluidColour, [["farve"], ["colour"], ["color"], ["klart"], ["clear"], ["grønt"], ["green"]]),
        (.temperature, [["temperatur"], ["målt"], ["temperature"], ["feber"], ["fever"]]),
        (.fetalMovements, [["mærk*", "barnet"], ["mærk*", "ham"], ["mærk*", "hende"], ["mærker", "du", "barnet"], ["bevæg*"], ["liv"], ["rør*"],
                           ["moving"], ["movements"], ["move*"], ["kick*"], ["feel", "the", "baby"], ["felt", "the", "baby"], ["feel", "him"], ["feel", "her"],
                           ["felt", "him"], ["felt", "her"], ["sparke*"], ["aktiv"], ["active"]]),
        (.bleedingAmount, [["hvor", "meget"], ["mere", "end", "en", "menstruation"], ["mere", "eller", "mindre"], ["how", "much"], ["more", "than", "a", "period"],
                           ["more", "or", "less"], ["heavier", "than"]]),
        (.bloodPressure, [["blodtryk"], ["blood", "pressure"]]),
        (.daysPostpartum, [["hvornår", "fødte"], ["when", "did", "you", "give", "birth"], ["when", "was", "the", "baby", "born"]]),
    ]

    /// Words that make a question open (how, when, what …): a yes or no cannot answer it.
    static let openQuestionWords: Set<String> = ["hvordan", "hvornår", "hvad", "hvilken", "hvilke", "hvorfor", "how", "when", "what", "which", "why", "where"]

    /// The topics a question's words touch. "Hvordan var din første fødsel?" asks how, not whether this is her first.
    public static func topics(of tokens: [Token]) -> Set<QuestionTopic> {
        var found = Set<QuestionTopic>()
        for sentence in Sentences.ranges(tokens).map({ Array(tokens[$0]) }) {
            let words = sentence.filter(\.isWord).map(\.text)
            var here = Set<QuestionTopic>()
            for (topic, sequences) in cues where WordSequence.first(of: sequences, in: words) != nil { here.insert(topic) }
            // "Okay. How was your first birth?" asks how it went, not whether this is her first.
            if here.contains(.firstBaby), let cue = WordSequence.first(of: cues.first { $0.0 == .firstBaby }?.1 ?? [], in: words),
               words[max(0, cue.lowerBound - 4)..<cue.lowerBound].contains(where: { openQuestionWords.contains($0) }) {
                here.remove(.firstBaby)
            }
            if here.contains(.fetalMovements), asksAboutFewer(sentence) {
                here.insert(.movementsReduced)
            } else if here.contains(.fetalMovements), comparesMovements(sentence) {
                here.insert(.movementsAsUsual)
            }
            found.formUnion(here)
        }
        return found
    }

    /// Whether a question about the baby's movements asks if they are fewer or weaker than usual, so that its polarity
    /// turns: "Bevæger han sig mindre?" — "Nej" is as usual.
    public static func asksAboutFewer(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord).map(\.text)
        // "Lige så meget eller mindre?" offers both: its answer is read as a comparison with usual.
        return WordSequence.first(of: [["mindre"], ["færre"], ["stillere"], ["svagere"], ["nedsat*"], ["roligere"], ["less"], ["fewer"], ["quieter"],
                                       ["weaker"], ["reduced"], ["slowed"]], in: words) != nil
            && WordSequence.first(of: [["lige", "så"], ["as", "much"], ["as", "often"]], in: words) == nil
    }

    /// Whether a question about the baby's movements compares them with usual ("Er han lige så aktiv, som han plejer?"),
    /// so a "nej" means fewer movements rather than none.
    public static func comparesMovements(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord).map(\.text)
        return WordSequence.first(of: [["lige", "så"], ["som", "han", "plejer"], ["som", "hun", "plejer"], ["som", "det", "plejer"], ["som", "normalt"],
                                       ["as", "usual"], ["as", "much"], ["as", "often"], ["as", "normal"], ["like", "normal"], ["like", "usual"],
                                       ["normally"], ["as", "active"], ["så", "meget"], ["så", "aktiv"]], in: words) != nil
    }
}
