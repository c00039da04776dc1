import Foundation
import Language
import TestSupport
import Testing
import TriageCore
@testable import Triage

/// Questions and answers read as a midwife reads them: the question's polarity, alternatives, hedges,
/// corrections, suppositions and earlier pregnancies.
@Suite struct ReadingLikeAMidwifeTests {
    let classifier = TriageClassifier(taxonomy: TriageClassifierTests.taxonomy)

    func classify(_ turns: [(Speaker, String)]) -> Assessment {
        classifier.classify(CallInput(id: "t", turns: turns.map { Turn(speaker: $0.0, text: $0.1) }))
    }

    @Test func aYesToHaveYouGivenBirthBeforeIsNotAFirstBaby() {
        #expect(classify([(.midwife, "Har du født før?"), (.caller, "Ja.")]).fact("first_baby") == .boolean(false))
        #expect(classify([(.midwife, "Er det dit første?"), (.caller, "Nej.")]).fact("first_baby") == .boolean(false))
        #expect(classify([(.midwife, "Er det dit første?"), (.caller, "Ja.")]).fact("first_baby") == .boolean(true))
        #expect(classify([(.midwife, "Do you have other children?"), (.caller, "Yes, two.")]).fact("first_baby") == .boolean(false))
        #expect(classify([(.caller, "Jeg har ikke født før.")]).fact("first_baby") == .boolean(true))
        // "How was your first birth?" asks how, so its yes says nothing about this baby.
        let how = classify([(.caller, "It is my second child."), (.midwife, "Okay. How was your first birth? Was it quick?"), (.caller, "Yes, very quick.")])
        #expect(how.fact("first_baby") == .boolean(false))
    }

    @Test func aHedgedAnswerIsNeverADenial() throws {
        for answer in ["Det ved jeg ikke.", "Måske lidt.", "Jeg er ikke sikker."] {
            let a = classify([(.caller, "Jeg er 36 uger."), (.midwife, "Bløder du?"), (.caller, answer)])
            #expect(!a.denied.contains { $0.code == "vaginal_bleeding" }, "\(answer)")
            let flag = try #require(a.redFlags.first { $0.code == "any_bleeding" }, "\(answer)")
            #expect(flag.possible, "\(answer)")
            #expect(a.disposition == .attendNow)
            #expect(a.uncertainties.contains("possible_red_flag"))
        }
        let english = classify([(.caller, "I'm 30 weeks."), (.midwife, "Is the baby moving as usual?"), (.caller, "I'm not sure.")])
        #expect(english.disposition <= .attendNow)
    }

    @Test func aBareYesToAlternativesLeavesEachPossibleAndANoDeniesThemAll() {
        let yes = classify([(.midwife, "Bløder du, eller er vandet gået?"), (.caller, "Ja.")])
        #expect(yes.findings.contains { $0.code == "vaginal_bleeding" && $0.polarity == .uncertain })
        #expect(yes.findings.contains { $0.code == "membranes_ruptured" && $0.polarity == .uncertain })
        let no = classify([(.midwife, "Bløder du, eller er vandet gået?"), (.caller, "Nej.")])
        #expect(Set(no.denied.map(\.code)) == ["vaginal_bleeding", "membranes_ruptured"])
        // A yes that names one of them covers that one only.
        let named = classify([(.midwife, "Har du hovedpine, eller ser du flimren?"), (.caller, "Ja, hovedpine.")])
        #expect(named.findings.contains { $0.code == "headache" && $0.polarity == .present })
        #expect(!named.findings.contains { $0.code == "visual_disturbance" })
    }

    @Test func aLaterCorrectionWinsOverWhatItCorrects() {
        let interval = classify([(.caller, "De kommer hvert femte minut, nej, nu er det hvert tredje minut.")])
        #expect(interval.fact("contraction_interval_min") == .number(3))
        let week = classify([(.caller, "I'm 38 weeks, no sorry, 36 weeks.")])
        #expect(week.fact("gestational_week") == .integer(36))
        let baby = classify([(.caller, "Det er mit første."), (.midwife, "Okay."), (.caller, "Undskyld, det er faktisk mit andet barn.")])
        #expect(baby.fact("first_baby") == .boolean(false))
        // The closest contractions she reports count even when she takes them back: the safer reading.
        let back = classify([(.caller, "Hvert tredje minut."), (.midwife, "Er det regelmæssigt?"), (.caller, "Undskyld, det var forkert, der går syv minutter imellem.")])
        #expect(back.fact("contraction_interval_min") == .number(3))
        // A later week of another pregnancy is no correction.
        #expect(classify([(.caller, "Jeg er 34 uger. Min første kom i uge 40.")]).fact("gestational_week") == .integer(34))
    }

    @Test func aNegatedReliefIsNoDenial() {
        let a = classify([(.caller, "Jeg er 30 uger og bløder."), (.midwife, "Are you still bleeding?"), (.caller, "It hasn't stopped.")])
        #expect(!a.denied.contains { $0.code == "vaginal_bleeding" })
        let oh = classify([(.caller, "åh nej blodet løber ned ad benene")])
        #expect(oh.findings.contains { $0.code == "vaginal_bleeding" || $0.code == "heavy_bleeding" })
        let afraid = classify([(.caller, "I'm bleeding a lot and I'm scared it's a miscarriage, I'm ten weeks")])
        #expect(afraid.findings.contains { $0.code == "heavy_bleeding" })
        #expect(afraid.fact("gestational_week") == .integer(10))
    }

    @Test func suppositionsAndEarlierPregnanciesAreNotFindings() {
        let supposed = classify([(.caller, "Hvis jeg begynder at bløde, skal jeg så ringe igen?")])
        #expect(!supposed.findings.contains { $0.code == "vaginal_bleeding" })
        let earlier = classify([(.caller, "Sidste gang fødte jeg i bilen, jeg nåede kun at sige at jeg skulle presse."), (.midwife, "Har du veer nu?"), (.caller, "Nej, ingen.")])
        #expect(!earlier.redFlags.contains { $0.code == "birth_imminent" })
        let lost = classify([(.caller, "Jeg var her sidste år, en spontan abort i uge ti. Nu er jeg 39 uger.")])
        #expect(lost.fact("gestational_week") == .integer(39))
    }

    /// A symptom that stopped but was never checked still counts; one checked that has not come back does not.
    @Test func pastEventsFollowTheClinicalConvention() {
        let checked = classify([(.caller, "Jeg var inde hos jer i går, fordi jeg blødte lidt. CTG var fin, og det er ikke kommet igen siden. Men nu har jeg veer hvert sjette minut.")])
        #expect(!checked.redFlags.contains { $0.code == "any_bleeding" })
        #expect(checked.findings.contains { $0.code == "contractions" })
        let unchecked = classify([(.caller, "Jeg blødte lidt i morges, men det er stoppet nu.")])
        #expect(unchecked.redFlags.contains { $0.code == "any_bleeding" })
    }

    @Test func aNewbornsAgeIsTheDaysSinceTheBirth() {
        #expect(classify([(.caller, "My little boy's three days old and he's gone a bit yellow.")]).fact("days_postpartum") == .integer(3))
        #expect(classify([(.caller, "Jeg fødte for 99999999999999999999 dage siden.")]).fact("days_postpartum") == nil)
        #expect(classify([(.caller, "Der går syv minutter mellem veerne.")]).fact("contraction_interval_min") == .number(7))
    }

    @Test func negationInsideAPhraseAndInNotesDeniesIt() {
        let inside = classify([(.caller, "Vandet er ikke gået.")])
        #expect(inside.denied.contains { $0.code == "membranes_ruptured" })
        let notes = classify([(.notes, "G2P1 38+5. Uregelm. sammentr. hv 15 min. Vand -, blødn -.")])
        #expect(!notes.redFlags.contains { $0.code == "any_bleeding" })
        let echo = classify([(.midwife, "Er der blod eller vand?"), (.caller, "Blod? Nej nej. Og vandet er ikke gået.")])
        #expect(!echo.findings.contains { $0.code == "vaginal_bleeding" })
        // Soft is not bleeding.
        let soft = classify([(.caller, "Maven bliver hård, så blød igen, hvert syvende minut.")])
        #expect(!soft.findings.contains { $0.code == "vaginal_bleeding" })
        #expect(!soft.reasons.contains { $0.code == "vaginal_bleeding" })
    }

    @Test func aRecognisersTranscriptReadsLikeThePunctuatedOne() {
        let punctuated = classify([(.midwife, "Hvor langt er du?"), (.caller, "Uge 39, første barn."), (.midwife, "Har du trang til at presse?"),
                                   (.caller, "Ja. Veerne kommer hvert andet minut.")])
        let recognised = classify([(.midwife, "hvor langt er du"), (.caller, "øh uge 39 første barn"), (.midwife, "okay har du trang til"),
                                   (.midwife, "at presse"), (.caller, "ja ja veerne kommer kommer hvert andet minut")])
        #expect(punctuated.disposition == .emergency112)
        #expect(recognised.disposition == .emergency112)
        #expect(Set(recognised.redFlags.map(\.code)) == Set(punctuated.redFlags.map(\.code)))
        #expect(recognised.fact("gestational_week") == .integer(39))
        // Evidence of a joined turn points into the part the words came from.
        let push = recognised.findings.first { $0.code == "urge_to_push" }
        #expect(push?.evidence.first?.turn == 2 || push?.evidence.first?.turn == 4)
        let split = classify([(.caller, "jeg har så ondt i maven hele"), (.caller, "tiden og den er hård")])
        #expect(split.redFlags.contains { $0.code == "constant_pain" })
        let compound = TriageClassifier(taxonomy: TriageClassifierTests.taxonomy).classify(
            CallInput(id: "t", turns: [Turn(speaker: .caller, text: "jeg har sådan en hoved pine")], language: "da"))
        #expect(compound.findings.contains { $0.code == "headache" })
    }

    @Test func nothingRecognisedIsNotStayHomeButAttendSoonWithQuestions() {
        let a = classify([(.caller, "Hej, jeg ville bare lige høre noget.")])
        #expect(a.disposition == .attendSoon)
        #expect(a.uncertainties.contains("not_recognised"))
        #expect(a.confidence <= 0.3)
        // The questions that rule the red flags in or out come first, each once.
        #expect(a.questions.first?.finding != nil)
        #expect(a.questions.contains { $0.finding == "vaginal_bleeding" && $0.text == "Bløder du?" })
        #expect(a.questions.contains { $0.fact == "fetal_movements" })
        #expect(Set(a.questions.map(\.text)).count == a.questions.count)
        // What she has said or denied is not asked again.
        let denied = classify([(.midwife, "Bløder du?"), (.caller, "Nej.")])
        #expect(!denied.questions.contains { $0.finding == "vaginal_bleeding" })
    }

    // Readings found in round four's development calls (closed questions, several worries, a bad line).

    @Test func aNoToIsHeMovingLessMeansAsUsual() {
        let less = classify([(.caller, "Jeg er 37 uger."), (.midwife, "Bevæger barnet sig mindre?"), (.caller, "Nej. Som det plejer.")])
        #expect(!less.redFlags.contains { $0.code == "absent_or_reduced_movements" })
        #expect(less.fact("fetal_movements") == .text("normal"))
        let yes = classify([(.caller, "I'm 34 weeks."), (.midwife, "Is she quieter than usual?"), (.caller, "Yes.")])
        #expect(yes.fact("fetal_movements") == .text("reduced"))
        #expect(yes.redFlags.contains { $0.code == "absent_or_reduced_movements" })
        // "Not less than he usually does" is no finding; the woman lying still is not the baby.
        let notLess = classify([(.caller, "jeg er 31 uger han sparker meget ikke mindre end han plejer")])
        #expect(!notLess.redFlags.contains { $0.code == "absent_or_reduced_movements" })
        let still = classify([(.caller, "Jeg er 35 uger. Jeg har ligget helt stille, og så er det alligevel vådt.")])
        #expect(!still.redFlags.contains { $0.code == "absent_or_reduced_movements" })
    }

    @Test func aClefSentenceAfterANoIsNoYes() {
        let a = classify([(.midwife, "Har du hovedpine, eller ser du noget mærkeligt?"), (.caller, "Nej, jeg har det egentlig fint. Det er det, der er så underligt.")])
        #expect(a.denied.contains { $0.code == "headache" })
        // A hedge sentences later about something else leaves a plain no standing.
        let b = classify([(.midwife, "Is the baby moving less than usual?"), (.caller, "No! No, he is moving loads. I counted ten in twenty minutes. I just don't know if that's too many.")])
        #expect(b.denied.contains { $0.code == "reduced_movements" })
    }

    @Test func telegraphicAndRelayedNos() {
        #expect(classify([(.midwife, "Does she have a headache?"), (.caller, "Headache no. Eyes she is saying fine.")]).denied.contains { $0.code == "headache" })
        // A partner repeats the question to her and relays her answer, on a recogniser's line.
        let relayed = classify([(.midwife, "har hun ondt i maven"), (.caller, "har du ondt i maven nej altså siger hun")])
        #expect(relayed.denied.contains { $0.code == "abdominal_pain" })
        // A midwife's question without a question mark: verb first, her state told back, or a word on its own.
        let sweat = classify([(.caller, "jeg fødte for ti dage siden jeg bløder igen"), (.midwife, "skifter du bind hver time"), (.caller, "ja oftere")])
        #expect(sweat.redFlags.contains { $0.code == "heavy_bleeding" })
        let fever = classify([(.caller, "jeg er 26 uger og har ondt i halsen"), (.midwife, "du har ikke haft feber"), (.caller, "jo i går aftes 38,2")])
        #expect(fever.redFlags.contains { $0.code == "fever" })
    }

    @Test func numbersAsARecogniserAndANonNativeSpeakerSayThem() {
        // "ni og tredive" is 39, not 30 and 9; "bliver 37 uger i morgen" is 36+6.
        let split = classify([(.caller, "ni og tredive plus en og det er min første")])
        #expect(split.fact("gestational_week") == .integer(39) && split.fact("gestational_days") == .integer(1))
        let tomorrow = classify([(.caller, "Jeg tror, mit vand er gået. Jeg bliver 37 uger i morgen.")])
        #expect(tomorrow.fact("gestational_week") == .integer(36) && tomorrow.fact("gestational_days") == .integer(6))
        #expect(tomorrow.redFlags.contains { $0.code == "preterm" })
        // A blood pressure "on" or "og" where the blood pressure is the subject; a temperature "38 7" in digits.
        let bp = classify([(.caller, "My blood pressure today is one hundred fifty-two on... one hundred one.")])
        #expect(bp.fact("bp_systolic") == .integer(152) && bp.fact("bp_diastolic") == .integer(101))
        #expect(classify([(.caller, "Blodtrykket er et hundrede og halvtreds… og femoghalvfems.")]).fact("bp_diastolic") == .integer(95))
        #expect(classify([(.caller, "jeg har feber nu har jeg 38 7")]).fact("temperature_c") == .number(38.7))
        // "four like minutes apart": the hedge between a number and its unit.
        #expect(classify([(.caller, "the contractions are four like minutes apart")]).fact("contraction_interval_min") == .number(4))
    }

    @Test func theWatersColourOnThePadLaterInTheCall() {
        let a = classify([(.caller, "Mit vand er gået. Jeg er 41+3."), (.midwife, "Hvornår gik det?"), (.caller, "For en time siden. Det er klart."),
                          (.midwife, "Har du et bind i?"), (.caller, "Ja. Vent... nej, det er ikke klart. Det er brunligt, sådan lidt som tynd te.")])
        #expect(a.fact("fluid_colour") == .text("brown"))
        #expect(a.redFlags.contains { $0.code == "coloured_fluid" })
        #expect(classify([(.caller, "My water broke. It is pinky-red, like when you wash a cut.")]).fact("fluid_colour") == .text("bloody"))
    }

    @Test func describedEmergenciesAcrossACommaAndOnTheFloor() {
        let hard = classify([(.caller, "Veer. Min anden. Nu brænder det dernede. Der er noget hårdt, der kommer ud.")])
        #expect(hard.disposition == .emergency112)
        let floor = classify([(.caller, "Jeg fødte i går. Da jeg var på toilettet, lå jeg pludselig på gulvet. Min kæreste siger, jeg var væk et lille øjeblik.")])
        #expect(floor.redFlags.contains { $0.code == "collapse" })
        // Bleeding checked by the midwife that stopped is resolved.
        let checked = classify([(.caller, "Jeg er 38 uger. Jeg blødte lidt efter hindeløsningen. Jordemoderen kiggede på det og sagde, det var fint. Det holdt op i går.")])
        #expect(!checked.redFlags.contains { $0.code == "any_bleeding" })
    }

    /// A single turn of 85 KB (a recogniser that never split the call) is read through to its end; reading is linear
    /// in the turn's length (bench classify measures it), and the time limit only guards against a return of the
    /// super-quadratic reading that took minutes.
    @Test(.timeLimit(.minutes(2))) func aVeryLongTurnIsReadToItsEnd() {
        let filler = "jeg har lidt ondt i ryggen og har sovet dårligt og min mand siger at jeg skal slappe af og drikke vand"
        let words = Array(repeating: filler, count: 800).joined(separator: " ")
        let a = classify([(.caller, "jeg er 38 uger " + words + " og nu bløder jeg rigtig meget det løber ned ad benene")])
        #expect(a.redFlags.contains { $0.code == "heavy_bleeding" })
        #expect(a.fact("gestational_week") == .integer(38))
    }

    @Test func aYesToANegativeQuestionIsUnsureAndTheAnswerToTheReAskCounts() throws {
        // "No bleeding?" — "Yes.": a yes that may mean "yes, none"; asked again, her answer is the one she means.
        let unsure = classify([(.caller, "I am 37 weeks, pains come and go."), (.midwife, "No bleeding?"), (.caller, "Yes.")])
        let flag = try #require(unsure.redFlags.first { $0.code == "any_bleeding" })
        #expect(flag.possible)
        let reAsked = classify([(.caller, "I am 37 weeks, pains come and go."), (.midwife, "No bleeding?"), (.caller, "Yes."),
                                (.midwife, "Yes, you are bleeding?"), (.caller, "No, no, sorry. No bleeding.")])
        #expect(!reAsked.redFlags.contains { $0.code == "any_bleeding" })
        #expect(reAsked.denied.contains { $0.code == "vaginal_bleeding" })
        // "Jo" to a negative Danish question says it is there.
        let jo = classify([(.caller, "Jeg er 39 uger."), (.midwife, "Er der ikke kommet noget vand?"), (.caller, "Jo, lidt.")])
        #expect(jo.findings.contains { $0.code == "membranes_ruptured" && $0.polarity == .present })
    }

    @Test func numbersTheWayASecondLanguageSaysThem() {
        let week = classify([(.caller, "I am thirty and nine week and two day.")])
        #expect(week.fact("gestational_week") == .integer(39) && week.fact("gestational_days") == .integer(2))
        let bp = classify([(.caller, "Blodtryk er høj. Hundrede fyrre fem over femoghalvfems.")])
        #expect(bp.fact("bp_systolic") == .integer(145) && bp.fact("bp_diastolic") == .integer(95))
    }

    /// The thresholds at which a fact points to a reason are the taxonomy's (`supports`), not the code's: moving one in
    /// the data moves the reading.
    @Test func aFactSupportsItsReasonFromTheTaxonomysThreshold() throws {
        let said = [(Speaker.caller, "Jeg er 30 uger og har ondt i halsen."), (.midwife, "Har du målt din temperatur?"), (.caller, "Ja, 37,9.")]
        #expect(classify(said).reasons.contains { $0.code == "fever_infection" })
        let yaml = try String(contentsOfFile: Repository.taxonomy, encoding: .utf8)
            .replacingOccurrences(of: "supports: {reason: fever_infection, from: 37.8}", with: "supports: {reason: fever_infection, from: 38.5}")
        let (stricter, problems) = TaxonomyLoader.parse(yaml: yaml, file: "stricter.yaml")
        #expect(problems.isEmpty, "\(problems)")
        let classifier = TriageClassifier(taxonomy: try #require(stricter))
        let a = classifier.classify(CallInput(id: "t", turns: said.map { Turn(speaker: $0.0, text: $0.1) }))
        #expect(!a.reasons.contains { $0.code == "fever_infection" })
        let unknown = TaxonomyLoader.parse(yaml: yaml.replacingOccurrences(of: "supports: {reason: fever_infection, from: 38.5}",
                                                                            with: "supports: {reason: fevr_infection, from: 38.5}"), file: "typo.yaml")
        #expect(unknown.1.contains { "\($0)".contains("fact 'temperature_c' supports unknown reason 'fevr_infection'") }, "\(unknown.1)")
    }
}
