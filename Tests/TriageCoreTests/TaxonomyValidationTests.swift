import Testing
@testable import TriageCore

/// `triage taxonomy check` reports every kind of mistake with its line.
@Suite struct TaxonomyValidationTests {
    /// A minimal valid taxonomy; tests splice mistakes into it.
    static func document(facts: String = "", findings: String = "", reasons: String? = nil, flags: String = "") -> String {
        """
        id: test
        version: 0.1.0
        dispositions:
          - {code: emergency_112, label: {da: "112", en: "112"}}
          - {code: attend_now, label: {da: Nu, en: Now}}
          - {code: attend_soon, label: {da: Snart, en: Soon}}
          - {code: self_care, label: {da: Hjemme, en: Home}}
          - {code: refer, label: {da: Henvis, en: Refer}}
          - {code: info_only, label: {da: Info, en: Info}}
        facts:
          - {name: gestational_week, type: integer, label: {da: Uge, en: Week}}
          - {name: fluid_colour, type: choice, values: [clear, green], label: {da: Farve, en: Colour}}
          - {name: first_baby, type: boolean, label: {da: Første, en: First}}
        \(facts)
        findings:
          - {code: contractions, label: {da: Veer, en: Contractions}, lexicon: {da: [veer], en: [contractions]}}
        \(findings)
        reasons:
        \(reasons ?? """
          - code: labour_contractions
            label: {da: Veer, en: Labour}
            definition: {da: Veer., en: Contractions.}
            lexicon: {da: [veer], en: [contractions]}
        """)
        red_flags:
          - code: preterm
            label: {da: For tidligt, en: Preterm}
            forces: attend_now
            when:
              all:
                - finding: contractions
                - {fact: gestational_week, lt: 37}
        \(flags)
        """
    }

    func problems(_ yaml: String) -> [TaxonomyProblem] { TaxonomyLoader.parse(yaml: yaml, file: "t.yaml").1 }

    @Test func theBaseDocumentIsValid() {
        #expect(problems(Self.document()).isEmpty)
    }

    @Test func badYAMLNamesTheLine() throws {
        let found = problems("id: x\nversion: 1\nreasons:\n  - code: [unclosed\n")
        let first = try #require(found.first)
        #expect(first.message.hasPrefix("bad YAML"))
        #expect(first.location?.line == 5 || first.location?.line == 4)
        #expect(first.description.hasPrefix("t.yaml:"))
    }

    @Test func duplicateReasonCodesAreReportedAtTheSecond() throws {
        let yaml = Self.document(reasons: """
              - {code: itching, label: {da: Kløe, en: Itch}, definition: {da: K, en: I}, lexicon: {da: [kløe]}}
              - {code: itching, label: {da: Kløe, en: Itch}, definition: {da: K, en: I}, lexicon: {da: [kløe]}}
            """)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let itchingLines = lines.indices.filter { lines[$0].contains("code: itching") }.map { $0 + 1 }
        #expect(itchingLines.count == 2)
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message == "duplicate reason code 'itching' (first defined at line \(itchingLines[0]))")
        #expect(found.first?.location?.line == itchingLines[1])
    }

    @Test func rulesNamingUnknownFactsAndFindingsAreReported() {
        let yaml = Self.document(flags: """
              - code: fever
                label: {da: Feber, en: Fever}
                forces: attend_now
                when:
                  any:
                    - {fact: temprature_c, ge: 38}
                    - finding: feverish
            """)
        let messages = problems(yaml).map(\.message)
        #expect(messages.contains("red flag 'fever' names unknown fact 'temprature_c'"))
        #expect(messages.contains("red flag 'fever' names unknown finding 'feverish'"))
        #expect(problems(yaml).allSatisfy { $0.location != nil })
    }

    @Test func comparisonsMustFitTheFactsType() {
        let yaml = Self.document(flags: """
              - code: odd
                label: {da: Mærkeligt, en: Odd}
                forces: attend_soon
                when:
                  any:
                    - {fact: fluid_colour, eq: purple}
                    - {fact: first_baby, lt: 3}
                    - {fact: gestational_week, eq: many}
            """)
        let messages = problems(yaml).map(\.message)
        #expect(messages.contains { $0.contains("'purple' is not a value of fact 'fluid_colour'") })
        #expect(messages.contains { $0.contains("fact 'first_baby' is true/false and cannot be ordered") })
        #expect(messages.contains { $0.contains("fact 'gestational_week' is a number but is compared with text") })
    }

    @Test func unknownDispositionsKeysAndCodeSystemsAreReported() {
        let yaml = Self.document(reasons: """
              - code: itching
                label: {da: Kløe, en: Itch}
                definition: {da: K, en: I}
                lexicon: {da: [kløe]}
                lexikon: {da: [kløe]}
                default_disposition: come_tomorrow
                codes:
                  - {system: read-v2, code: "X"}
            """)
        let messages = problems(yaml).map(\.message)
        #expect(messages.contains { $0.hasPrefix("unknown key 'lexikon' in a reason") })
        #expect(messages.contains { $0.hasPrefix("unknown disposition 'come_tomorrow'") })
        #expect(messages.contains { $0.hasPrefix("unknown code system 'read-v2'") })
    }

    @Test func aMissingDispositionAndAWrongOrderAreReported() {
        let yaml = Self.document().replacingOccurrences(of: "  - {code: refer, label: {da: Henvis, en: Refer}}\n", with: "")
            .replacingOccurrences(of: "  - {code: emergency_112", with: "  - {code: info_only, label: {da: I, en: I}}\n  - {code: emergency_112")
        let messages = problems(yaml).map(\.message)
        #expect(messages.contains("disposition 'refer' is not defined"))
        #expect(messages.contains { $0.hasPrefix("duplicate disposition 'info_only'") })
        #expect(messages.contains { $0.hasPrefix("dispositions must be listed from most to least urgent") })
    }

    @Test func requiredFactsMustExist() {
        let yaml = Self.document(reasons: """
              - {code: itching, label: {da: K, en: I}, definition: {da: K, en: I}, lexicon: {da: [kløe]}, required_facts: [bilirubin]}
            """)
        #expect(problems(yaml).map(\.message) == ["reason 'itching' requires unknown fact 'bilirubin'"])
    }
}
