import Testing
@testable import Language

@Suite struct NumberWordsTests {
    @Test(arguments: [("fem", 5.0), ("femte", 5), ("otteogtredive", 38), ("niogtredive", 39), ("tyve", 20), ("halvanden", 1.5),
                      ("thirty-eight", 38), ("fifth", 5), ("twelve", 12), ("tredje", 3),
                      ("one-fifty", 150), ("one-forty", 140)])
    func readsNumberWords(word: String, value: Double) {
        #expect(NumberWords.value(of: word) == value)
    }

    @Test func readsRangesAndRejectsOrdinaryWords() {
        #expect(NumberWords.range(of: "tre-fire") == 3...4)
        #expect(NumberWords.range(of: "one-fifty") == nil)
        #expect(NumberWords.value(of: "vandet") == nil)
        #expect(NumberWords.value(of: "og") == nil)
    }
}

@Suite struct TextAnalyzerTests {
    let analyzer = TextAnalyzer()

    @Test func dropsFillersAndOrdinalPointsAndReadsOldSpelling() {
        let tokens = analyzer.analyze("Øh, altså de kommer hvert 5. minut, og Aase har fødselsangst.", language: "da")
        let words = tokens.map(\.text)
        #expect(!words.contains("øh") && !words.contains("altså"))
        #expect(words.contains("åse"))
        let five = tokens.firstIndex { $0.text == "5" }
        #expect(five.map { tokens[$0 + 1].text } == "minut") // the ordinal point is not a sentence end
    }

    @Test func joinsEnglishTensAndKeepsDecimals() {
        let tokens = analyzer.analyze("I'm thirty eight weeks and 38,4 degrees", language: "en")
        #expect(tokens.contains { $0.value == 38 && $0.text == "thirty-eight" })
        #expect(tokens.contains { $0.value == 38.4 })
    }

    @Test func keepsCharacterOffsetsForHighlighting() {
        let text = "Vandet er gået."
        let tokens = analyzer.analyze(text, language: "da")
        let chars = Array(text)
        #expect(tokens.map { String(chars[$0.range]) }.prefix(3) == ["Vandet", "er", "gået"])
    }

    @Test func detectsTheLanguage() {
        #expect(LanguageDetector.detect(words: "jeg har ondt i maven og det bløder".split(separator: " ").map(String.init)) == "da")
        #expect(LanguageDetector.detect(words: "my waters have broken and i have pain".split(separator: " ").map(String.init)) == "en")
    }
}

@Suite struct NegationDetectorTests {
    let analyzer = TextAnalyzer()

    /// The polarity of `phrase` where it occurs in `text`.
    func polarity(_ text: String, _ phrase: String, _ language: String = "da") -> Polarity? {
        let tokens = analyzer.analyze(text, language: language)
        let target = analyzer.analyze(phrase, language: language).map(\.text)
        guard let start = tokens.indices.first(where: { i in
            i + target.count <= tokens.count && tokens[i..<(i + target.count)].map(\.text) == target
        }) else { return nil }
        return NegationDetector.polarity(of: start..<(start + target.count), in: tokens, language: language)
    }

    @Test(arguments: [
        ("Ingen blødning.", "blødning", "da"), ("Det er ikke grønt.", "grønt", "da"), ("Jeg har ikke haft feber.", "feber", "da"),
        ("Nej, ingen smerter og ingen blødning.", "blødning", "da"), ("No bleeding at all.", "bleeding", "en"),
        ("I haven't had any fever.", "fever", "en"), ("Feber har jeg ikke.", "feber", "da"), ("Hverken vand eller blod.", "blod", "da"),
        ("Jeg synes ikke, han sparker.", "sparker", "da"), ("det er ikke sådan at det er vandet", "vandet", "da"),
        ("Nej, det bløder ik'.", "bløder", "da"), ("ik' noget blod", "blod", "da"),
    ])
    func negationsDeny(text: String, phrase: String, language: String) {
        #expect(polarity(text, phrase, language) == .denied)
    }

    @Test(arguments: [
        ("Jeg har ikke ondt, men jeg bløder.", "bløder", "da"), ("I can't stop being sick.", "being sick", "en"),
        ("Det er ikke kun hovedpine.", "hovedpine", "da"), ("I'm bleeding.", "bleeding", "en"), ("Det er ikke grønt, det er klart.", "klart", "da"),
        ("det er ikke klart det er grønt", "grønt", "da"), ("it is not clear it is green", "green", "en"),
    ])
    func scopeEndsAndPseudoNegationsKeepItPresent(text: String, phrase: String, language: String) {
        #expect(polarity(text, phrase, language) == .present)
    }

    @Test func hedgesAreUncertain() {
        #expect(polarity("Jeg ved ikke om vandet er gået.", "vandet") == .uncertain)
        #expect(polarity("Maybe the waters have gone.", "waters", "en") == .uncertain)
    }

    @Test func aNegationInsideThePhraseIsNotATrigger() {
        // "jeg kan ikke mærke barnet" is the finding itself (absent movements), not a denial.
        #expect(polarity("Jeg kan ikke mærke barnet.", "kan ikke mærke barnet") == .present)
    }
}

@Suite struct FactExtractorTests {
    let analyzer = TextAnalyzer()

    func facts(_ text: String, _ language: String = "da", topics: Set<QuestionTopic> = []) -> [String: String] {
        Dictionary(FactExtractor.facts(in: analyzer.analyze(text, language: language), language: language, topics: topics, words: FactReaderTests.words)
            .map { ($0.name.rawValue, $0.value.description) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func gestationalAgeInEveryForm() {
        #expect(facts("Jeg er 38+2.")["gestational_week"] == "38")
        #expect(facts("Jeg er 38+2.")["gestational_days"] == "2")
        #expect(facts("Jeg er otteogtredive plus to.")["gestational_days"] == "2")
        #expect(facts("Jeg er i uge 32.")["gestational_week"] == "32")
        #expect(facts("I'm thirty five weeks.", "en")["gestational_week"] == "35")
        #expect(facts("Han blev født for 3 uger siden.")["gestational_week"] == nil)
        #expect(facts("39", topics: [.gestationalAge])["gestational_week"] == "39")
    }

    @Test func contractionIntervalsAndLengths() {
        #expect(facts("Veerne kommer hvert tredje minut.")["contraction_interval_min"] == "3")
        #expect(facts("De kommer hvert 5. minut.")["contraction_interval_min"] == "5")
        #expect(facts("Der er tre-fire minutter mellem veerne.")["contraction_interval_min"] == "3")
        #expect(facts("Now is very often, two-three minutes.", "en")["contraction_interval_min"] == "2")
        #expect(facts("Contractions every four minutes.", "en")["contraction_interval_min"] == "4")
        #expect(facts("They're two and a half minutes apart.", "en")["contraction_interval_min"] == "2.5")
        #expect(facts("Det strammer hvert kvarter.")["contraction_interval_min"] == "15")
        #expect(facts("De varer et minut.")["contraction_duration_s"] == "60")
        #expect(facts("Ring igen om fem minutter.")["contraction_interval_min"] == nil)
    }

    @Test func coloursTemperaturesPressuresAndAmounts() {
        #expect(facts("Vandet er gået, og det er grønt.")["fluid_colour"] == "green")
        #expect(facts("Vandet er gået, det er ikke grønt, det er klart.")["fluid_colour"] == "clear")
        #expect(facts("Der var brunligt slim.")["fluid_colour"] == nil)
        #expect(facts("Jeg har 38,6 i feber.")["temperature_c"] == "38.6")
        #expect(facts("Blodtrykket var 150 over 95.")["bp_systolic"] == "150")
        #expect(facts("Jeg bløder, mere end en menstruation.")["bleeding_amount"] == "heavy")
    }

    @Test func movementsFirstBabyBirthAndCaller() {
        #expect(facts("Jeg kan ikke mærke barnet.")["fetal_movements"] == "absent")
        #expect(facts("Han sparker mindre end han plejer.")["fetal_movements"] == "reduced")
        #expect(facts("Hun sparker fint.")["fetal_movements"] == "normal")
        #expect(facts("Det er mit første barn.")["first_baby"] == "true")
        #expect(facts("Det er mit første med min nye mand, men jeg har født før.")["first_baby"] == "false")
        #expect(facts("Nej", topics: [.firstBaby])["first_baby"] == "false")
        #expect(facts("Jeg fødte for fem dage siden.")["days_postpartum"] == "5")
        #expect(facts("Jeg ringer for min kone, hun bløder.")["caller"] == "partner")
        #expect(facts("Min kæreste kører os.")["caller"] == nil)
    }
}

/// Answers read as the midwife reads them (`Answer.read`).
@Suite struct AnswerTests {
    let analyzer = TextAnalyzer()
    func read(_ text: String, _ language: String = "da") -> Answer? { Answer.read(analyzer.analyze(text, language: language)) }

    @Test func plainAnswers() {
        #expect(read("Ja.") == .yes)
        #expect(read("Nej, ikke noget.") == .no)
        #expect(read("Det gør jeg ikke.") == .no)
        #expect(read("Lidt.") == .yes)
        #expect(read("Not that I've noticed.", "en") == .no)
        #expect(read("Hun siger nej.") == .no)
        #expect(read("She says yes.", "en") == .yes)
    }

    @Test func hedgesAreUnsureNeverNo() {
        for text in ["Det ved jeg ikke.", "Måske lidt.", "Jeg er ikke sikker."] { #expect(read(text) == .unsure, "\(text)") }
        for text in ["I'm not sure.", "I think so?", "Maybe."] { #expect(read(text, "en") == .unsure, "\(text)") }
        #expect(read("Ja. Tror jeg.") == .unsure)
    }

    @Test func theLastPlainAnswerCounts() {
        #expect(read("Jeg har ikke kigget. Vent. Nej, ikke noget i trusserne.") == .no)
        #expect(read("Nej … jo, lidt.") == .yes)
        #expect(read("No, no. Kun lidt pink på slim.") == .no)
        #expect(read("Okay, tak.") == nil)
    }
}

@Suite struct RecogniserTextTests {
    let analyzer = TextAnalyzer()

    @Test func repeatedWordsAndYouKnowAreDropped() {
        #expect(analyzer.analyze("i can can feel the you know cord", language: "en").map(\.text) == ["i", "can", "feel", "the", "cord"])
        #expect(analyzer.analyze("do you know how far apart", language: "en").map(\.text).contains("know"))
    }

    @Test func hundredsAndSpokenBloodPressureAreNumbers() {
        let values = analyzer.analyze("a hundred and fifty over ninety-five", language: "en").compactMap(\.value)
        #expect(values == [150, 95])
        #expect(analyzer.analyze("et hundrede og fyrre over halvfems", language: "da").compactMap(\.value) == [140, 90])
        #expect(analyzer.analyze("one forty over ninety", language: "en").compactMap(\.value) == [140, 90])
        // English "to" is no number.
        #expect(analyzer.analyze("twelve to fifteen minutes", language: "en").compactMap(\.value) == [12, 15])
    }
}
