import Archive
import Foundation
import TestSupport
import Testing
@testable import TerminalUI

/// Each role opens the screens its work needs, and `Tab` goes only through those: a coordinator sees the
/// statistics and the quality, and nothing of any single call.
@Suite(.serialized) struct ScreensByRoleTests {
    @Test(arguments: [(Role.midwife, [AppState.Screen.triage, .statistics, .quality]), (.researcher, [.triage, .label, .statistics, .quality]),
                      (.coordinator, [.statistics, .quality]), (.admin, [.statistics, .quality])])
    func eachRoleOpensItsScreens(_ role: Role, _ expected: [AppState.Screen]) throws {
        let dir = TemporaryDirectory("screens-\(role)")
        let model = try DemoDesk.model(["da04-groent-vand", "en09-fainted-partner"], in: dir, user: "u-\(role)", roles: [role])
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = TriageApp(model: model, terminal: terminal, clock: ManualClock())
        var visited: [AppState.Screen] = []
        for _ in expected {
            visited.append(app.state.screen)
            app.redraw()
            if role == .coordinator || role == .admin {
                // Nothing a caller said, and no call's row: only counts.
                #expect(!terminal.screen.text.contains("Mette") && !terminal.screen.text.contains("vandet") && !terminal.screen.text.contains("fainted"), "\(terminal.screen.text)")
                #expect(model.calls.isEmpty)
            }
            app.handle(.tab)
        }
        #expect(visited == expected)
        #expect(app.state.screen == expected[0]) // Tab came round to the first again
    }
}
