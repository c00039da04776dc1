import Foundation
import TestSupport
import Testing
@testable import TriageCore

/// The taxonomy's data forms beyond lexicons: word classes, which statement counts when a fact is said twice,
/// and what a possible finding raises.
@Suite struct TaxonomyDataTests {
    func parse(_ yaml: String) -> (Taxonomy?, [TaxonomyProblem]) { TaxonomyLoader.parse(yaml: yaml, file: "t.yaml") }

    @Test func aDeniedConditionHoldsOnlyForAFindingDeniedAndNotStated() throws {
        let taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        let rule = try #require(taxonomy.redFlags.first { $0.code == "abdominal_trauma" })
        #expect(rule.condition.description.contains("denied abdominal_trauma"))
        // A fall alone raises it; a fall with the blow to the belly denied does not; a stated blow always does.
        #expect(rule.condition.holds(facts: [:], findings: ["fall"]))
        #expect(!rule.condition.holds(facts: [:], findings: ["fall"], denied: ["abdominal_trauma"]))
        #expect(rule.condition.holds(facts: [:], findings: ["fall", "abdominal_trauma"], denied: ["abdominal_trauma"]))
        #expect(Condition.denied("x", nil).holds(facts: [:], findings: [], denied: ["x"]))
        #expect(!Condition.denied("x", nil).holds(facts: [:], findings: ["x"], denied: ["x"]))
    }

    @Test func wordClassesExpandIntoEveryCombination() throws {
        let yaml = TaxonomyValidationTests.document(findings: """
              - {code: absent_movements, label: {da: Intet liv, en: No movements}, lexicon: {da: ["ikke {felt} {baby}"], en: ["{neg} felt {baby}"]}}
            """).replacingOccurrences(of: "dispositions:", with: """
            word_classes:
              felt: {da: [mærket, følt]}
              baby: {da: [barnet, ham], en: [the baby, him]}
              neg: {en: ["haven't", not]}
            dispositions:
            """)
        let (taxonomy, problems) = parse(yaml)
        #expect(problems.isEmpty, "\(problems)")
        let finding = try #require(taxonomy?.findings.first { $0.code == "absent_movements" })
        #expect(Set(finding.lexicon.phrases(for: "da")) == ["ikke mærket barnet", "ikke mærket ham", "ikke følt barnet", "ikke følt ham"])
        #expect(finding.lexicon.phrases(for: "en").count == 4)
        #expect(WordClasses.names(in: "a {b} c {d}") == ["b", "d"])
    }

    @Test func aPhraseNamingAnUnknownWordClassIsAProblemWithItsLine() {
        let yaml = TaxonomyValidationTests.document(findings: """
              - {code: absent_movements, label: {da: Intet liv, en: No movements}, lexicon: {da: ["ikke {felt} {baby}"]}}
            """)
        let (_, problems) = parse(yaml)
        #expect(problems.contains { $0.message.contains("uses the word class {felt}") && $0.location != nil })
    }

    @Test func whenSeveralChoosesAsTheTaxonomySays() {
        let values: [FactValue] = [.number(6), .number(3), .number(5)]
        #expect(FactResolution.earliest.choose(values) == 0)
        #expect(FactResolution.latest.choose(values) == 2)
        #expect(FactResolution.lowest.choose(values) == 1)
        #expect(FactResolution.highest.choose(values) == 0)
        let colours: [FactValue] = [.text("clear"), .text("green"), .text("pink")]
        #expect(FactResolution.mostConcerning(["green", "brown", "pink", "clear"]).choose(colours) == 1)
        #expect(FactResolution.lowest.choose([]) == nil)
    }

    @Test func theShippedTaxonomyStatesHowRepeatedFactsAndPossibleFindingsCount() throws {
        let taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        #expect(taxonomy.fact("contraction_interval_min")?.whenSeveral == .lowest)
        #expect(taxonomy.fact("gestational_week")?.whenSeveral == .earliest)
        #expect(taxonomy.fact("fetal_movements")?.whenSeveral == .mostConcerning(["absent", "reduced", "normal"]))
    }

    @Test func unknownWhenSeveralAndIfPossibleAreProblems() {
        let yaml = TaxonomyValidationTests.document(facts: """
              - {name: temperature_c, type: number, label: {da: T, en: T}, when_several: loudest}
            """, flags: """
              - code: fever
                label: {da: Feber, en: Fever}
                forces: attend_now
                if_possible: maybe_now
                when: {fact: temperature_c, ge: 38}
            """)
        let (_, problems) = parse(yaml)
        #expect(problems.contains { $0.message.contains("unknown when_several 'loudest'") })
        #expect(problems.contains { $0.message.contains("unknown disposition 'maybe_now'") })
    }
}
