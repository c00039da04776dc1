/// Numbers written as words, in Danish and English: cardinals ("fem", "otteogtredive", "thirty"),
/// ordinals ("femte", "fifth", "5."), and halves ("halvanden").
public enum NumberWords {
    static let danishUnits: [String: Int] = [
        "nul": 0, "en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7,
        "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
        "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
    ]
    static let danishTens: [String: Int] = [
        "tyve": 20, "tredive": 30, "tredve": 30, "fyrre": 40, "fyrretyve": 40, "halvtreds": 50, "tres": 60,
        "halvfjerds": 70, "firs": 80, "halvfems": 90,
    ]
    static let danishOrdinals: [String: Int] = [
        "første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "syvende": 7,
        "ottende": 8, "niende": 9, "tiende": 10, "ellevte": 11, "tolvte": 12, "femtende": 15, "tyvende": 20,
    ]
    static let englishUnits: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let englishTens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let englishOrdinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    ]
    static let halves: [String: Double] = ["halvanden": 1.5, "halvandet": 1.5, "half": 0.5, "halv": 0.5]

    /// The value of a single word, or nil. Danish compounds ("otteogtredive", "femogtyve") and English
    /// hyphenated tens ("thirty-eight") are read whole.
    public static func value(of word: String) -> Double? { value(of: word, language: nil) }

    /// Danish words that are other words in English ("to", "en", "et", "ti"): not numbers in an English turn.
    static let notNumbersInEnglish: Set<String> = ["to", "en", "et", "ti", "ni", "fire", "tre", "halv"]

    /// The value of a word in `language` (`nil`: either language).
    public static func value(of word: String, language: String?) -> Double? {
        let w = word.lowercased()
        if language == "en", notNumbersInEnglish.contains(w) { return nil }
        if let n = danishUnits[w] ?? danishTens[w] ?? englishUnits[w] ?? englishTens[w] { return Double(n) }
        if let n = danishOrdinals[w] ?? englishOrdinals[w] { return Double(n) }
        if let h = halves[w] { return h }
        if let og = w.range(of: "og"), og.lowerBound != w.startIndex,
           let n = danishCompound(unit: String(w[..<og.lowerBound]), tens: String(w[og.upperBound...])) {
            // ordinal compounds: "otteogtredivte" is rare on the phone; leave it.
            return n
        }
        let parts = w.split(separator: "-")
        if parts.count == 2, let t = englishTens[String(parts[0])], let u = englishUnits[String(parts[1])], u < 10 {
            return Double(t + u)
        }
        // "one-fifty over ninety-six": a blood pressure's hundreds said as "one" before the tens.
        if parts.count == 2, parts[0] == "one", let t = englishTens[String(parts[1])] { return Double(100 + t) }
        return nil
    }

    /// A Danish number said unit first, "og", then the tens ("otte" + "tredive" = 38), written as one word or three.
    static func danishCompound(unit: String, tens: String) -> Double? {
        guard let u = danishUnits[unit], u < 10, let t = danishTens[tens] else { return nil }
        return Double(t + u)
    }

    /// Whether the word is an ordinal ("femte", "fifth").
    public static func isOrdinal(_ word: String) -> Bool {
        danishOrdinals[word.lowercased()] != nil || englishOrdinals[word.lowercased()] != nil
    }

    /// A range written with a hyphen between number words ("tre-fire" → 3...4), or nil.
    public static func range(of word: String) -> ClosedRange<Double>? {
        let parts = word.split(separator: "-").map(String.init)
        guard value(of: word) == nil, parts.count == 2, let a = value(of: parts[0]), let b = value(of: parts[1]), a < b else { return nil }
        return a...b
    }
}
