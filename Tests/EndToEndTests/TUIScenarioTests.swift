import Foundation
import GRDB
import TestSupport
import Testing

/// Runs every scenario in tui/scenarios against the real binary in tmux (see tui/README.md).
@Suite(.serialized) struct TUIScenarioTests {
    static let scenarios: [String] = {
        let folder = "\(Repository.root)/tui/scenarios"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".scenario") }.sorted()
    }()

    @Test func thereAreScenarios() {
        #expect(Self.scenarios.count >= 3)
    }

    @Test(arguments: scenarios)
    func scenario(_ name: String) throws {
        let tmux = try #require(["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }, "tmux is missing: run make deps")
        let dir = TemporaryDirectory("tui")
        let db = dir.file("demo.sqlite")
        let ingest = try CommandRun.triage(["ingest", "--db", db, "\(Repository.root)/Recordings"])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let socket = "triage-tui-\(getpid())-\(UUID().uuidString.prefix(6))"
        func tmuxRun(_ arguments: [String], capture: Bool = true) throws -> (status: Int32, output: String) {
            try Tools.run(tmux, ["-L", socket] + arguments, timeout: 20, captureOutput: capture)
        }
        defer { _ = try? tmuxRun(["kill-server"]) }
        func screen() throws -> String { try tmuxRun(["capture-pane", "-t", "ui", "-p"]).output }
        func wait(for text: String, present: Bool = true) throws -> Bool {
            for _ in 0..<100 {
                if try screen().contains(text) == present { return true }
                usleep(100_000)
            }
            return false
        }
        var (width, height) = (80, 24)
        let lines = try String(contentsOfFile: "\(Repository.root)/tui/scenarios/\(name)", encoding: .utf8).split(separator: "\n").map(String.init)
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (step, rest) = line.firstIndex(of: " ").map { (String(line[..<$0]), String(line[line.index(after: $0)...])) } ?? (line, "")
            let at = "\(name):\(number + 1)"
            switch step {
            case "size":
                let parts = rest.split(separator: "x").compactMap { Int($0) }
                if parts.count == 2 { (width, height) = (parts[0], parts[1]) }
            case "start":
                let arguments = rest.replacingOccurrences(of: "{db}", with: db)
                let command = "env LANG=C.UTF-8 TERM=xterm-256color TRIAGE_TAXONOMY=\(Repository.taxonomy) \(Repository.executable) \(arguments); sleep 30"
                let started = try tmuxRun(["new-session", "-d", "-s", "ui", "-x", String(width), "-y", String(height), command], capture: false)
                try #require(started.status == 0, "\(at): tmux did not start: \(started.output)")
            case "keys":
                if rest.hasPrefix("-l ") {
                    let text = String(rest.dropFirst(3)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    _ = try tmuxRun(["send-keys", "-t", "ui", "-l", text])
                } else {
                    _ = try tmuxRun(["send-keys", "-t", "ui"] + rest.split(separator: " ").map(String.init))
                }
            case "expect":
                let shown = try wait(for: rest)
                let current = try screen()
                #expect(shown, "\(at): the screen never showed “\(rest)”:\n\(current)")
            case "absent":
                #expect(try wait(for: rest, present: false), "\(at): the screen still shows “\(rest)”")
            case "golden":
                var shown = try screen().split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                if let first = shown.first, first.count >= 5 { shown[0] = String(first.dropLast(5)) + "HH:MM" }
                while shown.last == "" { shown.removeLast() }
                let text = shown.joined(separator: "\n") + "\n"
                let path = "\(Repository.root)/tui/golden/\(rest).txt"
                if ProcessInfo.processInfo.environment["TRIAGE_RECORD_GOLDEN"] == "1" {
                    try text.write(toFile: path, atomically: true, encoding: .utf8)
                } else {
                    let expected = try String(contentsOfFile: path, encoding: .utf8)
                    #expect(text == expected, "\(at): the screen differs from golden/\(rest).txt:\n\(text)")
                }
            case "sql":
                let parts = rest.components(separatedBy: " => ")
                let value = try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: parts[0]) }
                #expect(value == parts.last, "\(at): \(parts[0]) gave \(value ?? "nothing")")
            case "ended":
                // The program quit; the pane shows the shell's sleep, not the application.
                #expect(try wait(for: "Fødemodtagelsen", present: false), "\(at): the application did not quit")
            default:
                Issue.record("\(at): unknown step '\(step)'")
            }
        }
    }
}
