import TriageCore

/// Reads the facts a caller states in a turn: gestational week and days, first baby, contraction
/// interval and length, colour of the waters, temperature, blood pressure, amount of bleeding, fetal
/// movements, days since the birth, and who is calling. `topics` are what the midwife just asked, so a
/// bare answer ("ja", "38 plus 2", "klart") counts.
public enum FactExtractor {
    /// Words that speak of the waters ("vandet er gået", "my waters"): once said, a later colour is the waters'.
    static let watersWords: Set<String> = ["vandet", "vand", "fostervand", "fostervandet", "vandafgang", "waters", "water", "amniotic", "fluid"]

    /// Whether the tokens speak of the waters.
    public static func mentionsWaters(_ tokens: [Token]) -> Bool { tokens.contains { watersWords.contains($0.text) || watersWords.contains($0.stem) } }

    /// Words of the mucus plug, a show and discharge, whose colour is not the waters'.
    static let mucusWords: Set<String> = ["slimprop", "slimproppen", "proppen", "slim", "slimet", "gelé", "klat", "udflåd", "udflådet", "tegnblødning",
                                          "mucus", "plug", "discharge", "show", "jelly", "gloop"]

    /// Facts a turn may state more than once (a correction, a range then a later figure).
    static let repeatable: Set<String> = ["gestational_week", "gestational_days", "contraction_interval_min"]

    /// - Parameter context: the turns just before, whose words set the scene ("feber" before a bare "38,4").
    /// - Parameter watersInCall: the call has spoken of the waters already, so a colour on the pad is theirs.
    public static func facts(in tokens: [Token], language: String, topics: Set<QuestionTopic> = [], context: [Token] = [],
                             watersInCall: Bool = false) -> [ExtractedFact] {
        var out: [ExtractedFact] = []
        let words = tokens.map(\.text)
        let contextWords = Set(context.map(\.text))
        func mentioned(_ set: Set<String>) -> Bool {
            !set.isDisjoint(with: contextWords) || tokens.contains { set.contains($0.text) || set.contains($0.stem) }
        }
        // The gestational age and the contraction interval may be said twice in a turn ("hver femte … nej, hver tredje");
        // the collector decides between them by the taxonomy's `when_several`. Other facts count once per turn.
        // The tokens each fact has taken, so that a repeatable fact's check stays as short as its own words.
        var covered: [String: Set<Int>] = [:]
        func add(_ name: String, _ value: FactValue, _ range: Range<Int>) {
            if let taken = covered[name], !FactExtractor.repeatable.contains(name) || range.contains(where: taken.contains) { return }
            out.append(ExtractedFact(name: name, value: value, tokens: range))
            covered[name, default: []].formUnion(range)
        }
        func number(_ i: Int) -> Double? { i >= 0 && i < tokens.count ? tokens[i].value : nil }
        func word(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].text : "" }
        func any(_ set: Set<String>, in range: Range<Int>) -> Bool {
            tokens[max(0, range.lowerBound)..<min(tokens.count, range.upperBound)].contains { set.contains($0.text) || set.contains($0.stem) }
        }
        let sentenceOf = { (i: Int) in Sentences.phrase(around: i, in: tokens) }

        // Gestational age: "38 plus 2", "38+2", "uge 32", "32 uger", "thirty eight weeks", "36 uger i dag";
        // not a week of an earlier pregnancy ("en abort i uge ti sidste år").
        let weekWords: Set<String> = ["uge", "uger", "ugen", "week", "weeks", "weeks'"]
        for i in tokens.indices {
            guard let n = number(i), n == n.rounded(), (4...45).contains(n), !PastPregnancy.lost(around: i, in: tokens) else { continue }
            let next = word(i + 1)
            if (next == "plus" || next == "+"), let d = number(i + 2), d == d.rounded(), (0...6).contains(d) {
                add("gestational_week", .integer(Int(n)), i..<(i + 3))
                add("gestational_days", .integer(Int(d)), i..<(i + 3))
                continue
            }
            let ago: Set<String> = ["siden", "ago", "since"]
            // "thirty and nine week", "tredive og ni uger": the tens said before the unit, then the week.
            if n >= 20, n <= 40, n.truncatingRemainder(dividingBy: 10) == 0, ["and", "og"].contains(next), let unit = number(i + 2),
               unit >= 1, unit <= 9, unit == unit.rounded(), weekWords.contains(word(i + 3)) {
                add("gestational_week", .integer(Int(n + unit)), i..<(i + 4))
                if ["og", "and"].contains(word(i + 4)), let d = number(i + 5), d == d.rounded(), (0...6).contains(d), ["dage", "dag", "days", "day"].contains(word(i + 6)) {
                    add("gestational_days", .integer(Int(d)), i..<(i + 7))
                }
                continue
            }
            // "Jeg bliver 37 uger i morgen", "I turn 37 weeks tomorrow": the day before, 36+6.
            let tomorrow = (weekWords.contains(next) && ["i", "tomorrow"].contains(word(i + 2)) && (word(i + 2) == "tomorrow" || word(i + 3) == "morgen"))
                || ["i", "tomorrow"].contains(next) && (next == "tomorrow" || word(i + 2) == "morgen")
            if tomorrow, ["bliver", "turn", "turns", "be", "rammer"].contains(word(i - 1)), n > 4 {
                add("gestational_week", .integer(Int(n) - 1), (i - 1)..<(i + 2))
                add("gestational_days", .integer(6), (i - 1)..<(i + 2))
                continue
            }
            if weekWords.contains(next), !ago.contains(word(i + 2)), !ago.contains(word(i + 3)), word(i - 1) != "for",
               word(i - 1) != "om", word(i - 1) != "in" {
                add("gestational_week", .integer(Int(n)), i..<(i + 2))
                // "30 weeks and 2 days", "30 uger og 2 dage"
                if (word(i + 2) == "og" || word(i + 2) == "and"), let d = number(i + 3), (0...6).contains(d),
                   ["dage", "dag", "days", "day"].contains(word(i + 4)) {
                    add("gestational_days", .integer(Int(d)), i..<(i + 5))
                }
                continue
            }
            if weekWords.contains(word(i - 1)), word(i - 2) != "en", word(i - 2) != "a", word(i - 2) != "om", word(i - 2) != "næste" {
                add("gestational_week", .integer(Int(n)), (i - 1)..<(i + 1))
                continue
            }
            // "I'm thirty-six and five", "jeg er 38 og 2": a week and its days after "I'm".
            if ["og", "and"].contains(next), let d = number(i + 2), d == d.rounded(), (0...6).contains(d), (20...43).contains(n),
               ["er", "i'm", "im", "am", "she's", "hun", "is"].contains(word(i - 1)) || word(i - 2) == "jeg" && word(i - 1) == "er" {
                add("gestational_week", .integer(Int(n)), i..<(i + 3))
                add("gestational_days", .integer(Int(d)), i..<(i + 3))
                continue
            }
            // "38 uger, nej undskyld, 36": a bare number right after a correction of the week just said.
            let correction: Set<String> = ["nej", "no", "sorry", "undskyld", "mener", "mean", "rettere", "actually", "forkert", "wrong"]
            if (20...43).contains(n), let said = out.last(where: { $0.name == "gestational_week" }), said.tokens.upperBound <= i,
               tokens[said.tokens.upperBound..<i].filter(\.isWord).count <= 4, tokens[said.tokens.upperBound..<i].contains(where: { correction.contains($0.text) }),
               !tokens[said.tokens.upperBound..<i].contains(where: { $0.kind == .number }) {
                add("gestational_week", .integer(Int(n)), i..<(i + 1))
                continue
            }
            if topics.contains(.gestationalAge), n >= 10, tokens[i].kind == .number || !NumberWords.isOrdinal(tokens[i].text),
               !out.contains(where: { $0.name == "gestational_week" }) {
                add("gestational_week", .integer(Int(n)), i..<(i + 1))
            }
        }

        // First baby.
        let firstCues: [[String]] = [["første", "barn"], ["mit", "første"], ["min", "første"], ["vores", "første"], ["hendes", "første"], ["førstegangsfødende"],
                                     ["første", "gang", "jeg", "føder"], ["første", "fødsel"], ["first", "baby"], ["my", "first"], ["our", "first"], ["her", "first"],
                                     ["first", "pregnancy"], ["første", "graviditet"], ["first", "time", "mum"], ["first", "time", "mom"], ["first", "child"],
                                     ["første", "baby"], ["ingen", "børn"], ["no", "other", "children"], ["no", "other", "kids"], ["no", "kids"],
                                     ["ikke", "prøvet", "det", "før"], ["never", "done", "this"]]
        let laterCues: [[String]] = [["andet", "barn"], ["mit", "andet"], ["min", "anden"], ["vores", "andet"], ["hendes", "andet"], ["tredje", "barn"],
                                     ["det", "tredje"], ["mit", "tredje"], ["min", "tredje"], ["fjerde", "barn"], ["mit", "fjerde"], ["anden", "fødsel"],
                                     ["tredje", "fødsel"], ["fjerde", "fødsel"], ["nummer", "to"], ["nummer", "tre"], ["i", "forvejen"], ["second", "baby"],
                                     ["my", "second"], ["our", "second"], ["her", "second"], ["third", "baby"], ["the", "third"], ["my", "third"],
                                     ["number", "two"], ["number", "three"], ["født", "før"], ["given", "birth", "before"], ["already", "have"],
                                     ["already", "got"], ["second", "child"], ["third", "child"]]
        let bareLater: [[String]] = [["andet"], ["anden"], ["second"], ["third"], ["tredje"], ["fjerde"]]
        // A previous birth said outright settles it ("mit første med min nye mand, men jeg har født før").
        let definite: [[String]] = [["født", "før"], ["given", "birth", "before"], ["i", "forvejen"], ["already", "have"], ["already", "got"],
                                    ["født", "gange"], ["had", "babies"], ["given", "birth", "twice"]]
        let definiteAt = WordSequence.first(of: definite, in: words, gap: 2)
        let firstAt = WordSequence.first(of: firstCues + [["første", "gang", "jeg"], ["første", "gang", "hun"], ["første", "graviditet"]], in: words), laterAt = definiteAt ?? WordSequence.first(of: laterCues, in: words)
        if let r = definiteAt, NegationDetector.polarity(of: r, in: tokens, language: language) == .denied {
            // "Jeg har ikke født før", "we don't have other children".
            add("first_baby", .boolean(true), r)
        } else if let f = firstAt, laterAt.map({ f.lowerBound < $0.lowerBound && definiteAt == nil }) ?? true,
           NegationDetector.polarity(of: f, in: tokens, language: language) != .denied {
            add("first_baby", .boolean(true), f)
        } else if let r = laterAt ?? firstAt.flatMap({ NegationDetector.polarity(of: $0, in: tokens, language: language) == .denied ? $0 : nil }) {
            add("first_baby", .boolean(false), r)
        } else if topics.contains(.firstBaby) || topics.contains(.previousBirth) {
            // "Har du født før?" — "Ja" is not a first baby; "Er det dit første?" — "Ja" is.
            let yesMeansFirst = !topics.contains(.previousBirth)
            if let r = WordSequence.first(of: bareLater, in: words) { add("first_baby", .boolean(false), r) }
            else if let yes = Utterance.answer(tokens) { add("first_baby", .boolean(yes == yesMeansFirst), 0..<1) }
        }

        // Contraction interval: "hvert tredje minut", "hvert 5. minut", "every four minutes", "8 til 10 minutter",
        // "tre-fire minutter imellem", "5 minutes apart", "twice an hour".
        let minuteWords: Set<String> = ["minut", "minutter", "minutters", "minuter", "min", "minute", "minutes", "mins", "minuts", "minits"]
        let contractionWords: Set<String> = ["veer", "veerne", "ve", "ven", "sammentrækninger", "contractions", "contraction", "tightenings", "they",
                                             "de", "pains", "hård", "hard", "kommer", "coming", "come", "comes", "strammer", "stram", "tightening",
                                             "tightens", "surges", "bølger"]
        for i in tokens.indices where minuteWords.contains(tokens[i].text) {
            // Walk back over the numbers (and "til"/"to"/"-" of a range) before the unit.
            var j = i - 1
            var values: [Double] = []
            var start = i
            while j >= 0, i - j <= 5 {
                let t = tokens[j]
                if let v = t.value { values.append(v); start = j }
                else if let r = NumberWords.range(of: t.text) { values += [r.lowerBound, r.upperBound]; start = j }
                else if ["til", "to", "or", "eller", "-", "og", "and", "a", "half", "halvt"].contains(t.text) && !values.isEmpty {}
                else if ["hvert", "hver", "every", "hveranden"].contains(t.text) { start = j; break }
                else if t.text == "half" || t.text == "halv" || t.text == "halvt", let last = values.last, values.count == 1 { values = [last + 0.5]; _ = last }
                else if !values.isEmpty || !["omkring", "cirka", "ca", "about", "around", "roughly", "sådan", "nogle", "gang", "approximately"].contains(t.text) { break }
                j -= 1
            }
            if j >= 0, ["og", "and"].contains(word(i - 3)), ["half", "halv"].contains(word(i - 1)), let whole = number(i - 4) {
                values = [whole + 0.5]
                start = min(start, i - 4)
            }
            guard let lowest = values.filter({ $0 > 0 && $0 <= 60 }).min() else {
                if word(i - 1) == "hvert" || word(i - 1) == "hver" || word(i - 1) == "every" { add("contraction_interval_min", .number(1), (i - 1)..<(i + 1)) }
                continue
            }
            let sentence = sentenceOf(i)
            let every = start < tokens.count && ["hvert", "hver", "every"].contains(tokens[start].text)
            // "… med syv minutters mellemrum", "der går syv minutter (imellem)".
            let apart = ["imellem", "mellemrum", "apart", "between", "mellem"].contains(word(i + 1)) || word(i - values.count - 1) == "med"
                || word(start - 1) == "går" && word(start - 2) == "der"
            let varer = any(["varer", "lasts", "last", "lasting", "long", "længe"], in: sentence)
            // "Now is very often, two-three minutes", "de kommer tit, tre-fire minutter": how often, in minutes.
            let often = any(["often", "ofte", "tit", "frequent", "frequently", "hyppigt"], in: sentence)
            // "I'm going (to the loo) every ten minutes", "I soak a pad every hour": something else that comes often.
            let otherThing = any(["wee", "pee", "weeing", "peeing", "tisse", "tisser", "toilet", "toilettet", "loo", "urinate", "sick", "kaster",
                                  "feed", "feeds", "ammer", "amme", "pad", "bind", "bindet", "hoster", "cough", "coughing"],
                                 in: max(sentence.lowerBound, start - 4)..<min(sentence.upperBound, i + 2))
            if !otherThing, every || apart || ((topics.contains(.contractionInterval) || any(contractionWords, in: sentence) || often) && !varer) {
                add("contraction_interval_min", .number(lowest), start..<(i + 1))
            }
        }
        // "Every three to three and a half", "hvert tredje": "every" and a number with no unit, where contractions are the subject.
        let otherUnits: Set<String> = ["sekund", "sekunder", "seconds", "second", "secs", "dag", "dage", "day", "days", "time", "timer", "hour", "hours",
                                       "uge", "uger", "week", "weeks", "nat", "night", "morgen", "morning", "gang", "time", "år", "year", "month", "måned"]
        let contractionTalk = topics.contains(.contractionInterval) || mentioned(contractionWords.subtracting(["they", "de", "kommer", "coming", "come", "comes"]))
            || out.contains { $0.name == "contraction_interval_min" } || mentioned(["surges", "tightening", "pains", "veer", "minutes", "minutter"])
        for i in tokens.indices where ["hvert", "hver", "every"].contains(tokens[i].text) && contractionTalk {
            guard let v = number(i + 1), v >= 1, v <= 30, !minuteWords.contains(word(i + 2)), !otherUnits.contains(word(i + 2)),
                  !minuteWords.contains(word(i + 3)) || word(i + 2) == "til" || word(i + 2) == "to" else { continue }
            add("contraction_interval_min", .number(v), i..<(i + 2))
        }
        // "Three in ten", "tre på ti minutter": so many contractions in so many minutes.
        for i in tokens.indices {
            guard let count = number(i), count >= 1, count <= 10, count == count.rounded(), contractionTalk else { continue }
            var j = i + 1
            guard ["in", "på", "per", "i", "every"].contains(word(j)) else { continue }
            j += 1
            if word(j) == "løbet", word(j + 1) == "af" { j += 2 }
            if word(j) == "the" || word(j) == "a" { j += 1 }
            guard let span = number(j), [10.0, 20, 30, 60].contains(span), span > count else { continue }
            let unit = word(j + 1)
            guard unit.isEmpty || minuteWords.contains(unit) || !otherUnits.contains(unit) else { continue }
            add("contraction_interval_min", .number((span / count * 10).rounded() / 10), i..<min(tokens.count, j + 2))
        }
        // Intervals in quarters and halves of an hour.
        for (cue, minutes) in [(["hvert", "kvarter"], 15.0), (["hver", "kvarter"], 15), (["every", "quarter", "hour"], 15), (["hver", "halve", "time"], 30),
                               (["every", "half", "hour"], 30), (["every", "half", "an", "hour"], 30), (["to", "gange", "i", "timen"], 30),
                               (["twice", "an", "hour"], 30), (["hver", "time"], 60), (["every", "hour"], 60)] {
            if contractionTalk, let r = WordSequence.first(of: [cue], in: words) { add("contraction_interval_min", .number(minutes), r) }
        }

        // Contraction length: "varer et minut", "varer 40 sekunder", "lasts about a minute", "about a minute" (when asked).
        let secondWords: Set<String> = ["sekund", "sekunder", "seconds", "second", "secs", "sek"]
        for i in tokens.indices where secondWords.contains(tokens[i].text) || minuteWords.contains(tokens[i].text) {
            // "et minut", "a minute", "about a minute": the article is the number one.
            let article: Double? = ["a", "an", "et", "en"].contains(word(i - 1)) ? 1 : nil
            guard let v = number(i - 1) ?? article ?? number(i - 2) else { continue }
            let seconds = secondWords.contains(tokens[i].text) ? v : v * 60
            let sentence = sentenceOf(i)
            let lasting = any(["varer", "lasts", "last", "lasting", "long", "længe", "varede"], in: sentence)
            if (lasting || (topics.contains(.contractionDuration) && !topics.contains(.contractionInterval))) && (5...300).contains(seconds) {
                let alreadyInterval = out.contains { $0.name == "contraction_interval_min" && $0.tokens.contains(i) }
                if !alreadyInterval { add("contraction_duration_s", .number(seconds), (i - 1)..<(i + 1)) }
            }
        }

        // Colour of the waters: "grønligt", "brunlig", "pinky-red", "like weak tea", "som kogt spinat". Of several, the most
        // concerning counts (the taxonomy's `when_several`).
        let fluidWords: Set<String> = ["vandet", "vand", "fostervand", "fostervandet", "væsken", "waters", "water", "fluid", "det", "it", "liquor",
                                       "bind", "bindet", "pad", "trusserne", "knickers", "pants", "sengen", "bed", "gulvet", "floor"]
        let colours: [(String, [String])] = [
            // Danish compounds name the shade first ("mosgrønt", "mørkebrunt").
            ("green", ["grøn*", "green*", "spinat", "ærtesuppe", "pea", "olive*", "mekonium", "meconium", "mosgrøn*", "mørkegrøn*", "lysegrøn*",
                       "olivengrøn*", "gulgrøn*", "brungrøn*", "grågrøn*", "flaskegrøn*", "grøngul*", "grønbrun*", "grøngrå*"]),
            ("brown", ["brun*", "brown*", "te", "tea", "kaffe", "coffee", "gullig-brun*", "gulbrun*", "mørkebrun*", "lysebrun*", "rødbrun*", "gråbrun*"]),
            ("pink", ["lyserød*", "pink*", "rosa", "rose"]),
            ("bloody", ["blodig*", "rød*", "bloody", "red", "reddish", "blodtilblandet", "blood-stained", "bloodstained"]),
            ("clear", ["klart", "klar", "clear", "gennemsigtig*", "farveløs*", "colourless", "colorless", "transparent"]),
        ]
        let fluidContext = topics.contains(.fluidColour) || watersInCall || mentioned(["vandet", "vand", "fostervand", "fostervandet", "væsken", "waters", "water", "fluid",
                                                                       "vandafgang", "siver", "leaking", "liquor", "srom", "våd", "vådt", "wet", "plaskede",
                                                                       "plask", "lækker", "gush", "trickling"])
        // "Hvilken farve havde den?" of the mucus plug, the show or the discharge: not the waters' colour, unless the waters
        // were spoken of too.
        let plugTalk = !watersInCall && mentioned(FactExtractor.mucusWords) && !mentioned(FactExtractor.watersWords)
        if fluidContext && !plugTalk {
            for (colour, names) in colours {
                for i in tokens.indices where WordSequence.first(of: names.map { [$0] }, in: [tokens[i].text]) != nil {
                    // "lyserød" is pink, not red; "te" and "tea" only as a comparison ("som te", "like tea").
                    if colour == "bloody", tokens[i].text.hasPrefix("rødlig") == false, i > 0, tokens[i - 1].text == "lyse" { continue }
                    // "pinky-red", "lyse-rødt" read as pink; the red in them says blood-stained, the more concerning.
                    if colour == "pink", ["-red", "-rød", "-rødt"].contains(where: tokens[i].text.hasSuffix) {
                        add("fluid_colour", .text("bloody"), i..<(i + 1))
                    }
                    if ["te", "tea", "kaffe", "coffee", "spinat", "pea", "rose"].contains(tokens[i].text), !["som", "like", "svag", "weak", "af", "of", "kogt", "cold"].contains(word(i - 1)),
                       !["som", "like"].contains(word(i - 2)) { continue }
                    let sentence = sentenceOf(i)
                    // A colour said on its own ("Klar.", "Grønligt.") once the waters are the subject.
                    let alone = tokens[sentence].filter { $0.isWord && !["som", "ligesom", "like", "lidt", "sådan", "bit", "kind", "of"].contains($0.text) }.count <= 3
                    guard topics.contains(.fluidColour) || any(fluidWords, in: sentence) || mentioned(["vandet", "waters", "fluid", "water"]) || alone
                    else { continue }
                    if NegationDetector.polarity(of: i..<(i + 1), in: tokens, language: language) == .denied { continue }
                    // "the leaflet says to call if the waters are green": a condition, not what she sees.
                    if NegationDetector.isHypothetical(i..<(i + 1), in: tokens, language: language) { continue }
                    add("fluid_colour", .text(colour), i..<(i + 1))
                    break
                }
            }
            if !out.contains(where: { $0.name == "fluid_colour" }), let r = WordSequence.first(of: [["som", "vand"], ["like", "water"]], in: words) {
                add("fluid_colour", .text("clear"), r)
            }
        }

        // Hours since the waters broke: "for en time siden", "for tre timer siden", "two hours ago", "for en halv time siden".
        if fluidContext || topics.contains(.fluidColour) {
            let hourWords: Set<String> = ["time", "timer", "timers", "hour", "hours"], minuteWords: Set<String> = ["minut", "minutter", "minutes", "minute", "min"]
            let ones: Set<String> = ["en", "et", "a", "an", "one"]
            for i in tokens.indices {
                var j = i, amount: Double
                if ["halv", "half"].contains(word(i)) { amount = 0.5 } else if let v = number(i), (0...720).contains(v) { amount = v }
                else if ones.contains(word(i)) { amount = 1 } else { continue }
                if ones.contains(word(i)), ["halv", "half"].contains(word(i + 1)) { amount = 0.5; j += 1 }
                let unit = word(j + 1)
                let hours: Double
                if hourWords.contains(unit) { hours = amount } else if minuteWords.contains(unit) { hours = amount / 60 } else { continue }
                guard ["siden", "ago"].contains(word(j + 2)) || ["siden", "ago"].contains(word(j + 3)) else { continue }
                add("hours_since_rupture", .number((hours * 10).rounded() / 10), i..<(j + 2))
                break
            }
        }

        // Temperature: "38,6", "39 i feber", "38.4 degrees".
        // A decimal between 37 and 42 said on its own ("nu har jeg 38,7") is a temperature too.
        let feverContext = topics.contains(.temperature) || mentioned(["feber", "temperatur", "temperaturen", "fever", "temperature", "grader", "degrees", "målt", "febril", "høj", "high", "temp"])
            || tokens.indices.contains { i in
                let t = tokens[i]
                guard let v = t.value, (37.0...42.0).contains(v) else { return false }
                return t.kind == .number && (t.text.contains(",") || t.text.contains(".")) || ["komma", "point"].contains(word(i + 1))
            }
        if feverContext {
            for i in tokens.indices {
                guard let v = number(i), (35.0...43.0).contains(v) else { continue }
                let decimal = tokens[i].text.contains(",") || tokens[i].text.contains(".")
                    || ["grader", "degrees", "i"].contains(word(i + 1)) || ["komma", "point"].contains(word(i + 1))
                var value = v
                if ["komma", "point"].contains(word(i + 1)), let d = number(i + 2), d < 10 { value = v + d / 10 }
                // "38 ni", "thirty-eight nine", "38 7": a recogniser's decimal without its comma.
                let spokenDecimal = !decimal && v == v.rounded() && (36...42).contains(v) && i + 1 < tokens.count
                    && (tokens[i + 1].kind == .word || tokens[i + 1].kind == .number && tokens[i + 1].text.count == 1)
                    && (number(i + 1).map { $0 >= 0 && $0 <= 9 && $0 == $0.rounded() } ?? false)
                if spokenDecimal, let d = number(i + 1) { value = v + d / 10 }
                guard decimal || spokenDecimal || topics.contains(.temperature) else { continue }
                add("temperature_c", .number(value), i..<(i + 1))
                break
            }
        }
        // Fahrenheit ("one hundred and two degrees", "101.3 F"), from a thermometer bought abroad: in Celsius.
        if !out.contains(where: { $0.name == "temperature_c" }),
           feverContext || mentioned(["thermometer", "termometer", "fahrenheit"]) {
            for i in tokens.indices {
                guard let v = number(i), (95.0...110.0).contains(v),
                      ["degrees", "grader", "fahrenheit", "f"].contains(word(i + 1)) || topics.contains(.temperature)
                        || mentioned(["thermometer", "termometer", "fahrenheit"]) else { continue }
                add("temperature_c", .number(((v - 32) * 5 / 9 * 10).rounded() / 10), i..<(i + 1))
                break
            }
        }

        // Blood pressure: "150 over 95", "150/95"; where the blood pressure is the subject also "152 on 101" and
        // "150 … og 95" (a pause and "and" between the two).
        let pressureContext = topics.contains(.bloodPressure) || mentioned(["blodtryk", "blodtrykket", "blodtryksmåler", "pressure", "bp"])
        let separators: Set<String> = pressureContext ? ["over", "/", "on", "og", "and", "på", "til"] : ["over", "/"]
        // A pause written as "…", "..." or "," around the separator, where the blood pressure is the subject.
        func pause(_ k: Int) -> Bool { pressureContext && k < tokens.count && ["…", "...", ",", "."].contains(tokens[k].text) }
        for i in tokens.indices {
            guard let s = number(i), (70...260).contains(s) else { continue }
            var j = i + 1
            while pause(j), j < i + 4 { j += 1 }
            guard separators.contains(word(j)) else { continue }
            while pause(j + 1), j < i + 7 { j += 1 }
            guard let d = number(j + 1), (40...160).contains(d), d < s else { continue }
            add("bp_systolic", .integer(Int(s)), i..<(j + 2))
            add("bp_diastolic", .integer(Int(d)), i..<(j + 2))
            break
        }

        // Amount of bleeding.
        let amounts: [(String, [[String]])] = [
            ("heavy", [["mere", "end", "en", "menstruation"], ["more", "than", "a", "period"], ["gennemblødt"], ["soaked"], ["soaking"], ["klumper"], ["clots"], ["det", "løber"], ["heavy"], ["heavily"], ["meget", "blod"], ["a", "lot", "of", "blood"], ["bløder", "meget"]]),
            ("moderate", [["som", "en", "menstruation"], ["like", "a", "period"], ["som", "en", "normal", "menstruation"]]),
            ("light", [["mindre", "end", "en", "menstruation"], ["less", "than", "a", "period"], ["lidt", "blod"], ["a", "little", "blood"], ["bløder", "lidt"]]),
            ("spotting", [["pletblødning"], ["spotting"], ["blod", "på", "papiret"], ["on", "the", "tissue"], ["pletter"], ["a", "few", "spots"]]),
        ]
        let bleedingContext = topics.contains(.bleedingAmount) || mentioned(["bløder", "blød", "blod", "blodet", "bleeding", "blood", "bleed", "spotting", "pletblødning", "blødning", "bled"])
        for (amount, cues) in amounts where bleedingContext {
            if let r = WordSequence.first(of: cues, in: words), NegationDetector.polarity(of: r, in: tokens, language: language) != .denied {
                add("bleeding_amount", .text(amount), r)
                break
            }
        }
        if topics.contains(.bleedingAmount), !out.contains(where: { $0.name == "bleeding_amount" }) {
            if let r = WordSequence.first(of: [["mindre"], ["less"], ["lidt"], ["a", "little"], ["not", "much"], ["ikke", "så", "meget"]], in: words) { add("bleeding_amount", .text("light"), r) }
            else if let r = WordSequence.first(of: [["mere"], ["more"], ["meget"], ["a", "lot"]], in: words), Utterance.answer(tokens) != false { add("bleeding_amount", .text("heavy"), r) }
        }

        // Fetal movements.
        let absent: [[String]] = [["kan", "ikke", "mærke"], ["mærker", "ikke"], ["intet", "liv"], ["ingen", "bevægelser"], ["bevæger", "sig", "ikke"],
                                  ["har", "ikke", "mærket"], ["can't", "feel"], ["cannot", "feel"], ["no", "movements"], ["not", "moving"], ["hasn't", "moved"],
                                  ["haven't", "felt"], ["sparker", "ikke"], ["not", "kicking"], ["helt", "stille"], ["no", "kicks"]]
        let reduced: [[String]] = [["mindre", "liv"], ["mærker", "mindre"], ["færre"], ["mindre", "end"], ["ligger", "stille"], ["moving", "less"],
                                   ["less", "than", "usual"], ["much", "less"], ["fewer"], ["reduced"], ["gone", "quiet"], ["quieter"], ["roligere"], ["not", "as", "much"],
                                   ["less", "active"], ["not", "as", "active"], ["only", "felt", "a", "few"], ["a", "few", "kicks"], ["nedsat"], ["næsten", "ikke"],
                                   ["hardly"], ["barely"], ["mindre", "aktiv"], ["weaker"], ["svagere"], ["not", "as", "strong"], ["kun", "et", "par", "gange"],
                                   ["only", "a", "couple"], ["only", "once"], ["kun", "én", "gang"], ["kun", "en", "gang"]]
        let normal: [[String]] = [["bevæg*", "sig"], ["sparker"], ["sparket"], ["aktiv"], ["aktivt"], ["mærke", "ham"], ["mærke", "hende"], ["mærker", "ham"],
                                  ["mærker", "hende"], ["rør*", "sig"], ["bokser"], ["moving"], ["moved"], ["kicking"], ["kicks"], ["kicked"], ["active"], ["felt", "kicks"],
                                  ["moves"], ["lots"], ["as", "usual"], ["normally"], ["wriggl*"], ["sprælle*"]]
        let babyContext = topics.contains(.fetalMovements) || mentioned(["barnet", "baby", "baby's", "ham", "hende", "him", "liv", "bevæger", "sparker", "kicks", "kicking", "moving", "movements",
                                                                         "bevægelser", "han", "he", "bub", "bump"])
        if babyContext {
            // The first thing she says about the movements counts.
            var candidates: [(Range<Int>, String)] = []
            // "Det er ikke fordi han ikke rører sig", "hvis han en dag bliver stille": denied or only imagined, not said.
            func said(_ r: Range<Int>) -> Bool {
                NegationDetector.polarityBefore(r, in: tokens, language: language) != .denied && !NegationDetector.isHypothetical(r, in: tokens, language: language)
            }
            if let r = WordSequence.first(of: absent, in: words), said(r) { candidates.append((r, "absent")) }
            if let r = WordSequence.first(of: reduced, in: words), said(r) {
                candidates.append((r, "reduced"))
            }
            if let r = WordSequence.first(of: normal, in: words), topics.contains(.fetalMovements) || mentioned(["barnet", "baby", "baby's", "han", "hun", "ham", "hende", "he", "she", "him", "her", "it", "liv"]) {
                let polarity = NegationDetector.polarity(of: r, in: tokens, language: language)
                // "ikke ret meget", "not much", "not as much": less than usual, not none.
                let lessThanUsual = WordSequence.first(of: [["meget"], ["much"], ["lige", "så"], ["a", "lot"], ["særlig"], ["ret"], ["very"], ["often"], ["tit"]], in: words) != nil
                candidates.append((r, polarity == .denied ? (lessThanUsual ? "reduced" : "absent") : "normal"))
            }
            // Less or no movement, once said, outweighs a plain mention of movement ("han sparker mindre").
            let concerning = candidates.filter { $0.1 != "normal" }
            if let (r, state) = (concerning.isEmpty ? candidates : concerning).min(by: { $0.0.lowerBound < $1.0.lowerBound }) {
                add("fetal_movements", .text(state), r)
            } else if topics.contains(.fetalMovements), let yes = Utterance.answer(tokens) {
                let state = topics.contains(.movementsReduced) ? (yes ? "reduced" : "normal")
                    : yes ? "normal" : topics.contains(.movementsAsUsual) ? "reduced" : "absent"
                add("fetal_movements", .text(state), 0..<1)
            }
        }

        // Days since the birth: "fødte for fem dage siden", "had my baby ten days ago", "i går".
        let birthContext = topics.contains(.daysPostpartum) || any(["fødte", "født", "fødslen", "birth", "born", "baby", "had", "gave", "delivered"], in: 0..<tokens.count)
            || mentioned(["fødte", "født", "fødslen", "birth", "born", "delivered"])
        if birthContext {
            for i in tokens.indices where ["dage", "dag", "days", "day", "uger", "uge", "weeks", "week"].contains(tokens[i].text) {
                guard let n = number(i - 1), ["siden", "ago"].contains(word(i + 1)) else { continue }
                let days = ["uger", "uge", "weeks", "week"].contains(tokens[i].text) ? n * 7 : n
                // A year at most: "for 99999999999999999999 dage siden" is no birth to count from (and no number to trap on).
                guard days >= 0, days <= 365 else { continue }
                add("days_postpartum", .integer(Int(days)), (i - 1)..<(i + 2))
            }
            // "fødte i går", "had him yesterday" (not "a bit lazy since yesterday … I've had a glass of squash").
            let gaveBirth = any(["fødte", "født", "birth", "born", "delivered"], in: 0..<tokens.count)
                || WordSequence.first(of: [["had", "him"], ["had", "her"], ["had", "the", "baby"], ["had", "my", "baby"], ["had", "our", "baby"], ["had", "a", "baby"]], in: words) != nil
            if let r = WordSequence.first(of: [["i", "går"], ["yesterday"]], in: words), gaveBirth { add("days_postpartum", .integer(1), r) }
            if let r = WordSequence.first(of: [["i", "forgårs"]], in: words) { add("days_postpartum", .integer(2), r) }
        }

        // The newborn's age: "he's three days old", "han er tre dage gammel".
        for i in tokens.indices where ["gammel", "gamle", "old"].contains(tokens[i].text) {
            guard ["dage", "dag", "days", "day", "uger", "uge", "weeks", "week"].contains(word(i - 1)), let n = number(i - 2) else { continue }
            let days = ["uger", "uge", "weeks", "week"].contains(word(i - 1)) ? n * 7 : n
            guard days >= 0, days <= 365 else { continue }
            add("days_postpartum", .integer(Int(days)), (i - 2)..<(i + 1))
        }

        // Who is calling: someone who says they call for her, or speaks of "my wife" going through it
        // ("min kæreste er ved at føde", "my girlfriend just fainted"; not "min kæreste kører os").
        let onBehalf: [[String]] = [["ringer", "for"], ["ringer", "på", "vegne"], ["på", "vegne", "af"], ["calling", "for"], ["calling", "about"],
                                    ["on", "behalf", "of"], ["ringer", "angående"]]
        let partners: Set<String> = ["kone", "kæreste", "hustru", "partner", "samlever", "wife", "girlfriend", "wife's", "girlfriend's", "partner's", "kones", "kærestes"]
        let relatives: Set<String> = ["datter", "søster", "daughter", "sister", "daughter's", "sister's", "datters", "søsters"]
        let states: Set<String> = ["er", "har", "bløder", "is", "has", "just", "har", "fik", "had", "was", "kan", "can", "can't", "føder", "waters", "vand", "veer"]
        for i in tokens.indices where ["min", "my", "vores", "our"].contains(tokens[i].text) && i + 1 < tokens.count {
            let who = tokens[i + 1].text
            guard partners.contains(who) || relatives.contains(who) else { continue }
            let behalf = WordSequence.first(of: onBehalf, in: words) != nil
            guard behalf || who.hasSuffix("s") || states.contains(word(i + 2)) else { continue }
            add("caller", .text(partners.contains(who) ? "partner" : "relative"), i..<(i + 2))
        }
        return out
    }
}
