/// Tells Danish from English by their most frequent words and letters; per turn and per call.
public enum LanguageDetector {
    static let danish: Set<String> = [
        "og", "jeg", "er", "det", "ikke", "har", "på", "med", "en", "et", "at", "til", "så", "hun", "han", "vi", "du",
        "hej", "ja", "nej", "min", "mit", "mig", "hvor", "hvad", "kan", "skal", "nu", "lidt", "meget", "også", "der",
        "den", "af", "om", "eller", "men", "bare", "godt", "tak", "uge", "uger", "barnet", "vandet", "veer", "altså", "øh",
    ]
    static let english: Set<String> = [
        "the", "and", "i", "is", "it", "my", "have", "not", "to", "a", "she", "he", "of", "you", "we", "hi", "yes", "no",
        "what", "how", "can", "this", "that", "been", "are", "was", "just", "about", "baby", "waters", "weeks", "any",
        "hello", "okay", "thank", "thanks", "since", "her", "me", "do", "don't", "i'm", "it's", "um",
    ]

    /// The lower-cased words of a text, split roughly (letters and apostrophes), for `detect`.
    public static func words(in text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
    }

    /// "da" or "en" for the words; `fallback` when they tell nothing.
    public static func detect(words: [String], fallback: String = "da") -> String {
        var da = 0, en = 0
        for w in words {
            if danish.contains(w) { da += 2 }
            if english.contains(w) { en += 2 }
            if w.contains("æ") || w.contains("ø") || w.contains("å") { da += 1 }
        }
        if da == en { return fallback }
        return da > en ? "da" : "en"
    }
}
