import Foundation
import TestSupport
import Testing

/// What a user runs on a recording stays in bounded memory whatever its length (issue 16's "memory grows with
/// the call", issue 20): the peak resident memory of a long call's run is within a few megabytes of a short
/// one's. Before the paths streamed, a minute of two-channel audio added about 7 MB to features --summary and
/// ingest, and a minute of one channel about 8 MB to eGeMAPS.
@Suite(.serialized) struct BoundedMemoryCommandTests {
    let dir = TemporaryDirectory("bounded-memory")

    /// The peak resident memory (MB) of `triage ARGS`, as the process itself reports it at exit.
    func peak(_ arguments: [String]) throws -> Double {
        let report = dir.file("peak-\(UUID().uuidString)")
        let run = try CommandRun.triage(arguments, environment: ["TRIAGE_PEAK_MEMORY_FILE": report])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        return try #require(Double(text.trimmingCharacters(in: .whitespacesAndNewlines))) / 1024
    }

    @Test func aLongCallTakesAboutTheMemoryOfAShortOne() throws {
        let short = try SyntheticAudio.write(dir.file("short.wav"), seconds: 60, channels: 2, seed: 1)
        let long = try SyntheticAudio.write(dir.file("long.wav"), seconds: 480, channels: 2, seed: 2)
        let summary = try peak(["features", long, "--summary"]) - peak(["features", short, "--summary"])
        #expect(summary < 8, "features --summary: 8 minutes took \(summary) MB more than 1")
        let ingest = try peak(["ingest", "--db", dir.file("long.sqlite"), long]) - peak(["ingest", "--db", dir.file("short.sqlite"), short])
        #expect(ingest < 8, "ingest: 8 minutes took \(ingest) MB more than 1")
        let shortMono = try SyntheticAudio.write(dir.file("short-mono.wav"), seconds: 30, seed: 3)
        let longMono = try SyntheticAudio.write(dir.file("long-mono.wav"), seconds: 180, seed: 4)
        let egemaps = try peak(["features", longMono, "--summary", "--set", "egemaps"]) - peak(["features", shortMono, "--summary", "--set", "egemaps"])
        #expect(egemaps < 8, "eGeMAPS: 3 minutes took \(egemaps) MB more than half a minute")
    }
}
