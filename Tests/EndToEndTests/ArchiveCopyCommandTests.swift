import Archive
import Foundation
import TestSupport
import Testing

/// `triage archive copy` from a workstation's file to a department's PostgreSQL database, killed part-way and run
/// again: the second run finishes the copy, and the destination then holds exactly the source.
@Suite struct ArchiveCopyCommandTests {
    @Test func aCopyKilledPartWayIsFinishedByRunningItAgain() throws {
        let dir = TemporaryDirectory("copy-kill")
        let source = dir.file("desk.sqlite")
        try ArchiveSession.open(address: source, origin: "test").fillSynthetic(calls: 12_000, seed: 7)
        let destination = try ArchiveBackend.postgresql.newArchive(in: dir, "department")
        let log = dir.file("copy.log")
        let pid = try Tools.spawn(Repository.executable, ["archive", "copy", "--from", source, "--to", destination], outputPath: log)
        // Kill it without warning once it is copying the suggestions, well before the end.
        var killed = false
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), text.contains("assessments: ") {
                kill(pid, SIGKILL)
                killed = true
                break
            }
            usleep(20_000)
        }
        Tools.wait(pid, timeout: 30)
        try #require(killed, "the copy never reached the suggestions: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let again = try CommandRun.triage(["archive", "copy", "--from", source, "--to", destination])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("copied: \(destination) holds exactly \(source)"), "\(again.stdout)")
        #expect(!again.stdout.contains("DIFFERS"))
        // The second run wrote what the first had not: the suggestions' rows at least (the kill came in time).
        let assessments = again.stdout.split(separator: "\n").first { $0.hasPrefix("assessments ") } ?? ""
        #expect(assessments.contains(" written") && !assessments.contains(" 0 written"), "\(assessments)")
        let stats = ["stats", "--by", "reason", "--format", "csv"]
        #expect(try CommandRun.triage(stats + ["--db", destination]).stdout == CommandRun.triage(stats + ["--db", source]).stdout)
        #expect(try CommandRun.triage(["audit", "verify", "--db", destination]).status == 0)
    }

    @Test func aPasswordInTheDestinationIsRefusedInOneLine() throws {
        let dir = TemporaryDirectory("copy-password")
        let source = dir.file("desk.sqlite")
        _ = try CommandRun.triage(["ingest", "--no-features", "--db", source, "\(Repository.root)/Recordings/da09-kloee.vtt"])
        let run = try CommandRun.triage(["archive", "copy", "--from", source, "--to", "postgresql://anna:hemmelig@localhost/triage"])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("~/.pgpass") && !run.stderr.contains("hemmelig"), "\(run.stderr)")
    }
}
