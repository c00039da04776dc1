import Archive
import Foundation
import TestSupport
import Testing
import TriageCore
import Reports
@testable import TerminalUI

/// One language at a time (issue 15): every screen, for every demo call, rendered in Danish and in English, holds no
/// word of the other language outside what the callers and midwives said (their transcript's words are allowed, as
/// quoted text).
@Suite(.serialized) struct OneLanguageTests {
    /// Words that give the other language away on a screen: function words and the product's own vocabulary.
    static let english: Set<String> = ["the", "and", "of", "is", "was", "not", "no", "yes", "call", "calls", "suggested", "decided", "source", "ended",
                                       "recognised", "recognized", "contraction", "contraction-like", "episode", "caller", "caller's", "channel",
                                       "pregnant", "partner", "green", "brown", "clear", "bloody", "pink", "first", "baby", "true", "false", "record",
                                       "weeks", "minutes", "seconds", "days", "bleeding", "fever", "waters", "reduced", "absent", "normal", "heavy",
                                       "light", "moderate", "spotting", "relative", "postnatal", "unknown", "because", "possible", "possibly", "urgent",
                                       "ask", "rules", "stated", "denied", "missing", "questions", "question", "evidence", "with", "from"]
    static let danish: Set<String> = ["og", "ikke", "er", "det", "af", "på", "jeg", "ja", "nej", "gravid", "uger", "minutter", "sekunder", "opkald",
                                      "foreslået", "afgjort", "kilde", "blødning", "veer", "vandet", "grønt", "brunt", "klart", "førstegangsfødende",
                                      "kvinde", "jordemoder", "partner", "pårørende", "ukendt", "spørgsmål", "mulig", "muligvis", "fordi", "nævnt",
                                      "benægtet", "feber", "normalt", "nedsat", "ingen", "kraftig", "let", "moderat", "pletblødning", "efter", "fødslen"]

    @Test func everyScreenSpeaksOnlyItsLanguage() throws {
        let dir = TemporaryDirectory("one-language")
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(Repository.root)/Recordings").filter { $0.hasSuffix(".flac") }
            .map { ($0 as NSString).deletingPathExtension }.sorted()
        let model = try DemoDesk.model(names, in: dir)
        let terminal = FakeTerminal(width: 200, height: 60)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        // What was said is quoted as it was said: those words may appear in either language.
        var quoted = Set<String>()
        for call in model.calls {
            for turn in try model.archive.turns(ofCall: call.id) { quoted.formUnion(Self.words(turn.text)) }
        }
        var leaks: [String: Set<String>] = [:]
        for language in ["da", "en"] {
            if app.state.language != language { app.handle(.character("l")) }
            let foreign = language == "da" ? Self.english : Self.danish
            for _ in AppState.Screen.allCases {
                for _ in model.calls.indices { app.handle(.up) }
                for index in model.calls.indices {
                    if index > 0 { app.handle(.down) }
                    app.redraw()
                    for word in Self.words(terminal.screen.text) where foreign.contains(word) && !quoted.contains(word) {
                        leaks["\(language) \(app.state.screen.rawValue)", default: []].insert(word)
                    }
                }
                app.handle(.tab)
            }
        }
        #expect(leaks.isEmpty, "\(leaks.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.sorted().joined(separator: ", "))" }.joined(separator: "\n"))")
    }

    /// The HTML report and its charts, in each language.
    @Test func theReportSpeaksOnlyItsLanguage() throws {
        let dir = TemporaryDirectory("one-language-report")
        let model = try DemoDesk.model(["da04-groent-vand", "da01-veer-foerstegang", "en09-fainted-partner", "da03-vandafgang-klart",
                                        "en02-waters-preterm-partner", "da07-mindre-liv"], in: dir)
        for language in ["da", "en"] {
            let built = try HTMLReport(taxonomy: model.taxonomy, language: language, suppress: false).build(archive: model.archive)
            let text = ([built.html] + built.charts.map(\.svg)).joined(separator: "\n")
                .replacingOccurrences(of: "<style[^<]*</style>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            let foreign = language == "da" ? Self.english : Self.danish
            let leaks = Set(Self.words(text).filter { foreign.contains($0) })
            #expect(leaks.isEmpty, "\(language) report: \(leaks.sorted())")
        }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0 == "'" || $0 == "-") }.map(String.init)
    }
}
