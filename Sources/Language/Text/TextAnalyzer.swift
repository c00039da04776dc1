/// Turns a turn's text into tokens ready for matching: lower case, Danish "aa" read as "å",
/// fillers dropped ("øh", "altså", "um"), number words given their value ("otteogtredive" = 38,
/// "thirty eight" = 38, "femte" = 5), ordinal points dropped ("hvert 5. minut"), stems attached.
public final class TextAnalyzer {
    private let stemmer = Stemmer()

    /// Sounds that carry nothing. "like" and "ligesom" are not among them: they compare ("like water", "ligesom en
    /// menstruation"), which the facts read.
    static let fillers: [String: Set<String>] = [
        "da": ["øh", "øhm", "øhh", "hm", "hmm", "altså", "æh", "æhm", "nåh", "sgu"],
        "en": ["um", "uh", "uhm", "erm", "er", "hmm", "ehm"],
    ]

    /// Words said between a number and its unit that only soften it ("four like minutes"), and the units they come before.
    static let hedgesBeforeUnit: Set<String> = ["like", "sådan", "ish", "cirka", "ca"]
    static let units: Set<String> = ["minutes", "minute", "mins", "min", "seconds", "secs", "weeks", "week", "hours", "hour",
                                     "minutter", "minut", "sekunder", "sekund", "uger", "uge", "timer", "time"]

    /// Spoken forms written as people say them, and a recogniser's usual misspellings, read as the written word:
    /// "det bløder ik'" is "det bløder ikke", "vanet er gået" is "vandet er gået".
    static let spokenForms: [String: [String: String]] = [
        "da": ["ik'": "ikke", "ik": "ikke", "ikk": "ikke", "ikk'": "ikke", "ka'": "kan", "ha'": "har", "a'": "jeg", "mærk'": "mærke",
               "vanet": "vandet"],
    ]

    public init() {}

    /// The tokens of `text` in `language` ("da" or "en").
    public func analyze(_ text: String, language: String) -> [Token] {
        let raw = Tokenizer.tokenize(text)
        var tokens: [Token] = []
        tokens.reserveCapacity(raw.count)
        let fillers = TextAnalyzer.fillers[language] ?? []
        for (index, (word, kind, range)) in raw.enumerated() {
            switch kind {
            case .word:
                var w = word
                if language == "da", w.contains("aa") { w = w.replacingOccurrences(of: "aa", with: "å") }
                if fillers.contains(w) { continue }
                // "four like minutes apart", "hver fem sådan minutter": a hedge between a number and its unit.
                if TextAnalyzer.hedgesBeforeUnit.contains(w), tokens.last?.value != nil, index + 1 < raw.count,
                   TextAnalyzer.units.contains(raw[index + 1].text.lowercased()) {
                    continue
                }
                if let written = TextAnalyzer.spokenForms[language]?[w] { w = written }
                // "you know" as a filler, and a word said twice ("maven maven", "can can"), as a recogniser writes them.
                if language == "en", w == "know", tokens.last?.text == "you", index + 1 < raw.count, raw[index + 1].kind != .punctuation,
                   !["what", "if", "how", "when", "that", "why", "where"].contains(raw[index + 1].text) {
                    tokens.removeLast()
                    continue
                }
                if let last = tokens.last, last.kind == .word, last.text == w, last.range.upperBound < range.lowerBound { continue }
                let value = NumberWords.value(of: w, language: language)
                tokens.append(Token(kind: .word, text: w, stem: stemmer.stem(w, language: language), value: value, range: range))
            case .number:
                let value = Double(word.replacingOccurrences(of: ",", with: "."))
                tokens.append(Token(kind: .number, text: word, stem: word, value: value, range: range))
            case .punctuation:
                // "5." before a lower-case word is an ordinal, not the end of a sentence.
                if word == ".", let previous = tokens.last, previous.kind == .number, index + 1 < raw.count,
                   raw[index + 1].kind == .word, raw[index + 1].text.first?.isLowercase ?? false {
                    continue
                }
                tokens.append(Token(kind: .punctuation, text: word, stem: word, range: range))
            }
        }
        return TextAnalyzer.joinHundreds(TextAnalyzer.joinDanishTens(TextAnalyzer.joinEnglishTens(tokens)))
    }

    static let hundredWords: Set<String> = ["hundred", "hundrede", "hundred's"]

    /// "a hundred and fifty", "et hundrede og halvtreds", "hundrede fyrre" → one number token (150, 140);
    /// "one forty over ninety" → 140 before "over".
    static func joinHundreds(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if hundredWords.contains(t.text) {
                var value = 100.0
                var start = t.range.lowerBound
                // "one hundred", "to hundrede", "a hundred", "et hundrede"
                if let last = out.last, last.kind == .word, ["a", "et", "en", "one"].contains(last.text) || (last.value.map { $0 >= 1 && $0 <= 9 } ?? false) {
                    value = 100 * (last.value ?? 1)
                    start = last.range.lowerBound
                    out.removeLast()
                }
                var j = i + 1
                if j < tokens.count, ["and", "og"].contains(tokens[j].text) { j += 1 }
                var end = t.range.upperBound
                if j < tokens.count, let rest = tokens[j].value, rest < 100, rest == rest.rounded() {
                    value += rest
                    end = tokens[j].range.upperBound
                    i = j
                    // "hundrede fyrre fem" (the tens before the unit, as a non-native speaker says 145).
                    if rest >= 20, rest.truncatingRemainder(dividingBy: 10) == 0, j + 1 < tokens.count, tokens[j + 1].kind == .word,
                       let unit = tokens[j + 1].value, unit >= 1, unit <= 9, unit == unit.rounded() {
                        value += unit
                        end = tokens[j + 1].range.upperBound
                        i = j + 1
                    }
                }
                out.append(Token(kind: .number, text: String(Int(value)), stem: String(Int(value)), value: value, range: start..<end))
                i += 1
                continue
            }
            // "one forty over ninety": a spoken blood pressure.
            if t.value == 1, t.kind == .word, i + 2 < tokens.count, let tens = tokens[i + 1].value, tens >= 10, tens < 100,
               tokens[i + 2].text == "over" {
                out.append(Token(kind: .number, text: String(Int(100 + tens)), stem: String(Int(100 + tens)), value: 100 + tens,
                                 range: t.range.lowerBound..<tokens[i + 1].range.upperBound))
                i += 2
                continue
            }
            out.append(t)
            i += 1
        }
        return out
    }

    /// The stem of one word, as `analyze` would give it.
    public func stem(_ word: String, language: String) -> String { stemmer.stem(word, language: language) }

    /// "ni og tredive", "fem og tyve" (a Danish compound a recogniser wrote as three words) → one number token 39, 25.
    static func joinDanishTens(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < tokens.count {
            if i + 2 < tokens.count, tokens[i + 1].text == "og", NumberWords.danishUnits[tokens[i].text] != 0,
               let value = NumberWords.danishCompound(unit: tokens[i].text, tens: tokens[i + 2].text) {
                let text = tokens[i].text + "og" + tokens[i + 2].text
                out.append(Token(kind: .word, text: text, stem: text, value: value, range: tokens[i].range.lowerBound..<tokens[i + 2].range.upperBound))
                i += 3
            } else {
                out.append(tokens[i])
                i += 1
            }
        }
        return out
    }

    /// "thirty eight" → one number token 38.
    static func joinEnglishTens(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        for token in tokens {
            if let last = out.last, let tens = NumberWords.englishTens[last.text], let unit = NumberWords.englishUnits[token.text],
               unit < 10, unit > 0 {
                out[out.count - 1] = Token(kind: .word, text: last.text + "-" + token.text, stem: last.text + "-" + token.text,
                                           value: Double(tens + unit), range: last.range.lowerBound..<token.range.upperBound)
            } else {
                out.append(token)
            }
        }
        return out
    }
}
