import Foundation
import TestSupport
import Testing
@testable import TriageCore

/// The taxonomy that ships in Taxonomy/ is valid and holds exactly what v1 promises.
@Suite struct ShippedTaxonomyTests {
    let taxonomy: Taxonomy

    init() throws {
        taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
    }

    @Test func loadsWithoutProblems() {
        let (_, problems) = TaxonomyLoader.check(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        #expect(problems.isEmpty, "\(problems)")
        #expect(taxonomy.id == "dk-obstetric-telephone-triage")
        #expect(taxonomy.version == "1.6.0")
        #expect(taxonomy.versionTag == "dk-obstetric-telephone-triage@1.6.0")
    }

    @Test func holdsExactlyTheV1ContactReasons() {
        #expect(taxonomy.reasons.map(\.code) == [
            "labour_contractions", "rupture_of_membranes", "vaginal_bleeding", "reduced_fetal_movements", "abdominal_pain",
            "preeclampsia_symptoms", "itching", "fever_infection", "nausea_vomiting", "trauma", "discharge_mucus_plug",
            "postnatal_concern", "medication_question", "practical_question", "anxiety_reassurance", "other",
        ])
    }

    @Test func everyReasonIsLabelledAndDefinedInDanishAndEnglish() {
        for reason in taxonomy.reasons {
            for language in ["da", "en"] {
                #expect(reason.label.texts[language]?.isEmpty == false, "\(reason.code) lacks a \(language) label")
                #expect(reason.definition.texts[language]?.isEmpty == false, "\(reason.code) lacks a \(language) definition")
                // A reason is recognised by its own phrases or by the findings that point to it.
                let findingPhrases = taxonomy.findings.filter { $0.reasons.contains(reason.code) }.flatMap { $0.lexicon.phrases(for: language) }
                if reason.code != "other" {
                    #expect(!(reason.lexicon.phrases(for: language) + findingPhrases).isEmpty, "\(reason.code) lacks \(language) phrases")
                }
            }
            #expect(reason.defaultDisposition != nil, "\(reason.code) has no default disposition")
        }
    }

    @Test func dispositionsRunFromMostToLeastUrgent() {
        #expect(taxonomy.dispositions.map(\.disposition.rawValue) ==
                ["emergency_112", "attend_now", "attend_soon", "self_care", "refer", "info_only"])
    }

    @Test func redFlagsForceTheDispositionsOfTheProtocol() {
        let forced = Dictionary(uniqueKeysWithValues: taxonomy.redFlags.map { ($0.code, $0.forces) })
        for code in ["heavy_bleeding", "cord_prolapse", "birth_imminent", "collapse"] { #expect(forced[code] == .emergency112, "\(code)") }
        for code in ["any_bleeding", "absent_or_reduced_movements", "constant_pain", "preeclampsia_signs", "coloured_fluid",
                     "fever", "preterm", "abdominal_trauma", "frequent_contractions"] { #expect(forced[code] == .attendNow, "\(code)") }
        #expect(forced["clear_rom_at_term"] == .attendSoon)
        #expect(forced.count == 14)
    }

    @Test func externalCodesCiteOnlyKnownSystems() {
        let snomed = taxonomy.reasons.flatMap(\.externalCodes).filter { $0.system == .snomedCT }
        #expect(snomed.allSatisfy { $0.code.allSatisfy(\.isNumber) })
        #expect(taxonomy.reason("reduced_fetal_movements")?.externalCodes.first?.code == "276369006")
    }

    // MARK: The rules, evaluated over facts and findings

    private func raised(_ facts: [FactName: FactValue], _ findings: Set<String> = []) -> Set<String> {
        Set(taxonomy.redFlags.filter { $0.condition.holds(facts: facts, findings: findings) }.map(\.code))
    }

    @Test func frequentContractionsDependOnFirstBaby() {
        #expect(raised(["first_baby": .boolean(true), "contraction_interval_min": .number(4)]).isEmpty)
        #expect(raised(["first_baby": .boolean(true), "contraction_interval_min": .number(3)]) == ["frequent_contractions"])
        #expect(raised(["first_baby": .boolean(false), "contraction_interval_min": .number(5)]) == ["frequent_contractions"])
        // Not knowing whether it is her first baby counts as a previous birth: the safer threshold.
        #expect(raised(["contraction_interval_min": .integer(5)]) == ["frequent_contractions"])
        #expect(raised(["first_baby": .boolean(false), "contraction_interval_min": .number(7)]).isEmpty)
    }

    @Test func pretermNeedsAKnownWeekBelow37() {
        #expect(raised(["gestational_week": .integer(34)], ["contractions"]) == ["preterm"])
        #expect(raised(["gestational_week": .integer(37)], ["contractions"]).isEmpty)
        #expect(raised([:], ["contractions"]).isEmpty)
    }

    @Test func clearWatersAtTermAskForACheckWithinHours() {
        #expect(raised(["gestational_week": .integer(39), "fluid_colour": .text("clear")], ["membranes_ruptured"]) == ["clear_rom_at_term"])
        #expect(raised(["gestational_week": .integer(39), "fluid_colour": .text("green")], ["membranes_ruptured"]) == ["coloured_fluid"])
        #expect(raised(["gestational_week": .integer(35), "fluid_colour": .text("clear")], ["membranes_ruptured"]) == ["preterm"])
    }

    @Test func feverIsAMeasuredTemperatureOrAnUnmeasuredFever() {
        #expect(raised(["temperature_c": .number(38.0)]) == ["fever"])
        #expect(raised(["temperature_c": .number(37.6)], ["fever"]).isEmpty)
        #expect(raised([:], ["fever"]) == ["fever"])
    }

    @Test func reducedMovementsCountFromWeek24OrWhenTheWeekIsUnknown() {
        #expect(raised(["gestational_week": .integer(22)], ["reduced_movements"]).isEmpty)
        #expect(raised(["gestational_week": .integer(30)], ["reduced_movements"]) == ["absent_or_reduced_movements"])
        #expect(raised([:], ["absent_movements"]) == ["absent_or_reduced_movements"])
    }

    @Test func bleedingInPregnancyButNotLochiaAfterTheBirth() {
        #expect(raised([:], ["vaginal_bleeding"]) == ["any_bleeding"])
        #expect(raised(["days_postpartum": .integer(4)], ["vaginal_bleeding"]).isEmpty)
        #expect(raised(["days_postpartum": .integer(4)], ["heavy_bleeding"]) == ["heavy_bleeding"])
    }

    @Test func preeclampsiaSignsFromSymptomsOrPressure() {
        #expect(raised([:], ["headache"]).isEmpty)
        #expect(raised([:], ["headache", "visual_disturbance"]) == ["preeclampsia_signs"])
        #expect(raised(["bp_systolic": .integer(150), "bp_diastolic": .integer(85)]) == ["preeclampsia_signs"])
        #expect(raised(["bp_systolic": .integer(130), "bp_diastolic": .integer(85)]).isEmpty)
    }
}
