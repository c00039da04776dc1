import Foundation
import Archive
import TestSupport
import Testing

/// A kill -9 in the middle of an ingest leaves a sound database with only whole calls in it,
/// and the next run archives the rest.
@Suite struct KilledIngestTests {
    @Test func killingIngestMidwayLeavesOnlyWholeCalls() throws {
        let dir = TemporaryDirectory("killed")
        let count = 400
        for i in 0..<count {
            let name = String(format: "calls/c%03d", i)
            try SyntheticAudio.write(dir.file(name + ".wav"), seconds: 0.5, seed: UInt64(i + 1))
            try dir.write(name + ".vtt", "WEBVTT\n\n00:00.000 --> 00:00.100\n<v M>Fødemodtagelsen.\n\n00:00.100 --> 00:00.300\n<v C>Call \(i): vandet er gået.\n\n00:00.300 --> 00:00.500\n<v M>Hvilken farve?\n")
        }
        let db = dir.file("triage.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.executable)
        process.arguments = ["ingest", "--db", db, "--jobs", "2", dir.file("calls")]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some calls are archived, then kill the process without warning.
        var seen = 0
        var buffer = Data()
        while seen < 40 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            seen = String(decoding: buffer, as: UTF8.self).components(separatedBy: "archived call").count - 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let calls: Int
        do {
            let archive = try ArchiveSession.open(address: db, origin: "test")
            let listed = try archive.listCalls()
            calls = listed.count
            #expect(try archive.integrityCheck() == ["ok"])
            #expect(calls >= 40 && calls < count, "the kill came too late to test anything: \(calls) calls")
            #expect(listed.filter { $0.turns != 3 }.isEmpty)
            #expect(try archive.auditEntries().filter { $0.action == "ingest" }.count == calls)
            #expect(try archive.verifyAudit() == nil)
        }

        let resumed = try CommandRun.triage(["ingest", "--db", db, dir.file("calls")])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("ingest: \(count - calls) archived, \(calls) already present"))
    }
}
