import Foundation
import Archive
import TestSupport
import Testing

/// Runs every scenario in tui/scenarios against the real binary in tmux (see tui/README.md), on each kind of archive
/// its `archives` line names (an SQLite file when it names none).
@Suite(.serialized) struct TUIScenarioTests {
    static let scenarios: [String] = {
        let folder = "\(Repository.root)/tui/scenarios"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".scenario") }.sorted()
    }()

    /// Each scenario with each kind of archive it runs on.
    static let runs: [Run] = scenarios.flatMap { name -> [Run] in
        let text = (try? String(contentsOfFile: "\(Repository.root)/tui/scenarios/\(name)", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("archives ") }
        let backends = line.map { $0.split(separator: " ").dropFirst().compactMap { ArchiveBackend(rawValue: String($0)) } } ?? [.sqlite]
        return backends.map { Run(name: name, backend: $0) }
    }

    struct Run: Sendable, CustomTestStringConvertible {
        var name: String
        var backend: ArchiveBackend
        var testDescription: String { "\(name) (\(backend))" }
    }

    @Test func thereAreScenarios() {
        #expect(Self.scenarios.count >= 3)
        #expect(Self.runs.contains { $0.backend == .postgresql })
    }

    @Test(arguments: runs)
    func scenario(_ run: Run) throws {
        let name = run.name
        let tmux = try #require(["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }, "tmux is missing: run make deps")
        let dir = TemporaryDirectory("tui")
        let db = try run.backend.newArchive(in: dir, "demo")
        let ingest = try CommandRun.triage(["ingest", "--no-features", "--db", db, "\(Repository.root)/Recordings"])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        // The queue's first calls (newest first), by id: ingest archives in parallel, so ids follow no fixed order.
        let listed = try CommandRun.triage(["calls", "list", "--db", db, "--format", "json", "--limit", "2"])
        let queue = ((try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))) as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        try #require(queue.count == 2, "\(listed.stdout)\(listed.stderr)")
        let socket = "triage-tui-\(getpid())-\(UUID().uuidString.prefix(6))"
        func tmuxRun(_ arguments: [String], capture: Bool = true) throws -> (status: Int32, output: String) {
            try Tools.run(tmux, ["-L", socket] + arguments, timeout: 20, captureOutput: capture)
        }
        var background: [pid_t] = []
        defer {
            _ = try? tmuxRun(["kill-server"])
            for pid in background { kill(pid, SIGKILL); Tools.wait(pid, timeout: 5) }
        }
        // Today as the queue shows a call's day (MM-DD).
        let today = { let f = DateFormatter(); f.dateFormat = "MM-dd"; return f.string(from: Date()) }()
        /// The newest call's id (the one archived last), for steps that act on a call a step archived.
        func newest() -> String {
            let listed = try? CommandRun.triage(["calls", "list", "--db", db, "--format", "json"])
            let ids = ((try? JSONSerialization.jsonObject(with: Data((listed?.stdout ?? "").utf8))) as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            return ids.max().map(String.init) ?? "0"
        }
        func expand(_ text: String) -> String {
            (text.contains("{newest}") ? text.replacingOccurrences(of: "{newest}", with: newest()) : text)
                .replacingOccurrences(of: "{db}", with: db).replacingOccurrences(of: "{today}", with: today)
                .replacingOccurrences(of: "{triage}", with: Repository.executable).replacingOccurrences(of: "{dir}", with: dir.path)
                .replacingOccurrences(of: "{root}", with: Repository.root).replacingOccurrences(of: "{user}", with: Account.current().name)
                .replacingOccurrences(of: "{call1}", with: String(queue[0])).replacingOccurrences(of: "{call2}", with: String(queue[1]))
        }
        func screen() throws -> String { try tmuxRun(["capture-pane", "-t", "ui", "-p"]).output }
        func wait(for text: String, present: Bool = true, seconds: Double = 10) throws -> Bool {
            for _ in 0..<Int(seconds * 10) {
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
                // Leading NAME=value words set the environment (NO_COLOR=1, TERM=vt100).
                var words = expand(rest).split(separator: " ").map(String.init)
                var environment = ["LANG=C.UTF-8", "TERM=xterm-256color", "TRIAGE_TAXONOMY=\(Repository.taxonomy)",
                                   "TRIAGE_RECORDINGS=\(dir.file("recordings"))"]
                while let word = words.first, word.range(of: "^[A-Z_]+=", options: .regularExpression) != nil {
                    environment.append(word)
                    words.removeFirst()
                }
                // A PostgreSQL address holds ? and &: quoted for the shell tmux runs the command in.
                let quoted = words.map { $0.contains(where: { "?&*".contains($0) }) ? "'\($0)'" : $0 }
                let command = "env \(environment.joined(separator: " ")) \(Repository.executable) \(quoted.joined(separator: " ")); sleep 30"
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
                let shown = try wait(for: expand(rest))
                let current = try screen()
                #expect(shown, "\(at): the screen never showed “\(expand(rest))”:\n\(current)")
            case "expect-within":
                // expect-within SECONDS TEXT: the screen shows TEXT within SECONDS of the step (another desk's change).
                let (limit, text) = rest.firstIndex(of: " ").map { (Double(rest[..<$0]) ?? 1, expand(String(rest[rest.index(after: $0)...]))) } ?? (1, "")
                let started = Date()
                let shown = try wait(for: text, seconds: limit)
                let elapsed = Date().timeIntervalSince(started), current = try screen()
                #expect(shown, "\(at): the screen did not show “\(text)” within \(limit) s (\(elapsed) s):\n\(current)")
            case "archives":
                break // read when the runs are listed
            case "absent":
                #expect(try wait(for: expand(rest), present: false), "\(at): the screen still shows “\(expand(rest))”")
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
            case "fifo":
                try #require(mkfifo(dir.file(rest), 0o600) == 0, "\(at): cannot make the FIFO \(rest)")
            case "background":
                let words = expand(rest).split(separator: " ").map(String.init)
                background.append(try Tools.spawn(words[0], Array(words.dropFirst()), outputPath: dir.file("background-\(background.count).log")))
            case "monochrome":
                // The screen has no colours, and the line showing TEXT is drawn in reverse video instead.
                #expect(try wait(for: rest), "\(at): the screen never showed “\(rest)”")
                let styled = try tmuxRun(["capture-pane", "-t", "ui", "-p", "-e"]).output
                let colour = styled.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)m", options: .regularExpression)
                #expect(colour == nil, "\(at): colour escape codes on a monochrome screen")
                let line = styled.split(separator: "\n").first { $0.contains(rest) }.map(String.init) ?? ""
                #expect(line.range(of: "\u{1B}\\[[0-9;]*7[0-9;]*m", options: .regularExpression) != nil, "\(at): “\(rest)” is not in reverse video: \(line.debugDescription)")
            case "cli":
                // `triage ARGS` on the scenario's archive prints a line with WORDS in this order.
                let parts = expand(rest).components(separatedBy: " => ")
                let run = try CommandRun.triage(parts[0].split(separator: " ").map(String.init) + ["--db", db])
                let words = (parts.last ?? "").split(separator: " ").map(String.init)
                let found = run.stdout.split(separator: "\n").contains { line in
                    var rest = Substring(line)
                    for word in words {
                        guard let range = rest.range(of: word) else { return false }
                        rest = rest[range.upperBound...]
                    }
                    return true
                }
                #expect(run.status == 0 && found, "\(at): triage \(parts[0]) printed no line with “\(parts.last ?? "")”:\n\(run.stdout)\(run.stderr)")
            case "ended":
                // The program quit; the pane shows the shell's sleep, not the application.
                #expect(try wait(for: "Fødemodtagelsen", present: false), "\(at): the application did not quit")
            default:
                Issue.record("\(at): unknown step '\(step)'")
            }
        }
    }
}
