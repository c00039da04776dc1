import Acoustics
import Foundation
import Language
import TestSupport
import Testing
import TriageCore
@testable import Triage

@Suite struct TriageClassifierTests {
    static let taxonomy: Taxonomy = {
        do { return try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy)) } catch { fatalError("\(error)") }
    }()
    let classifier = TriageClassifier(taxonomy: TriageClassifierTests.taxonomy)

    func classify(_ turns: [(Speaker, String)], metadata: CallMetadata = CallMetadata()) -> Assessment {
        classifier.classify(CallInput(id: "t", metadata: metadata, turns: turns.enumerated().map { i, t in
            Turn(speaker: t.0, startMs: i * 3000, endMs: i * 3000 + 2500, text: t.1)
        }))
    }

    @Test func heavyBleedingCallsFor112WithItsEvidence() throws {
        let a = classify([(.midwife, "Fødemodtagelsen."), (.caller, "Jeg bløder meget, der er store klumper. Jeg er 35 uger.")])
        #expect(a.disposition == .emergency112)
        #expect(a.primary == "vaginal_bleeding")
        let flag = try #require(a.redFlags.first { $0.code == "heavy_bleeding" })
        let said = try #require(flag.evidence.first { $0.source == .transcript })
        #expect(said.turn == 1 && said.startMs == 3000 && said.polarity == .present)
        #expect(said.text == "bløder meget" || said.text == "store klumper")
        #expect(flag.evidence.contains { $0.source == .rule })
        #expect(a.taxonomyVersion == "dk-obstetric-telephone-triage@1.6.0")
        #expect(a.modelVersion == TriageClassifier.modelVersion)
    }

    @Test func aBareNoDeniesWhatTheMidwifeAsked() {
        let a = classify([(.caller, "Vandet er gået, det er klart. Jeg er 39 uger."), (.midwife, "Bløder du?"), (.caller, "Nej.")])
        #expect(a.denied.map(\.code) == ["vaginal_bleeding"])
        #expect(!a.redFlags.contains { $0.code == "any_bleeding" })
        #expect(a.disposition == .attendSoon)
        #expect(a.redFlags.map(\.code) == ["clear_rom_at_term"])
    }

    @Test func aBareYesConfirmsIt() {
        let a = classify([(.caller, "Jeg er 30 uger."), (.midwife, "Bløder du?"), (.caller, "Ja, lidt.")])
        #expect(a.findings.contains { $0.code == "vaginal_bleeding" && $0.evidence.contains { $0.source == .questionAnswer } })
        #expect(a.disposition == .attendNow)
    }

    @Test func theMidwifesQuestionsAreNeverFindingsByThemselves() {
        let a = classify([(.caller, "Jeg har lidt kløe i hænderne. Jeg er 33 uger."), (.midwife, "Har du hovedpine eller ser du flimren for øjnene?"),
                          (.caller, "Det ved jeg nu ikke, jeg har bare kløe.")])
        #expect(!a.findings.contains { $0.code == "headache" || $0.code == "visual_disturbance" })
        #expect(a.primary == "itching")
        #expect(a.disposition == .attendSoon)
    }

    @Test func cannotFeelTheBabyIsAbsentMovementsNotADenial() {
        let a = classify([(.caller, "Jeg kan ikke mærke ham i dag. Jeg er 36 uger.")])
        #expect(a.primary == "reduced_fetal_movements")
        #expect(a.redFlags.map(\.code) == ["absent_or_reduced_movements"])
        #expect(a.fact("fetal_movements") == .text("absent"))
    }

    @Test func theRecordFillsWhatTheCallDoesNotSayAndIsMarkedSo() throws {
        var record = CallMetadata()
        record.gestationalWeek = 34
        record.firstBaby = true
        let a = classify([(.caller, "Jeg har veer hvert syvende minut.")], metadata: record)
        let week = try #require(a.facts.first { $0.name == "gestational_week" })
        #expect(week.value == .integer(34) && week.evidence.source == .record)
        #expect(a.redFlags.map(\.code) == ["preterm"]) // contractions before 37+0
        #expect(a.fact("contraction_interval_min") == .number(7))
    }

    @Test func afterTheBirthPostnatalConcernLeadsAndTheSymptomFollows() {
        let a = classify([(.caller, "Jeg fødte for fire dage siden, og nu har jeg 38,5 i feber.")])
        #expect(a.reasons.map(\.code).prefix(2) == ["postnatal_concern", "fever_infection"])
        #expect(a.disposition == .attendNow)
        #expect(!a.reasons.contains { $0.code == "vaginal_bleeding" })
    }

    @Test func nextQuestionsAreInTheCallsLanguageAndSkipWhatIsKnown() {
        let da = classify([(.caller, "Vandet er gået.")])
        #expect(da.questions.first?.fact == "fluid_colour")
        #expect(da.questions.first?.text == "Hvilken farve har vandet?")
        #expect(da.questions.contains { $0.fact == "gestational_week" })
        let en = classify([(.caller, "My waters broke. They're green. I'm 39 weeks.")])
        #expect(en.language == "en")
        #expect(!en.questions.contains { $0.fact == "fluid_colour" || $0.fact == "gestational_week" })
        #expect(en.questions.contains { $0.text == "Is the baby moving as usual?" })
    }

    @Test func contractionLikeEpisodesGiveTheIntervalWhenSheStatesNoneMarkedAsAcoustic() throws {
        var record = CallMetadata()
        record.gestationalWeek = 39
        let heard = EpisodeSummary(episodes: [VocalEpisode(startMs: 20_000, endMs: 60_000, character: .sustained),
                                              VocalEpisode(startMs: 200_000, endMs: 245_000, character: .sustained)])
        let a = classifier.classify(CallInput(id: "t", metadata: record, turns: [Turn(speaker: .caller, text: "Jeg har veer, og de gør ondt.")],
                                              acoustic: heard))
        let interval = try #require(a.facts.first { $0.name == "contraction_interval_min" })
        #expect(interval.value == .number(3))
        #expect(interval.evidence.source == .acoustic)
        #expect(a.redFlags.map(\.code) == ["frequent_contractions"])
        #expect(a.reasons.first?.evidence.contains { $0.source == .acoustic } == true)
        // What she says wins over what is heard.
        let stated = classifier.classify(CallInput(id: "t", metadata: record, turns: [Turn(speaker: .caller, text: "Veerne kommer hvert tiende minut.")],
                                                   acoustic: heard))
        #expect(stated.fact("contraction_interval_min") == .number(10))
        // Episodes alone never make a reason.
        let silent = classifier.classify(CallInput(id: "t", turns: [Turn(speaker: .caller, text: "Hej.")], acoustic: heard))
        #expect(silent.primary == "other")
    }

    /// Nothing recognised is no reason to send her home: the suggestion says so and leans towards a check.
    @Test func aCallWithNothingRecognisableSaysSoAndLeansTowardsACheck() {
        let a = classify([(.caller, "Hej, jeg ringer bare lige.")])
        #expect(a.primary == "other")
        #expect(a.disposition == .attendSoon)
        #expect(a.uncertainties.contains("not_recognised"))
        #expect(a.confidence < 0.5)
        #expect(a.questions.contains { $0.fact == "gestational_week" })
    }

    /// A call clearly about something else is 'other' with its default, not the unrecognised floor.
    @Test func aCallClearlyAboutSomethingElseIsOtherWithItsDefault() {
        let a = classify([(.caller, "Jeg har så ondt i lænden og ned i benet, jeg tror det er iskias.")])
        #expect(a.primary == "other")
        #expect(a.disposition == .refer)
        #expect(!a.uncertainties.contains("not_recognised"))
    }

    @Test func codeSwitchingIsDetectedPerTurn() {
        let a = classify([(.midwife, "Fødemodtagelsen, det er Anne."), (.caller, "Hi, sorry, I don't speak Danish. My waters have broken.")])
        #expect(a.turnLanguages == ["da", "en"])
        #expect(a.reasons.first?.code == "rupture_of_membranes")
    }
}

@Suite struct EvaluatorTests {
    @Test func countsUnderTriageDangerousMissesAndFacts() {
        let gold = Labels(reasons: ["rupture_of_membranes"], primary: "rupture_of_membranes", disposition: .attendNow,
                          redFlags: ["coloured_fluid"], facts: ["fluid_colour": .text("green"), "gestational_week": .integer(40)], denied: ["vaginal_bleeding"])
        let missed = Labels(reasons: ["rupture_of_membranes", "labour_contractions"], primary: "labour_contractions", disposition: .selfCare,
                            redFlags: [], facts: ["fluid_colour": .text("clear"), "gestational_week": .integer(40)], presentFindings: ["vaginal_bleeding"])
        let right = Labels(reasons: ["rupture_of_membranes"], primary: "rupture_of_membranes", disposition: .attendNow,
                           redFlags: ["coloured_fluid"], facts: ["fluid_colour": .text("green"), "gestational_week": .number(40)])
        let r = Evaluator.evaluate([Evaluator.Pair(id: "a", language: "da", gold: gold, predicted: missed),
                                    Evaluator.Pair(id: "b", language: "en", gold: gold, predicted: right)])
        #expect(r.calls == 2)
        #expect(r.underTriageRate == 0.5 && r.overTriageRate == 0)
        #expect(r.dangerousMisses == ["a"])
        #expect(r.redFlags.recall == 0.5 && r.redFlags.precision == 1)
        #expect(r.primaryAccuracy == 0.5 && r.dispositionAccuracy == 0.5)
        #expect(r.factAccuracy("fluid_colour") == 0.5 && r.factAccuracy("gestational_week") == 1)
        #expect(r.deniedReportedPresent == ["a: vaginal_bleeding"])
        #expect(r.reasons["labour_contractions"]?.falsePositives == 1)
        #expect(abs(r.microF1 - 0.8) < 1e-9) // tp 2, fp 1, fn 0
        #expect(r.byLanguage["da"]?.calls == 1 && r.byLanguage["en"]?.dispositionAccuracy == 1)
    }
}
