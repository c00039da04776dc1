import Foundation
import TestSupport
import Testing
@testable import TriageCore

/// The taxonomy's override reasons: why a midwife decided otherwise than suggested, labelled in every language.
@Suite struct OverrideReasonsTests {
    @Test func theShippedTaxonomyListsTheFiveReasonsInDanishAndEnglish() throws {
        let taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        #expect(taxonomy.overrideReasons.map(\.code.rawValue)
                == ["knew_more_from_record", "callers_voice", "protocol_differs", "assistant_missed_symptom", "other"])
        #expect(taxonomy.overrideReasons.allSatisfy { $0.label.texts["da"] != nil && $0.label.texts["en"] != nil })
        #expect(taxonomy.overrideReasons.filter(\.freeText).map(\.code) == ["other"])
        #expect(taxonomy.overrideReason("callers_voice")?.label.text(for: "en") == "The caller's voice")
        #expect(taxonomy.overrideReason("gut_feeling") == nil)
    }

    @Test func aDuplicateAMissingLabelAndABadFlagAreReported() {
        let yaml = TaxonomyValidationTests.document() + """

            override_reasons:
              - {code: record, label: {da: Journal, en: Record}}
              - {code: record, label: {da: Journal igen, en: Record again}}
              - {code: voice, label: {da: Stemme}}
              - {code: other, label: {da: Andet, en: Other}, free_text: maybe}
            """
        let messages = TaxonomyLoader.parse(yaml: yaml, file: "t.yaml").1.map(\.message)
        #expect(messages.contains { $0.hasPrefix("duplicate override reason 'record'") }, "\(messages)")
        #expect(messages.contains("override reason 'voice' lacks a label in 'en'"), "\(messages)")
        #expect(messages.contains("free_text of override reason 'other' must be true or false"), "\(messages)")
        #expect(TaxonomyLoader.parse(yaml: TaxonomyValidationTests.document(), file: "t.yaml").0?.overrideReasons.isEmpty == true)
    }
}
