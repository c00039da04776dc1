import Archive
import Foundation
import Reports
import TestSupport
import Testing
import TriageCore
@testable import TerminalUI

/// The coordinator's quality screen: per week the shares she confirmed, decided more and less urgently as a line chart
/// and a table, the incidents against the alarm, and the drift alarms; `m` per month; Danish first, English too.
@Suite(.serialized) struct QualityScreenTests {
    let dir = TemporaryDirectory("quality-ui")

    /// Three ISO weeks (2026-W02 … W04) of eight decided calls; in W03 three incidents (self care suggested, attend now
    /// decided), one less urgent and four confirmed; every other call confirmed.
    func coordinatorDesk() throws -> DeskModel {
        let db = dir.file("quality.sqlite")
        let creator = try ArchiveSession.open(address: db, origin: "test")
        for week in 0..<3 {
            for i in 0..<8 {
                var (suggested, decided): (Disposition, Disposition) = (.attendSoon, .attendSoon)
                if week == 1 && i < 3 { (suggested, decided) = (.selfCare, .attendNow) }
                if week == 1 && i == 3 { (suggested, decided) = (.attendNow, .attendSoon) }
                var metadata = CallMetadata()
                metadata.startedAt = LocalDateTime(daysSince1970: 20458 + week * 7 + i % 5, minuteOfDay: 600)
                let id = try creator.store(CallDraft(sha256: "u-\(week)-\(i)", contentKind: .transcript, sourcePath: "/c/\(week)-\(i).vtt", durationMs: 1000,
                                                     metadata: metadata, metadataJSON: "{}", turns: [])).callID
                let suggestion = try creator.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1", modelVersion: "m",
                                                                    primaryReason: "labour_contractions", disposition: suggested,
                                                                    reasons: [.init(code: "labour_contractions", score: 0.8)], redFlags: [],
                                                                    resultJSON: "{}", confidence: 0.8))
                try creator.decide(DecisionRecord(callID: id, assessmentID: suggestion, taxonomyID: "t", taxonomyVersion: "1",
                                                  reasons: ["labour_contractions"], disposition: decided))
            }
        }
        try creator.setUser("KO", roles: [.coordinator])
        return try DeskModel(archive: try ArchiveSession.open(address: db, account: Account(name: "KO"), origin: "ui"),
                             taxonomy: try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy)))
    }

    @Test func theCoordinatorSeesTheWeeksSharesIncidentsAndAlarms() throws {
        let model = try coordinatorDesk()
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        #expect(app.state.screens == [.statistics, .quality])
        app.handle(.tab)
        app.redraw()
        let text = terminal.screen.text
        try ScreenTests.snapshot(terminal.screen, "quality-100x30")
        #expect(text.contains("[Kvalitet]") && text.contains("pr. uge · 24 afgjorte opkald · 3 hændelser"), "\(text)")
        let w03 = try #require(text.split(separator: "\n").first { $0.contains("2026-W03") })
        #expect(w03.contains("8") && w03.contains("50 %") && w03.contains("38 %") && w03.contains("13 %") && w03.contains("3 ⚠"), "\(w03)")
        #expect(text.split(separator: "\n").first { $0.contains("2026-W02") }?.contains("100 %") == true)
        #expect(text.contains("⚠ Hændelsesalarm (≥ 3): 2026-W03"))
        // The chart: confirmed in green, more urgent in red, the 100 % and 0 % marks on its axis.
        #expect(terminal.screen.cells.contains { $0.text == "●" && $0.style.foreground == .green })
        #expect(terminal.screen.cells.contains { $0.text == "▲" && $0.style.foreground == .red })
        #expect(text.contains("100 %") && text.contains("  0 %"))
        // Per month; in English.
        app.handle(.character("m"))
        app.redraw()
        #expect(terminal.screen.text.contains("pr. måned") && terminal.screen.text.contains("2026-01") && terminal.screen.text.contains("Måneder"))
        app.handle(.character("m"))
        app.handle(.character("l"))
        app.redraw()
        #expect(terminal.screen.text.contains("[Quality]") && terminal.screen.text.contains("⚠ Incident alarm (≥ 3): 2026-W03"), "\(terminal.screen.text)")
        #expect(terminal.screen.text.contains("m week/month"))
        #expect(!app.handle(.character("q")))
    }

    @Test func withoutDecisionsItSaysSoAndRaisesNoAlarm() throws {
        let desk = try DemoDesk.model(["da01-veer-foerstegang"], in: dir, user: "KO", roles: [.coordinator])
        let terminal = FakeTerminal(width: 80, height: 24)
        let app = TriageApp(model: desk, terminal: terminal, clock: ManualClock())
        app.handle(.tab)
        app.redraw()
        #expect(terminal.screen.text.contains("Ingen afgjorte opkald endnu."), "\(terminal.screen.text)")
    }

    @Test func alarmsNameEachDriftAndSayWhenAllIsCalm() {
        let calm = QualityReport.make(rows: [QualityRow(period: "2026-W02", group: "all", decided: 10, confirmed: 10, moreUrgent: 0, lessUrgent: 0)],
                                      incidents: [], incidentAlarm: 3, drift: nil)
        #expect(QualityScreen.alarmLines(calm, lang: "da") == ["✔ Ingen alarmer: hændelser og drift under grænserne"])
        let weeks = (2...12).map { String(format: "2026-W%02d", $0) }
        var counts = weeks.prefix(10).flatMap { week in [ConfidenceCount(week: week, bin: 8, count: 40)] }
        counts.append(ConfidenceCount(week: "2026-W12", bin: 2, count: 40))
        let drifted = QualityReport.make(rows: calm.lines.map(\.row), incidents: [], incidentAlarm: 3, drift: nil,
                                         confidence: ConfidenceDrift.make(counts, referenceWeeks: 10))
        let lines = QualityScreen.alarmLines(drifted, lang: "en")
        #expect(lines.count == 1 && lines[0].hasPrefix("⚠ Drift of the confidence: 2026-W12 PSI "), "\(lines)")
    }
}
