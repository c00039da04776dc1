/// What a midwife's question asks about, so a bare answer ("ja", "38", "klart") can be read as a fact.
public enum QuestionTopic: String, Sendable, CaseIterable {
    case gestationalAge, firstBaby
    /// "Har du født før?", "Do you have other children?": a yes means not a first baby.
    case previousBirth
    case contractionInterval, contractionDuration, fluidColour, temperature,
         fetalMovements, bleedingAmount, bloodPressure, daysPostpartum

    static let cues: [(QuestionTopic, [[String]])] = [
        (.gestationalAge, [["hvor", "langt"], ["hvilken", "uge"], ["hvor", "mange", "uger"], ["how", "many", "weeks"], ["how", "far", "along"], ["which", "week"]]),
        (.firstBaby, [["første"], ["first"], ["førstegangsfødende"]]),
        (.previousBirth, [["født", "før"], ["født", "tidligere"], ["given", "birth", "before"], ["andre", "børn"], ["other", "children"], ["børn", "i", "forvejen"],
                          ["flere", "børn"], ["any", "children"], ["had", "a", "baby", "before"], ["babies", "before"], ["kids", "already"], ["any", "kids"],
                          ["other", "kids"], ["prøvet", "det", "før"], ["done", "this", "before"], ["har", "du", "børn"], ["have", "children"]]),
        (.contractionInterval, [["hvor", "tit"], ["hvor", "ofte"], ["how", "often"], ["how", "far", "apart"], ["how", "close"], ["mellemrum"]]),
        (.contractionDuration, [["hvor", "længe", "varer"], ["how", "long", "does"], ["how", "long", "do"], ["varer", "de"], ["varer", "hver"]]),
        (.fluidColour, [["farve"], ["colour"], ["color"], ["klart"], ["clear"], ["grønt"], ["green"]]),
        (.temperature, [["temperatur"], ["målt"], ["temperature"], ["feber"], ["fever"]]),
        (.fetalMovements, [["mærke", "barnet"], ["mærke", "ham"], ["mærke", "hende"], ["mærker", "du", "barnet"], ["bevæger"], ["bevæge"], ["liv"], ["rører"],
                           ["moving"], ["movements"], ["move"], ["kicks"], ["kicking"], ["feel", "the", "baby"], ["sparker"]]),
        (.bleedingAmount, [["hvor", "meget"], ["mere", "end", "en", "menstruation"], ["mere", "eller", "mindre"], ["how", "much"], ["more", "than", "a", "period"],
                           ["more", "or", "less"], ["heavier", "than"]]),
        (.bloodPressure, [["blodtryk"], ["blood", "pressure"]]),
        (.daysPostpartum, [["hvornår", "fødte"], ["when", "did", "you", "give", "birth"], ["when", "was", "the", "baby", "born"]]),
    ]

    /// The topics a question's words touch.
    public static func topics(of tokens: [Token]) -> Set<QuestionTopic> {
        let words = tokens.filter(\.isWord).map(\.text)
        var found = Set<QuestionTopic>()
        for (topic, sequences) in cues where WordSequence.first(of: sequences, in: words) != nil { found.insert(topic) }
        return found
    }
}
