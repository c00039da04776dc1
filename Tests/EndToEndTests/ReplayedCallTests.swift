import Foundation
import TestSupport
import Testing

/// A demo call replayed through the live path (`record --from`, as `make demo` does) is archived as a replay of its
/// source: the source's call and its caller's record from the source's sidecar, and it is left out of the
/// statistics unless `--include-replays`.
@Suite(.serialized) struct ReplayedCallTests {
    let dir = TemporaryDirectory("replay-e2e")
    var db: String { dir.file("demo.sqlite") }
    static let source = "Recordings/da04-groent-vand"

    struct CommandFailed: Error { var run: CommandRun }

    func run(_ arguments: [String]) throws -> CommandRun {
        let run = try CommandRun.triage(arguments, in: Repository.root)
        guard run.status == 0 else { throw CommandFailed(run: run) }
        return run
    }

    func calls() throws -> [[String: Any]] {
        let listed = try run(["calls", "list", "--db", db, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    }

    func suggested(_ extra: [String] = []) throws -> Int {
        let stats = try run(["stats", "--db", db, "--by", "disposition", "--no-suppress", "--format", "json"] + extra)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["count"] as? Int }.reduce(0, +)
    }

    @Test func aReplayOfADemoCallCarriesItsSourceAndMetadataAndIsCountedOnlyWhenAsked() throws {
        _ = try run(["ingest", "--db", db, "\(Self.source).flac"])
        let recorded = try run(["record", "--db", db, "--from", "\(Self.source).flac", "--transcript-from", "\(Self.source).vtt",
                                "--out", dir.file("live-da04.flac")])
        #expect(recorded.stdout.contains("archived as call 2"), "\(recorded.stdout)\(recorded.stderr)")

        let list = try calls()
        let replay = try #require(list.first { ($0["id"] as? Int) == 2 })
        let source = try #require(replay["replay_of"] as? [String: Any])
        #expect(source["call_id"] as? Int == 1)
        #expect(source["path"] as? String == "\(Repository.root)/\(Self.source).flac")
        #expect((source["sha256"] as? String)?.count == 64)
        // The caller's record comes from the source's sidecar, not left empty.
        #expect(replay["language"] as? String == "da" && replay["caller"] as? String == "pregnant")
        #expect(replay["gestational_week"] as? Int == 40 && replay["gestational_days"] as? Int == 3)
        #expect(list.first { ($0["id"] as? Int) == 1 }?["replay_of"] is NSNull)

        let shown = try run(["calls", "show", "--db", db, "2"])
        #expect(shown.stdout.contains("Replay of     call 1 (\(Repository.root)/\(Self.source).flac)"), "\(shown.stdout)")
        let text = try run(["calls", "list", "--db", db])
        #expect(text.stdout.contains("REPLAY OF") && text.stdout.contains("call 1"), "\(text.stdout)")

        #expect(try suggested() == 1)
        #expect(try suggested(["--include-replays"]) == 2)
    }

    @Test func aReplayCutOffMidCallIsRecoveredFromAnotherFolderAsAReplayOfItsSource() throws {
        _ = try run(["ingest", "--db", db, "\(Self.source).flac"])
        let capture = dir.file("k.recording.wav")
        // Started from the repository with the source named relatively, as `make demo` does; killed after three seconds.
        let command = "cd '\(Repository.root)' && exec '\(Repository.executable)' record --db '\(db)' --from \(Self.source).flac --realtime --out '\(dir.file("k.flac"))'"
        let recorder = try Tools.spawn("/bin/sh", ["-c", command], outputPath: dir.file("record.log"), environment: ["TRIAGE_TAXONOMY": Repository.taxonomy])
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: capture)[.size] as? Int) ?? 0) < 44 + 16000 * 3 { usleep(20_000) }
        kill(recorder, SIGKILL)
        #expect(Tools.wait(recorder, timeout: 5) == nil, "the recorder died of the signal")

        let recovered = try CommandRun.triage(["recover", "--db", db], in: dir.file("."))
        #expect(recovered.stdout.contains("archived as call 2") || recovered.stderr.contains("archived as call 2"), "\(recovered.stdout)\(recovered.stderr)")
        let replay = try #require(try calls().first { ($0["id"] as? Int) == 2 })
        let source = try #require(replay["replay_of"] as? [String: Any])
        #expect(source["path"] as? String == "\(Repository.root)/\(Self.source).flac" && source["call_id"] as? Int == 1)
        #expect(replay["language"] as? String == "da" && replay["gestational_week"] as? Int == 40)
    }

    @Test func aReplayOfAFileWithNoSidecarsIsStillAReplay() throws {
        let copy = dir.file("unknown.flac")
        try FileManager.default.copyItem(atPath: "\(Repository.root)/\(Self.source).flac", toPath: copy)
        _ = try run(["record", "--db", db, "--from", copy, "--transcript-from", "\(Self.source).vtt", "--out", dir.file("live.flac")])
        let replay = try #require(try calls().first)
        let source = try #require(replay["replay_of"] as? [String: Any])
        #expect(source["path"] as? String == copy && source["call_id"] is NSNull)
        #expect(replay["language"] is NSNull)
        #expect(try suggested() == 0)
        #expect(try suggested(["--include-replays"]) == 1)
    }
}
