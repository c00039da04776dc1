import Archive
import Foundation
import TestSupport
import Testing
import TriageCore
@testable import TerminalUI

/// After deciding otherwise than suggested, one key says why (the taxonomy's override reasons); optional, never in
/// her way: any other key closes the picker and does what it always does.
@Suite(.serialized) struct OverrideReasonTests {
    let dir = TemporaryDirectory("override-ui")

    static let reasons = [OverrideReason(code: "knew_more_from_record", label: LocalizedText(["da": "Journal"])),
                          OverrideReason(code: "other", label: LocalizedText(["da": "Andet"]), freeText: true)]

    @Test func oneKeyPicksAReasonAndAnyOtherKeyGoesOn() {
        var state = AppState()
        state.overridePrompt = OverridePrompt(callID: 7, decisionID: 70)
        #expect(AppUpdate.handle(.character("a"), state: &state, callCount: 3, overrideReasons: Self.reasons)
                == .overrideReason(callID: 7, decisionID: 70, index: 0, text: nil))
        #expect(state.overridePrompt == nil)
        // Another key: the picker closes and the key moves the selection as always.
        state.overridePrompt = OverridePrompt(callID: 7, decisionID: 70)
        #expect(AppUpdate.handle(.down, state: &state, callCount: 3, overrideReasons: Self.reasons) == .none)
        #expect(state.overridePrompt == nil && state.selected == 1)
        // Esc closes it and does not quit; a letter past the list is an ordinary key.
        state.overridePrompt = OverridePrompt(callID: 7, decisionID: 70)
        _ = AppUpdate.handle(.escape, state: &state, callCount: 3, overrideReasons: Self.reasons)
        #expect(state.overridePrompt == nil && !state.quitting)
        state.overridePrompt = OverridePrompt(callID: 7, decisionID: 70)
        #expect(AppUpdate.handle(.character("c"), state: &state, callCount: 3, overrideReasons: Self.reasons) == .decide(disposition: nil))
        // A reason with her words: typed, then Enter.
        state.overridePrompt = OverridePrompt(callID: 7, decisionID: 70)
        _ = AppUpdate.handle(.character("b"), state: &state, callCount: 3, overrideReasons: Self.reasons)
        #expect(state.overridePrompt?.picked == 1)
        for ch in "lød bange" { _ = AppUpdate.handle(.character(ch), state: &state, callCount: 3, overrideReasons: Self.reasons) }
        _ = AppUpdate.handle(.backspace, state: &state, callCount: 3, overrideReasons: Self.reasons)
        #expect(AppUpdate.handle(.enter, state: &state, callCount: 3, overrideReasons: Self.reasons)
                == .overrideReason(callID: 7, decisionID: 70, index: 1, text: "lød bang"))
        #expect(state.overridePrompt == nil)
    }

    @Test func theReasonIsStoredWithHerDecisionAndShownBesideIt() throws {
        let model = try DemoDesk.model(["da04-groent-vand", "da01-veer-foerstegang", "en09-fainted-partner"], in: dir)
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        let call = try #require(model.calls.first)
        app.handle(.character("2")) // suggested 112, decided come in now
        app.redraw()
        #expect(terminal.screen.text.contains("Gemt: Kom ind nu (AH)"))
        #expect(terminal.screen.text.contains("Hvorfor andet end forslaget? a Vidste mere fra journalen  b Kvindens stemme  d Protokollen"),
                "\(terminal.screen.text)")
        app.handle(.character("b"))
        app.redraw()
        #expect(terminal.screen.text.contains("Begrundelse gemt: Kvindens stemme"))
        #expect(terminal.screen.text.contains("✔ Afgjort: Kom ind nu (AH) · Kvindens stemme"), "\(terminal.screen.text)")
        #expect(try model.archive.latestDecision(ofCall: call.id)?.overrideReason == "callers_voice")
        // Other, in her words.
        app.handle(.character("3"))
        app.handle(.character("f"))
        app.redraw()
        #expect(terminal.screen.text.contains("Andet") && terminal.screen.text.contains("Enter gem"))
        for ch in "hun lød bange" { app.handle(.character(ch)) }
        app.handle(.enter)
        let decision = try #require(try model.archive.latestDecision(ofCall: call.id))
        #expect(decision.disposition == .attendSoon && decision.overrideReason == "other" && decision.overrideText == "hun lød bange")
        // Skipped: the next key does what it does, the decision stays without a reason.
        app.handle(.character("4"))
        app.handle(.down)
        #expect(app.state.selected == 1 && app.state.overridePrompt == nil)
        #expect(try model.archive.latestDecision(ofCall: call.id).map { "\($0.disposition.rawValue) \($0.overrideReason?.rawValue ?? "none")" } == "self_care none")
        // Confirming the suggestion asks nothing; c just after an override confirms, as ever.
        app.handle(.character("c"))
        #expect(app.state.overridePrompt == nil)
        app.handle(.character("5"))
        #expect(app.state.overridePrompt != nil)
        app.handle(.character("c"))
        #expect(app.state.overridePrompt == nil && app.state.message?.hasPrefix("Gemt:") == true)
    }
}
