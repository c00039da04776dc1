import Archive
import AudioIO
import Foundation
import TestSupport
import Testing
import TriageCore

/// Crash safety proven by fault injection: ingest (with its recordings copied into the store), decisions, labels and
/// training are killed with SIGKILL at random points, many times over, and after every kill the archive must be sound
/// (`integrity_check`), hold only whole calls, keep every decision and label a finished command reported, and every
/// recording in the store must match its hash. `TRIAGE_FAULT_KILLS` sets the number of kills mid-way (200 by default);
/// `TRIAGE_FAULT_SEED` repeats a run (the seed is printed).
@Suite(.serialized) struct FaultInjectionTests {

    enum Operation: String, CaseIterable { case ingest, decide, label, train }

    /// Runs `triage arguments`, kills it after `delayMs` unless it has finished, and returns its output when it finished.
    static func run(_ arguments: [String], killAfterMs delayMs: Int, environment: [String: String]) throws -> (finished: Bool, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(Double(delayMs) / 1000)
        while process.isRunning, Date() < deadline { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let finished = process.terminationReason == .exit && process.terminationStatus == 0
        return (finished, String(decoding: data, as: UTF8.self))
    }

    @Test func killsAtRandomPointsLoseNothingThatWasCommitted() throws {
        let env = ProcessInfo.processInfo.environment
        let kills = env["TRIAGE_FAULT_KILLS"].flatMap(Int.init) ?? 200
        let seed = env["TRIAGE_FAULT_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970)
        var random = SeededGenerator(seed: seed)
        let dir = TemporaryDirectory("faults")
        let db = dir.file("desk.sqlite")
        let store = dir.file("store")
        let environment = ["TRIAGE_RECORDINGS": store]
        let taxonomy = "\(Repository.root)/Taxonomy/taxonomy.yaml"
        // A small answer key, so that training sometimes finishes before its kill.
        let gold = dir.file("gold.jsonl")
        let lines = try String(contentsOfFile: Repository.fixture("devset/split/dev.jsonl"), encoding: .utf8).split(separator: "\n").prefix(40)
        try lines.joined(separator: "\n").write(toFile: gold, atomically: true, encoding: .utf8)
        func call(_ n: Int) throws -> String {
            let base = dir.file(String(format: "calls/%04d", n))
            _ = try SyntheticAudio.write(base + ".wav", seconds: 0.3, seed: UInt64(n + 1))
            try dir.write(String(format: "calls/%04d.vtt", n), "WEBVTT\n\n00:00.000 --> 00:00.100\n<v C>Opkald \(n): vandet er gået.\n\n00:00.100 --> 00:00.300\n<v M>Hvilken farve?\n")
            return base + ".wav"
        }
        var next = 0
        let first = try CommandRun.triage(["ingest", "--no-features", "--db", db, try call(0), try call(1)], environment: environment)
        try #require(first.status == 0, "\(first.stderr)")
        next = 2
        var counts: [Operation: Int] = [:], killed = 0
        var committedLabels = Set<Int64>(), committedDecisions = 0
        // Runs until `kills` of them have been killed mid-way (at most three times as many runs).
        var round = 0
        while killed < kills, round < kills * 3 {
            defer { round += 1 }
            let op = Operation.allCases.randomElement(using: &random) ?? .ingest
            let admin = try ArchiveSession.open(address: db, origin: "fault-test", readOnly: true)
            let ids = try admin.listCalls().map(\.id)
            let id = ids.randomElement(using: &random) ?? 1
            let arguments: [String]
            switch op {
            case .ingest:
                arguments = ["ingest", "--no-features", "--db", db, try call(next), try call(next + 1)]
                next += 2
            case .decide:
                let disposition = ["attend_now", "attend_soon", "self_care", "emergency_112"].randomElement(using: &random) ?? "attend_now"
                arguments = ["decide", String(id), "--db", db, "--disposition", disposition, "--taxonomy", taxonomy]
            case .label:
                let start = Int.random(in: 0..<200, using: &random)
                arguments = ["labels", "add", String(id), "--db", db, "--code", "rupture_of_membranes", "--start-ms", String(start),
                             "--end-ms", String(start + 50), "--taxonomy", taxonomy]
            case .train:
                arguments = ["train", "--gold", gold, "--out", dir.file("model-\(round).json"), "--folds", "0", "--iterations", "10",
                             "--store", "--db", db, "--taxonomy", taxonomy]
            }
            counts[op, default: 0] += 1
            let result = try Self.run(arguments, killAfterMs: Int.random(in: 5...800, using: &random), environment: environment)
            if !result.finished { killed += 1 }
            for line in result.stdout.split(separator: "\n") {
                if line.hasPrefix("label "), let n = Int64(line.split(separator: " ")[1]) { committedLabels.insert(n) }
                if line.hasPrefix("decision ") { committedDecisions += 1 }
            }

            // After every run, finished or killed: sound, whole, and nothing committed lost.
            let after = try ArchiveSession.open(address: db, origin: "fault-test", readOnly: true, recordings: store)
            let context = "round \(round) (\(op.rawValue), seed \(seed))"
            #expect(try after.integrityCheck() == ["ok"], "\(context)")
            #expect(try after.verifyAudit() == nil, "\(context)")
            let calls = try after.listCalls()
            #expect(calls.allSatisfy { $0.turns == 2 }, "a partial call after \(context)")
            #expect(try after.auditEntries().filter { $0.action == "ingest" }.count == calls.count, "\(context)")
            #expect(try after.auditEntries().filter { $0.action == "decide" }.count >= committedDecisions, "a lost decision after \(context)")
            let labels = Set(try calls.flatMap { try after.annotations(ofCall: $0.id) }.compactMap(\.id))
            #expect(committedLabels.isSubset(of: labels), "a lost label after \(context)")
            let recordings = try after.verifyRecordings()
            #expect(recordings.problems.isEmpty && recordings.checked == calls.count, "\(recordings.problems.map(\.problem)) after \(context)")
            let sound = try after.integrityCheck() == ["ok"]
            if !recordings.problems.isEmpty || !sound { break }
        }
        let summary = Operation.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", ")
        print("fault injection: \(round) runs (\(summary)), \(killed) killed mid-way (seed \(seed)); "
            + "\(committedDecisions) decisions and \(committedLabels.count) labels committed, none lost; every recording intact")
        #expect(killed >= kills, "only \(killed) of \(round) runs were killed mid-way")
    }

    /// A full disk mid-ingest (the file-size limit kills the process with SIGXFSZ as it writes): the archive stays
    /// sound and whole, and the next run archives the rest.
    @Test func aFullDiskMidIngestLeavesASoundArchive() throws {
        let dir = TemporaryDirectory("fulldisk")
        for i in 0..<30 {
            let name = String(format: "calls/c%02d", i)
            _ = try SyntheticAudio.write(dir.file(name + ".wav"), seconds: 0.3, seed: UInt64(i + 1))
            try dir.write(name + ".vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n<v C>Opkald \(i): veer hvert femte minut.\n")
        }
        let db = dir.file("desk.sqlite")
        // The archive made first, so that the limit falls among the calls rather than in its creation.
        let made = try CommandRun.triage(["ingest", "--no-features", "--db", db, dir.file("calls/c00.wav")], environment: ["TRIAGE_RECORDINGS": dir.file("store")])
        try #require(made.status == 0, "\(made.stderr)")
        let limited = Process()
        limited.executableURL = URL(fileURLWithPath: "/bin/sh")
        // No file may grow past 100 KB (200 blocks of 512 bytes): the archive's write-ahead log reaches it part-way.
        limited.arguments = ["-c", "ulimit -f 200; exec \"$0\" ingest --no-features --jobs 1 --db \"$1\" \"$2\"", Repository.executable, db, dir.file("calls")]
        limited.environment = ProcessInfo.processInfo.environment.merging(["TRIAGE_RECORDINGS": dir.file("store")]) { $1 }
        limited.standardOutput = FileHandle.nullDevice
        limited.standardError = FileHandle.nullDevice
        try limited.run()
        limited.waitUntilExit()
        #expect(limited.terminationStatus != 0, "the limit was never reached")
        let archive = try ArchiveSession.open(address: db, origin: "test", readOnly: true, recordings: dir.file("store"))
        let before = try archive.listCalls().count
        #expect(try archive.integrityCheck() == ["ok"])
        #expect(before >= 1 && before < 30, "\(before) calls")
        #expect(try archive.verifyRecordings().problems.isEmpty)
        let rest = try CommandRun.triage(["ingest", "--no-features", "--db", db, dir.file("calls")], environment: ["TRIAGE_RECORDINGS": dir.file("store")])
        #expect(rest.status == 0, "\(rest.stderr)")
        let after = try ArchiveSession.open(address: db, origin: "test", readOnly: true, recordings: dir.file("store"))
        #expect(try after.listCalls().count == 30)
        #expect(try after.verifyRecordings().problems.isEmpty)
    }
}
