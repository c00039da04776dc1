/// Where a pain or a hardness is: "det ene bryst er hårdt som en sten", "a headache that won't go away", "cramp in my
/// calf" are not the belly's constant pain or cramps. A phrase of a belly finding does not count when its sentence names
/// another part of the body near it and not the belly.
public enum BodySite {
    /// Parts of the body that are not the belly.
    static let elsewhere: Set<String> = [
        "bryst", "brystet", "brysterne", "bryster", "brystvorte", "brystvorten", "brystvorterne", "vorterne", "hoved", "hovedet", "hovedpine", "hovedpinen",
        "ben", "benet", "benene", "læg", "læggen", "tand", "tanden", "tænder", "halsen", "øre", "øret", "arm", "armen", "fod", "foden", "fødderne",
        "breast", "breasts", "boob", "boobs", "nipple", "nipples", "head", "headache", "leg", "legs", "calf", "tooth", "teeth", "throat", "ear", "arm", "foot", "feet",
        "ankle", "ankles", "knee", "knees", "wrist", "hand", "hands",
    ]
    /// The belly and what lies in it.
    static let belly: Set<String> = [
        "mave", "maven", "maver", "underlivet", "underliv", "livmoderen", "livmoder", "bækkenet", "lysken", "belly", "tummy", "bump", "stomach", "abdomen", "womb",
        "uterus", "pelvis", "groin",
    ]

    /// Whether the phrase at `span` is said of another part of the body than the belly (within eight words of it, in its
    /// sentence).
    public static func elsewhere(_ span: Range<Int>, in tokens: [Token]) -> Bool {
        guard !span.isEmpty, span.upperBound <= tokens.count else { return false }
        let sentence = Sentences.around(span.lowerBound, in: tokens)
        let near = tokens[max(sentence.lowerBound, span.lowerBound - 8)..<min(sentence.upperBound, span.upperBound + 8)].map(\.text)
        return near.contains(where: elsewhere.contains) && !tokens[sentence].contains { belly.contains($0.text) }
    }
}
