import Archive
import Foundation
import TestSupport
import Testing
import TriageCore
@testable import TerminalUI

/// The screens rendered into a fake terminal, driven by keys, compared with text snapshots.
@Suite(.serialized) struct ScreenTests {
    let dir = TemporaryDirectory("ui")
    let model: DeskModel

    init() throws {
        model = try DemoDesk.model(["da04-groent-vand", "da01-veer-foerstegang", "en09-fainted-partner"], in: dir)
    }

    func app(_ width: Int, _ height: Int) -> (TriageApp, FakeTerminal) {
        let terminal = FakeTerminal(width: width, height: height)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        app.redraw()
        return (app, terminal)
    }

    /// Compares a screen with `Tests/Fixtures/snapshots/NAME.txt` (the clock masked);
    /// TRIAGE_RECORD_SNAPSHOTS=1 writes it instead.
    static func snapshot(_ screen: ScreenBuffer, _ name: String) throws {
        var lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.count >= 5 { lines[0] = String(first.dropLast(5)) + "HH:MM" }
        let text = lines.joined(separator: "\n") + "\n"
        let path = Repository.fixture("snapshots/\(name).txt")
        if ProcessInfo.processInfo.environment["TRIAGE_RECORD_SNAPSHOTS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "screen \(name) differs from its snapshot:\n\(text)")
    }

    @Test func theTriageScreenAt80x24And200x60() throws {
        let (_, small) = app(80, 24)
        try Self.snapshot(small.screen, "triage-80x24")
        #expect(small.screen.text.contains("Fødemodtagelsen"))
        #expect(small.screen.text.contains("RING 112 NU"))
        let (_, large) = app(200, 60)
        try Self.snapshot(large.screen, "triage-200x60")
    }

    @Test func choosingACallShowsItsBannerReasonsFactsAndTranscript() throws {
        let (app, terminal) = app(100, 30)
        app.handle(.down)
        app.redraw()
        let text = terminal.screen.text
        #expect(text.contains("KOM IND NU") && text.contains("Farvet fostervand"))
        #expect(text.contains("Vandafgang"))
        // One language at a time: the values and the caller in Danish on the Danish screen (issue 15), in English on the English.
        #expect(text.contains("Fostervandets farve: grønt") && !text.contains("green") && text.contains("· gravid ·"), "\(text)")
        #expect(text.contains("Hej, vandet er lige gået, og det er grønt."))
        app.handle(.character("l"))
        app.redraw()
        let english = terminal.screen.text
        #expect(english.contains("Colour of the waters: green") && english.contains("· pregnant ·") && !english.contains(": ja"), "\(english)")
        app.handle(.character("l"))
        app.redraw()
        // The banner is coloured by the disposition, the matched words are highlighted.
        let bannerRow = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("KOM IND NU") } ?? 0
        #expect(terminal.screen.cells.contains { $0.style.background == .magenta })
        #expect(bannerRow > 0)
        #expect(terminal.screen.cells.contains { $0.style.bold && $0.style.foreground == .cyan })
    }

    @Test func aKeyPressRedrawsOnlyWhatChanged() {
        let (app, terminal) = app(80, 24)
        let first = terminal.cellsWritten
        #expect(first == 80 * 24)
        app.handle(.character("?"))
        app.redraw()
        let help = terminal.cellsWritten - first
        #expect(help > 0 && help < 80 * 24 * 2 / 3) // the overlay, not the whole screen
        app.redraw()
        #expect(terminal.cellsWritten == first + help) // nothing changed, nothing written
    }

    @Test func aDecisionIsStoredBesideTheSuggestionWithWhoAndWhen() throws {
        let (app, terminal) = app(80, 24)
        let call = try #require(model.calls.first)
        app.handle(.character("2"))
        app.redraw()
        #expect(terminal.screen.text.contains("Gemt: Kom ind nu (AH)"))
        #expect(terminal.screen.text.contains("✔ Afgjort: Kom ind nu (AH)"))
        let decision = try #require(try model.archive.latestDecision(ofCall: call.id))
        #expect(decision.disposition == .attendNow && decision.decidedBy == "AH")
        #expect(decision.decidedAt == ManualClock().now)
        #expect(try model.archive.latestAssessment(ofCall: call.id)?.record.disposition == .emergency112) // the suggestion stays
        app.handle(.character("c"))
        #expect(try model.archive.latestDecision(ofCall: call.id)?.disposition == .emergency112)
    }

    @Test func aDecisionOvertakenByAMoreUrgentSuggestionIsFlaggedLoudly() throws {
        let terminal = FakeTerminal(width: 80, height: 24)
        // A note (here: a suggestion stored by the classifier after it) makes the call more urgent than her decision.
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock(), reclassify: { [model] id in
            try model.archive.store(AssessmentRecord(callID: id, taxonomyID: model.taxonomy.id, taxonomyVersion: model.taxonomy.version,
                                                     modelVersion: "test", primaryReason: "vaginal_bleeding", disposition: .emergency112,
                                                     reasons: [.init(code: "vaginal_bleeding", score: 1)], redFlags: ["heavy_bleeding"], resultJSON: "{}"))
        })
        guard let index = model.calls.firstIndex(where: { $0.suggestedDisposition == .attendNow }) else { Issue.record("no attend_now call"); return }
        for _ in 0..<index { app.handle(.down) }
        app.handle(.character("3")) // come in within hours
        app.redraw()
        #expect(terminal.screen.text.contains("✔ Afgjort: Kom ind inden for få timer (AH)"))
        #expect(!terminal.screen.text.contains("AFGØR IGEN"))
        app.handle(.character("n"))
        for ch in "Hun bløder nu kraftigt" { app.handle(.character(ch)) }
        app.handle(.enter)
        app.redraw()
        #expect(terminal.screen.text.contains("⚠ AFGØR IGEN: forslaget er nu mere akut"),
                "\(terminal.screen.text)")
        // The archive keeps both; deciding again clears the warning.
        let call = try #require(model.calls[safe: app.state.selected])
        #expect(try model.archive.latestDecision(ofCall: call.id)?.disposition == .attendSoon)
        #expect(try model.archive.latestAssessment(ofCall: call.id)?.record.disposition == .emergency112)
        app.handle(.character("c"))
        app.redraw()
        #expect(!terminal.screen.text.contains("AFGØR IGEN"))
        #expect(try model.archive.latestDecision(ofCall: call.id)?.disposition == .emergency112)
    }

    @Test func aTypedNoteIsStoredAsATurnAndTheCallClassifiedAgain() throws {
        let terminal = FakeTerminal(width: 80, height: 24)
        nonisolated(unsafe) var reclassified: [Int64] = []
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock(), reclassify: { reclassified.append($0) })
        let call = try #require(model.calls.first)
        app.handle(.character("n"))
        for ch in "Bløder også æøå" { app.handle(.character(ch)) }
        app.handle(.backspace)
        app.redraw()
        #expect(terminal.screen.text.contains("Bløder også æø▏"))
        #expect(terminal.screen.text.contains("Enter gem · Esc fortryd"))
        app.handle(.enter)
        app.redraw()
        #expect(reclassified == [call.id])
        let turns = try model.archive.turns(ofCall: call.id)
        #expect(turns.last?.speaker == .notes && turns.last?.text == "Bløder også æø" && turns.last?.speakerLabel == "AH")
        #expect(terminal.screen.text.contains("Notat gemt"))
        #expect(terminal.screen.text.contains("N: Bløder også æø"))
        // Escape leaves without a note; keys typed into the prompt are text, not commands.
        app.handle(.character("n"))
        app.handle(.character("q"))
        app.handle(.escape)
        #expect(try model.archive.turns(ofCall: call.id).count == turns.count)
        #expect(app.state.noteDraft == nil && !app.state.quitting)
    }

    @Test func statisticsHelpLanguageAndQuit() throws {
        let (app, terminal) = app(80, 24)
        app.handle(.tab)
        app.handle(.tab)
        app.redraw()
        try Self.snapshot(terminal.screen, "statistics-80x24")
        app.handle(.character("l"))
        app.redraw()
        #expect(terminal.screen.text.contains("suggestions · all calls"))
        #expect(terminal.screen.text.contains("Contact reasons (n = 3)"))
        app.handle(.character("?"))
        app.redraw()
        #expect(terminal.screen.text.contains("switch between triage, labelling and statistics"))
        #expect(app.handle(.character("x")))      // any key closes the help
        #expect(!app.handle(.character("q")))     // q quits
    }

    @Test func aResizeRedrawsTheWholeScreenAtItsNewSize() throws {
        let terminal = FakeTerminal(width: 80, height: 24)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        terminal.resize(width: 120, height: 40)
        terminal.type("q")
        app.run(idleLimit: 1)
        #expect(terminal.restored)
        #expect(terminal.screen.width == 120 && terminal.screen.text.split(separator: "\n", omittingEmptySubsequences: false).count == 40)
        #expect(terminal.screen.text.contains("Fødemodtagelsen"))
        #expect(terminal.screen.text.split(separator: "\n").last?.contains("q afslut") == true)
    }

    @Test func theTitleClockFollowsTheClock() {
        let terminal = FakeTerminal(width: 80, height: 24)
        let clock = ManualClock()
        let app = TriageApp(model: model, terminal: terminal, clock: clock)
        app.redraw()
        let before = terminal.screen.text.split(separator: "\n").first.map(String.init) ?? ""
        clock.advance(by: 60)
        app.redraw()
        let after = terminal.screen.text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(before != after && before.dropLast(5) == after.dropLast(5))
    }

    /// The application's own loop, driven by the manual clock: waiting for keys that do not come moves the clock on,
    /// the loop redraws the title clock each minute, and leaves after the idle limit, all in no real time.
    @Test func theLoopRunsOnTheManualClock() {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_773_454_620)) // 02:17 UTC
        let terminal = FakeTerminal(width: 80, height: 24, clock: clock)
        let app = TriageApp(model: model, terminal: terminal, clock: clock)
        let started = Date()
        app.run(idleLimit: 3 * 60)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(clock.now.timeIntervalSince1970 - 1_773_454_620 == 180)
        var t = time_t(clock.now.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        let shown = String(format: "%02d:%02d", parts.tm_hour, parts.tm_min)
        #expect(terminal.screen.text.split(separator: "\n").first?.hasSuffix(shown) == true, "\(terminal.screen.text.prefix(90))")
        #expect(terminal.restored)
    }
}

/// The statistics screen's filters and export.
@Suite(.serialized) struct StatisticsScreenTests {
    @Test func periodReasonAndExportOfWhatIsShown() throws {
        let dir = TemporaryDirectory("stats-ui")
        let model = try DemoDesk.model(["da04-groent-vand", "da01-veer-foerstegang", "en09-fainted-partner"], in: dir)
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        app.handle(.tab); app.handle(.tab)
        app.handle(.character("d"))                  // the last 7 days up to the newest call
        app.redraw()
        #expect(terminal.screen.text.contains("forslag · 7 dage"))
        #expect(terminal.screen.text.contains("Kontaktårsager (n = 1)"))
        app.handle(.character("d")); app.handle(.character("d")); app.handle(.character("d")) // back to every call
        app.handle(.character("a"))                  // the first reason of the taxonomy
        app.redraw()
        let first = model.taxonomy.reasons[0]
        #expect(terminal.screen.text.contains("alle opkald · \(first.label.text(for: "da"))"))
        app.handle(.character("e"))
        let exports = try FileManager.default.contentsOfDirectory(atPath: dir.file("exports")).sorted()
        #expect(exports.count == 4)
        #expect(exports.contains { $0.hasSuffix("-reasons.csv") } && exports.contains { $0.hasSuffix("-hour-weekday.csv") })
        #expect(app.state.message?.hasPrefix("Eksporteret: ") == true)
        // Small cells are suppressed in the file as in every export (three calls: every count is below 5), and the
        // export is in the audit log.
        let reasons = try String(contentsOfFile: dir.file("exports/\(try #require(exports.first { $0.hasSuffix("-reasons.csv") }))"), encoding: .utf8)
        #expect(!reasons.contains(",1,") && !reasons.contains(",2,") && reasons.contains("<5"), "\(reasons)")
        let admin = try ArchiveSession.open(address: model.archive.address, origin: "test")
        #expect(try admin.auditEntries().contains { $0.action == "export" && $0.detail.hasPrefix("statistics screen") })
    }

    @Test func aReplayedDemoCallIsCountedOnlyAfterG() throws {
        let dir = TemporaryDirectory("stats-ui-replay")
        let model = try DemoDesk.model(["da04-groent-vand"], replaying: ["da04-groent-vand"], in: dir)
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        app.handle(.tab); app.handle(.tab)
        app.redraw()
        #expect(terminal.screen.text.contains("Kontaktårsager (n = 1)"), "\(terminal.screen.text)")
        #expect(!terminal.screen.text.contains("genafspilninger medregnet"))
        app.handle(.character("g"))
        app.redraw()
        #expect(terminal.screen.text.contains("Kontaktårsager (n = 2)"), "\(terminal.screen.text)")
        #expect(terminal.screen.text.contains("forslag · alle opkald · genafspilninger medregnet"))
        app.handle(.character("g"))
        app.redraw()
        #expect(terminal.screen.text.contains("Kontaktårsager (n = 1)"))
    }

    @Test func weeksWithoutCallsCountAsNothingInTheTrend() {
        #expect(StatisticsScreen.weekly([("2026-W11", 2), ("2026-W14", 1)]) == [2, 0, 0, 1])
        #expect(StatisticsScreen.weekly([("2025-W52", 1), ("2026-W02", 3)]) == [1, 0, 3])
    }
}
