import Archive
import Foundation
import TestSupport
import Testing
import TriageCore
@testable import TerminalUI

/// The researcher's label screen: waveform, spectrogram, playhead, zoom, labels made, moved, retagged,
/// deleted and undone with keys, stored per annotator with the taxonomy version, and playback.
@Suite(.serialized) struct LabelScreenTests {
    let dir = TemporaryDirectory("label-ui")
    let model: DeskModel

    init() throws {
        model = try DemoDesk.model(["da04-groent-vand", "da01-veer-foerstegang"], in: dir, user: "RS")
    }

    func labelApp(_ width: Int, _ height: Int, player: CallPlayer? = nil, clock: ManualClock = ManualClock()) -> (TriageApp, FakeTerminal) {
        let terminal = FakeTerminal(width: width, height: height)
        let app = TriageApp(model: model, terminal: terminal, clock: clock, player: player)
        app.handle(.tab)
        app.redraw()
        return (app, terminal)
    }

    @Test func theLabelScreenAt80x24And200x60() throws {
        let (_, small) = labelApp(80, 24)
        try ScreenTests.snapshot(small.screen, "label-80x24")
        let text = small.screen.text
        #expect(text.contains("[Mærkning]"))
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "a braille waveform")
        #expect(small.screen.cells.contains { $0.text == "▀" && $0.style.background != nil }, "a half-block spectrogram")
        #expect(text.contains("Ingen mærker endnu"))
        let (_, large) = labelApp(200, 60)
        try ScreenTests.snapshot(large.screen, "label-200x60")
    }

    @Test func aRangeIsMarkedAndLabelledFromTheSearchableCodeList() throws {
        let (app, terminal) = labelApp(100, 30)
        let call = try #require(model.calls.first)
        app.handle(.character("m"))
        for _ in 0..<4 { app.handle(.right) }
        app.handle(.character("m"))
        #expect(app.state.label.picker != nil)
        for ch in "vand" { app.handle(.character(ch)) }
        app.redraw()
        #expect(terminal.screen.text.contains("/ vand"))
        #expect(terminal.screen.text.contains("1 Vandafgang"))
        app.handle(.enter)
        app.redraw()
        let labels = try model.archive.annotations(ofCall: call.id)
        #expect(labels.count == 1)
        let label = try #require(labels.first)
        #expect(label.code == "rupture_of_membranes" && label.annotator == "RS" && label.taxonomyVersion == "1.6.0")
        #expect(label.startMs == 0 && label.endMs > 0)
        #expect(terminal.screen.text.contains("Mærket: Vandafgang"))
        #expect(terminal.screen.text.contains("RS"))
    }

    @Test func labelsAreMovedRetaggedDeletedAndEveryStepUndone() throws {
        let (app, _) = labelApp(100, 30)
        let call = try #require(model.calls.first)
        app.handle(.character("m")); app.handle(.right); app.handle(.right); app.handle(.character("m"))
        app.handle(.character("1"))                               // hotkey: the first code in the list
        let created = try #require(try model.archive.annotations(ofCall: call.id).first)
        app.handle(.character("]"))                               // move it later
        let moved = try #require(try model.archive.annotations(ofCall: call.id).first)
        #expect(moved.startMs > created.startMs && moved.endMs - moved.startMs == created.endMs - created.startMs)
        app.handle(.character("r")); app.handle(.character("2"))  // retag
        let retagged = try #require(try model.archive.annotations(ofCall: call.id).first)
        #expect(retagged.code != created.code && retagged.startMs == moved.startMs)
        app.handle(.character("n"))                               // select it again
        app.handle(.character("d"))
        #expect(try model.archive.annotations(ofCall: call.id).isEmpty)
        app.handle(.character("u"))
        #expect(try model.archive.annotations(ofCall: call.id).first?.code == retagged.code)
        app.handle(.character("u"))
        #expect(try model.archive.annotations(ofCall: call.id).first?.code == created.code)
        app.handle(.character("u"))
        #expect(try model.archive.annotations(ofCall: call.id).first?.startMs == created.startMs)
        app.handle(.character("u"))
        #expect(try model.archive.annotations(ofCall: call.id).isEmpty)
        app.handle(.character("u"))
        #expect(app.state.message == "Intet at fortryde")
        // Nothing was lost: every version is still in the archive, and each step is in the audit log.
        let admin = try ArchiveSession.open(address: model.archive.address, origin: "test") // the archive's creator reads the log
        let steps = try admin.auditEntries(AuditFilter(callID: call.id)).filter { $0.action.hasPrefix("annotate") }
        #expect(steps.filter { $0.action == "annotate" || $0.action == "annotate-revise" }.count == 3) // three labels written
        #expect(steps.count == 10) // four changes and four undos, an undone revision being two steps
    }

    @Test func zoomPanAndThePlayheadFollowPlaybackOnTheClock() throws {
        let clock = ManualClock()
        let player = FakeCallPlayer(clock: clock)
        let (app, terminal) = labelApp(100, 30, player: player, clock: clock)
        app.handle(.character("+"))
        app.handle(.character("+"))
        #expect(app.state.label.viewSpanMs != nil)
        app.handle(.character(" "))
        #expect(player.played.count == 1 && player.played.first?.fromMs == 0)
        clock.advance(by: 12)
        #expect(app.tick())
        app.redraw()
        #expect(app.state.label.playheadMs == 12_000)
        #expect(terminal.screen.text.contains("▶ 00:12.0"))
        let view = app.state.label.view(durationMs: 33_893)
        #expect((view.startMs...(view.startMs + view.spanMs)).contains(12_000), "the view follows the playhead")
        app.handle(.character(" "))
        #expect(!app.state.label.playing && player.positionMs == nil)
        app.handle(.down) // the next call
        #expect(app.state.label == LabelState())
    }

    @Test func withoutAnOutputDeviceTheScreenSaysSo() throws {
        let clock = ManualClock()
        let player = FakeCallPlayer(clock: clock)
        player.failure = "cannot open audio device default: No such entity"
        let (app, terminal) = labelApp(100, 30, player: player, clock: clock)
        app.handle(.character(" "))
        app.redraw()
        #expect(!app.state.label.playing)
        #expect(terminal.screen.text.contains("cannot open audio device default"))
    }
}
