import Archive
import Foundation
import Pseudonymisation
import TestSupport
import Testing
import TriageCore
@testable import TerminalUI

/// A researcher's desk (no midwife's role) shows every call's names and numbers as keyed pseudonyms, on the label
/// screen and in every call it reads; a midwife's desk shows them as said.
@Suite(.serialized) struct PseudonymisedScreensTests {
    let dir = TemporaryDirectory("pseudonym-ui")

    static func pseudonymiser() throws -> Pseudonymiser {
        let words = try IdentifierWords.load(contentsOf: URL(fileURLWithPath: "\(Repository.root)/Taxonomy/\(IdentifierWords.fileName)"))
        return Pseudonymiser(key: PseudonymKey(bytes: Array(repeating: 9, count: 32)), words: words)
    }

    @Test func theResearchersLabelScreenShowsPseudonymsAndTheMidwifeTheCallAsSaid() throws {
        let model = try DemoDesk.model(["da01-veer-foerstegang"], in: dir, user: "RS", roles: [.researcher], pseudonymiser: try Self.pseudonymiser())
        let call = try #require(model.calls.first)
        let detail = try #require(try model.detail(call.id))
        let said = try model.archive.turns(ofCall: call.id)
        #expect(said.contains { $0.text.contains("Hanne") } && said.contains { $0.text.contains("Sara") })
        #expect(!detail.turns.contains { $0.text.contains("Hanne") || $0.text.contains("Sara") })
        #expect(detail.turns.contains { $0.text.contains("[NAVN-") })
        #expect(detail.turns.map(\.startMs) == said.map(\.startMs))
        let terminal = FakeTerminal(width: 120, height: 40)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        app.handle(.tab)
        app.redraw()
        #expect(app.state.screen == .label)
        #expect(terminal.screen.text.contains("[NAVN-"), "\(terminal.screen.text)")
        #expect(!terminal.screen.text.contains("Hanne"))

        let midwife = try DemoDesk.model(["da01-veer-foerstegang"], in: TemporaryDirectory("pseudonym-ui-midwife"), user: "MW", roles: [.midwife])
        let first = try #require(midwife.calls.first)
        let asSaid = try #require(try midwife.detail(first.id))
        #expect(asSaid.turns.contains { $0.text.contains("Hanne") })
    }
}
