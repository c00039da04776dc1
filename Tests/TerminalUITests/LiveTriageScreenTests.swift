import Archive
import Foundation
import TestSupport
import Testing
import TriageCore
@testable import TerminalUI

/// A live desk under the test's control: it "records" when started and shows what the test gives it.
final class ScriptedLiveDesk: LiveDesk {
    var call: LiveCallView?
    var notes: [String] = []
    var failure: String?
    var archivedID: Int64 = 1

    struct Failure: Error, CustomStringConvertible { var description: String }

    func start() throws {
        if let failure { throw Failure(description: failure) }
        call = LiveCallView(startedAt: LocalDateTime(year: 2026, month: 3, day: 14, hour: 2, minute: 17), audioMs: 0, turns: [], suggestion: nil,
                            columns: [], firstColumnMs: 0, episodes: [], questions: [], problem: nil, version: 1)
    }

    func stop() -> (callID: Int64?, message: String) {
        call = nil
        return (archivedID, "archived as call \(archivedID)")
    }

    func note(_ text: String) { notes.append(text) }
}

@Suite(.serialized) struct LiveTriageScreenTests {
    let dir = TemporaryDirectory("live-ui")
    let model: DeskModel
    let suggestion: AssessmentRecord

    init() throws {
        model = try DemoDesk.model(["da04-groent-vand"], in: dir)
        suggestion = try #require(try model.archive.latestAssessment(ofCall: 1)?.record)
    }

    @Test func aLiveCallLeadsTheQueueAndFillsInAsItGoes() throws {
        let terminal = FakeTerminal(width: 100, height: 30)
        let desk = ScriptedLiveDesk()
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock(), live: desk)
        app.handle(.character("r"))
        app.redraw()
        #expect(terminal.screen.text.contains("● LIVE 00:00.0"))
        #expect(terminal.screen.text.contains("● Optager 00:00.0"))
        #expect(app.state.liveSelected)

        // Sound, words and a suggestion arrive; one question asked before is now answered.
        desk.call?.audioMs = 12_300
        desk.call?.columns = (0..<123).map { (peak: Float($0 % 10) / 20, speech: $0 % 20 < 12) }
        desk.call?.episodes = [(startMs: 10_000, endMs: 11_000)]
        desk.call?.turns = [Turn(speaker: .caller, startMs: 1_000, endMs: 3_000, text: "Hej, vandet er lige gået, og det er grønt.")]
        desk.call?.suggestion = suggestion
        desk.call?.questions = [(text: "Hvor mange uger er du?", answered: true), (text: "Mærker du liv?", answered: false)]
        desk.call?.version = 2
        #expect(app.tick())
        app.redraw()
        let text = terminal.screen.text
        #expect(text.contains("● LIVE 00:12.3 Vandafg"))
        #expect(text.contains("KOM IND NU"))
        #expect(text.contains("? Spørg: Mærker du liv?"))
        #expect(text.contains("✔ Hvor mange uger er du?"))
        #expect(text.contains("Tale ▕"))
        #expect(text.contains("▬"), "the episode is marked on the speech strip")
        #expect(terminal.screen.cells.contains { $0.text == "█" && $0.style.foreground == .cyan }, "speech on the strip")
        #expect(!app.tick(), "nothing changed, nothing to redraw")

        // A typed note goes to the live call; a decision waits for the end of the call.
        app.handle(.character("n"))
        for ch in "ingen blødning" { app.handle(.character(ch)) }
        app.handle(.enter)
        #expect(desk.notes == ["ingen blødning"])
        app.handle(.character("2"))
        #expect(app.state.message == "Afgør når opkaldet er slut (r stopper optagelsen)")

        // Down goes to the recorded calls, up comes back; r stops and selects the archived call.
        app.handle(.down)
        #expect(!app.state.liveSelected)
        app.handle(.up)
        #expect(app.state.liveSelected)
        app.handle(.character("r"))
        #expect(desk.call == nil && !app.state.liveSelected)
        #expect(app.state.message == "archived as call 1")
        #expect(app.state.selected == 0)
    }

    @Test func withoutAnAudioDeviceTheScreenSaysSoAndGoesOn() {
        let terminal = FakeTerminal(width: 100, height: 30)
        let desk = ScriptedLiveDesk()
        desk.failure = "no audio device: no sound server answers (Connection refused)"
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock(), live: desk)
        app.handle(.character("r"))
        app.redraw()
        #expect(terminal.screen.text.contains("no audio device: no sound server answers"))
        #expect(!app.state.liveSelected && desk.call == nil)
    }
}
