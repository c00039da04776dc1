import Foundation
import TestSupport
import Testing
import TriageCore
@testable import Triage

/// The questions the screen offers: only while their fact is unknown and relevant, and on a 112 call only what the
/// ambulance needs (issue 15).
@Suite struct NextQuestionsTests {
    let classifier = TriageClassifier(taxonomy: TriageClassifierTests.taxonomy)

    func questions(_ turns: [(Speaker, String)]) -> [FactName] {
        classifier.classify(CallInput(id: "q", turns: turns.map { Turn(speaker: $0.0, text: $0.1) })).questions.compactMap(\.fact)
    }

    @Test func aDeniedFindingTakesItsFactsQuestionsAway() {
        let asked = questions([(.caller, "Vandet er gået, det er grønt. Jeg er 40 plus 3."), (.midwife, "Har du veer?"), (.caller, "Nej, ikke endnu.")])
        #expect(!asked.contains("contraction_interval_min") && !asked.contains("contraction_duration_s"), "\(asked)")
        // Not denied: still asked.
        #expect(questions([(.caller, "Vandet er gået, det er grønt. Jeg er 40 plus 3.")]).contains("contraction_interval_min"))
    }

    @Test func aCallFor112AsksOnlyWhatTheAmbulanceNeeds() {
        #expect(questions([(.caller, "Hun er besvimet og reagerer ikke!")]) == ["gestational_week"])
        #expect(questions([(.caller, "Hun er besvimet og reagerer ikke! Hun er 38 uger.")]).isEmpty)
    }

    @Test func theTimeSinceTheWatersBrokeIsAFact() {
        func hours(_ text: String) -> FactValue? {
            classifier.classify(CallInput(id: "h", turns: [Turn(speaker: .caller, text: text)])).fact("hours_since_rupture")
        }
        #expect(hours("Vandet gik for en time siden, det er klart.") == .number(1))
        #expect(hours("My waters broke about two hours ago.") == .number(2))
        #expect(hours("Vandet gik for en halv time siden.") == .number(0.5))
        #expect(hours("Jeg fik veer for 3 timer siden.") == nil) // not the waters
        let asked = questions([(.caller, "Vandet er gået, det er klart. Jeg er 39 uger.")])
        #expect(asked.contains("hours_since_rupture"), "\(asked)")
        #expect(!questions([(.caller, "Vandet gik for en time siden, det er klart. Jeg er 39 uger.")]).contains("hours_since_rupture"))
    }
}
