import Foundation
import Language
import TestSupport
import Testing
import TriageCore
@testable import Triage

/// Whose symptom it is, where it is, and when it was: another woman's story, a list of denials with a plain statement
/// after it, a check that found nothing, a pain of the breast or the head, a colour of the mucus plug, a condition, the
/// time after the birth, and a red-flag word said in the other language.
@Suite struct WhoseSymptomAndWhereTests {
    let classifier = TriageClassifier(taxonomy: TriageClassifierTests.taxonomy)

    func classify(_ turns: [(Speaker, String)], language: String? = nil) -> Assessment {
        classifier.classify(CallInput(id: "t", turns: turns.map { Turn(speaker: $0.0, text: $0.1) }, language: language))
    }

    func flags(_ a: Assessment) -> Set<String> { Set(a.redFlags.map(\.code)) }

    @Test func anotherWomansStoryIsNotHerFinding() {
        let sister = classify([(.caller, "Jeg er 32 uger. Min søster fødte i sidste uge, og hun blødte rigtig meget bagefter, hun skulle have blod og det hele. Nu kan jeg ikke lade være med at tænke på det.")])
        #expect(!flags(sister).contains("any_bleeding"))
        let friend = classify([(.caller, "I'm thirty weeks. My friend's baby stopped moving at thirty-four weeks last year, and she lost him.")])
        #expect(!flags(friend).contains("absent_or_reduced_movements"))
        // Told for the woman herself, in the present, it stays hers.
        let forHer = classify([(.caller, "I'm calling for my sister, she's thirty weeks and she's bleeding.")])
        #expect(flags(forHer).contains("any_bleeding"))
        let now = classify([(.caller, "Min søster fødte i sidste uge. Og nu bløder jeg, jeg er 30 uger.")])
        #expect(flags(now).contains("any_bleeding"))
    }

    @Test func aListOfDenialsLeavesAPlainStatementAfterItStanding() {
        let kicking = classify([(.caller, "I'm thirty-five weeks. No bleeding, no tightenings, baby's kicking.")])
        #expect(kicking.fact("fetal_movements") == .text("normal"))
        #expect(!flags(kicking).contains("absent_or_reduced_movements"))
        // As a recogniser writes it, with no commas, the list cannot be told from a denial of the movements: the safer reading
        // stands (reading a new clause at every subject and verb cost two calls needing attend now on unseen calls).
        let asr = classify([(.caller, "thirty five weeks no water no blood baby is moving")])
        #expect(flags(asr).contains("absent_or_reduced_movements"))
        // One negation over a list still denies every item.
        let all = classify([(.caller, "Jeg er 38 uger. Ingen blødning, smerter eller vandafgang.")])
        #expect(all.denied.contains { $0.code == "vaginal_bleeding" } && all.denied.contains { $0.code == "membranes_ruptured" })
    }

    @Test func aCheckThatFoundNothingAndANoNowResolveAnEarlierSymptom() {
        let ambulatory = classify([(.caller, "Jeg er 27 uger. Jeg blødte lidt i uge tyve, men det kiggede de på i ambulatoriet, og der var ingenting. Det er ikke kommet igen siden.")])
        #expect(!flags(ambulatory).contains("any_bleeding"))
        let midwife = classify([(.caller, "Jeg er 34 uger. I mandags havde jeg lidt hovedpine, og så var jeg hos min jordemoder. Hun målte blodtrykket, det var fint. Hovedpinen forsvandt, og den er ikke kommet igen.")])
        #expect(!midwife.findings.contains { $0.code == "headache" })
        // "It was fine" after a check resolves what came before; a "but now" after it, or a later sentence about now, does not.
        let fine = classify([(.caller, "Jeg er 33 uger. Jeg blødte lidt i mandags, men det blev tjekket, og det var fint.")])
        #expect(!flags(fine).contains("any_bleeding"))
        let butNow = classify([(.caller, "Jeg er 33 uger. Jeg var inde i mandags og det var fint, men nu bløder jeg igen.")])
        #expect(flags(butNow).contains("any_bleeding"))
        let nowAgain = classify([(.caller, "Jeg er 33 uger. Jeg var inde i går, alt var fint. Nu bløder jeg, og det er ikke stoppet.")])
        #expect(flags(nowAgain).contains("any_bleeding"))
        let sameSentence = classify([(.caller, "Jeg er 33 uger. Jeg var inde i går, men nu bløder jeg, og det er ikke stoppet.")])
        #expect(flags(sameSentence).contains("any_bleeding"))
        // Stopped but never checked still counts.
        let unchecked = classify([(.caller, "Jeg er 30 uger. Jeg blødte lidt i morges, men det er stoppet nu.")])
        #expect(flags(unchecked).contains("any_bleeding"))
    }

    @Test func aFallIsABlowToTheBellyUnlessSheSaysPlainlyTheBellyWasNotHit() {
        let unasked = classify([(.caller, "Jeg er 29 uger. Jeg faldt på trappen for en time siden.")])
        #expect(flags(unasked).contains("abdominal_trauma"))
        let denied = classify([(.caller, "Jeg er 29 uger. Jeg faldt på trappen for en time siden."), (.midwife, "Slog du maven?"),
                               (.caller, "Nej, jeg landede på numsen.")])
        #expect(!flags(denied).contains("abdominal_trauma"))
        #expect(denied.reasons.first?.code == "trauma" && denied.disposition == .attendSoon)
        // A hedged no leaves it open, as a careful midwife reads it.
        let hedged = classify([(.caller, "Jeg er 29 uger. Jeg faldt på trappen."), (.midwife, "Slog du maven?"), (.caller, "Det tror jeg ikke. Mest numsen.")])
        #expect(flags(hedged).contains("abdominal_trauma"))
        let unsure = classify([(.caller, "I'm 31 weeks. I tripped over the dog and went down on my knees. I didn't hit my bump, I don't think.")])
        #expect(flags(unsure).contains("abdominal_trauma"))
        let english = classify([(.caller, "I'm 29 weeks. I slipped on the ice and went down on my bottom."), (.midwife, "Did your tummy hit anything?"),
                                (.caller, "No, not the tummy. Only my bottom and my hand.")])
        #expect(!flags(english).contains("abdominal_trauma"))
    }

    @Test func aPainOfTheBreastOrTheHeadIsNotTheBellysConstantPain() {
        let breast = classify([(.caller, "Jeg fødte for fem dage siden. Det ene bryst er helt rødt og varmt og hårdt som en sten.")])
        #expect(!flags(breast).contains("constant_pain"))
        let head = classify([(.caller, "I'm 35 weeks and I've got a headache that won't go away.")])
        #expect(!flags(head).contains("constant_pain"))
        let leg = classify([(.caller, "I'm thirty-eight weeks and I keep getting cramp in my leg at night, in my calf.")])
        #expect(!leg.findings.contains { $0.code == "abdominal_pain" })
        let belly = classify([(.caller, "Jeg er 33 uger, og maven er hård som en sten hele tiden.")])
        #expect(flags(belly).contains("constant_pain"))
    }

    @Test func theColourOfThePlugOrAConditionIsNotTheWaters() {
        let plug = classify([(.caller, "Jeg tror, slimproppen er gået. Der kom en stor klat gelé."), (.midwife, "Hvilken farve havde den?"),
                             (.caller, "Gullig hvid, klar nærmest."), (.midwife, "Hvor langt er du?"), (.caller, "Seksogtredive plus en.")])
        #expect(plug.fact("fluid_colour") == nil)
        #expect(!flags(plug).contains("preterm"))
        let leaflet = classify([(.caller, "She's thirty-nine weeks. The leaflet says to call if the waters are green or if she bleeds.")])
        #expect(leaflet.fact("fluid_colour") == nil)
        // The waters' own colour still counts.
        let waters = classify([(.caller, "Vandet er gået, og det er grønt. Jeg er 39 uger.")])
        #expect(waters.fact("fluid_colour") == .text("green"))
    }

    @Test func afterTheBirthThereAreNoFetalMovementsOrPretermLabour() {
        let postnatal = classify([(.caller, "Jeg fødte for tolv dage siden. Jeg græder bare hele tiden, jeg bløder næsten ikke mere.")])
        #expect(!flags(postnatal).contains("absent_or_reduced_movements"))
        // A pregnancy's week said in the call keeps the flag (a misread "i går" is no birth).
        let pregnant = classify([(.caller, "I'm thirty-one weeks. He's been a bit lazy since yesterday, I've had a glass of cold squash.")])
        #expect(flags(pregnant).contains("absent_or_reduced_movements"))
    }

    @Test func aCorrectionThatIsItselfNegatedConfirmsTheNo() {
        let a = classify([(.caller, "Jeg har fået udslæt på armene. Jeg er 38 uger."), (.midwife, "Klør det?"), (.caller, "Nej, faktisk ikke.")])
        #expect(a.denied.contains { $0.code == "itching" })
        let b = classify([(.midwife, "Bløder du?"), (.caller, "Nej … jo, lidt.")])
        #expect(b.findings.contains { $0.code == "vaginal_bleeding" })
    }

    @Test func aRedFlagWordInTheOtherLanguageCounts() {
        let a = classify([(.caller, "Hej, jeg er fireogtredive plus en. Jeg har haft en vild headache hele dagen, og nu ser jeg små lysglimt i øjnene.")],
                         language: "da")
        #expect(flags(a).contains("preeclampsia_signs"))
        // Borrowed only as written, not by a stem ("sparker" is no "sparks").
        let b = classify([(.caller, "Jeg er 30 uger, og hun sparker som altid.")], language: "da")
        #expect(!b.findings.contains { $0.code == "visual_disturbance" })
    }
}
