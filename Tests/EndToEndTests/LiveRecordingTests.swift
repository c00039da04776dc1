import AudioIO
import Foundation
import Archive
import LiveAudio
import TestSupport
import Testing

/// Live recording through a real PulseAudio server with a null sink (started by the test, as the user):
/// a demo call played with paplay is recorded from the sink's monitor; a recorder killed with SIGKILL
/// leaves a file that opens and is recovered into the archive; a vanished device and a full disk keep
/// what was recorded; no server gives one clear line.
@Suite(.serialized) struct LiveRecordingTests {
    static let source = "\(Repository.root)/Recordings/da04-groent-vand.flac"

    func triage(_ args: [String], env: [String: String] = [:], timeout: TimeInterval = 60) throws -> (status: Int32, output: String) {
        var environment = env
        environment["TRIAGE_TAXONOMY"] = Repository.taxonomy
        return try Tools.run(Repository.executable, args, timeout: timeout, environment: environment)
    }

    @Test func recordsADemoCallPlayedIntoANullSink() throws {
        let server = try PulseServer()
        let dir = TemporaryDirectory("live")
        let devices = try triage(["devices"], env: server.environment)
        #expect(devices.status == 0, "\(devices.output)")
        #expect(devices.output.contains("desk.monitor"))

        let out = dir.file("rec.flac")
        let recorder = try Tools.spawn(Repository.executable, ["record", "--db", dir.file("t.sqlite"), "--device", "desk.monitor", "--seconds", "8", "--out", out],
                                       outputPath: dir.file("record.log"), environment: server.environment.merging(["TRIAGE_TAXONOMY": Repository.taxonomy]) { $1 })
        usleep(1_000_000)
        let player = try Tools.spawn("/usr/bin/paplay", ["-d", server.sink, Self.source], outputPath: dir.file("paplay.log"), environment: server.environment)
        let status = Tools.wait(recorder, timeout: 30)
        kill(player, SIGKILL); Tools.wait(player, timeout: 5)
        let log = (try? String(contentsOfFile: dir.file("record.log"), encoding: .utf8)) ?? ""
        #expect(status == 0, "\(log)")
        #expect(log.contains("archived as call 1"), "\(log)")

        let recording = try AudioFile(path: out)
        #expect(abs(Double(recording.info.frames) / 8000 - 8) < 0.05, "recorded \(recording.info.frames) frames")
        let recorded = try recording.readAll()
        let original = try AudioFile(path: Self.source).readAll()
        // Four seconds from the middle of what was played, found in the recording.
        let match = SignalMatch.best(of: Array(original[12000..<44000]), in: recorded, sampleRate: 8000)
        #expect(match.correlation > 0.95, "correlation \(match.correlation) at lag \(match.lag)")
    }

    @Test func theLabelScreensPlayerPlaysThroughTheSameBackEnd() throws {
        let server = try PulseServer()
        let dir = TemporaryDirectory("playback")
        let out = dir.file("heard.wav")
        let recorder = try Tools.spawn(Repository.executable, ["record", "--db", dir.file("t.sqlite"), "--device", "desk.monitor", "--seconds", "5",
                                                               "--no-archive", "--out", out],
                                       outputPath: dir.file("record.log"), environment: server.environment.merging(["TRIAGE_TAXONOMY": Repository.taxonomy]) { $1 })
        usleep(800_000)
        // The player in this process talks to the test's server.
        setenv("PULSE_SERVER", server.environment["PULSE_SERVER"] ?? "", 1)
        defer { unsetenv("PULSE_SERVER") }
        let sink = server.sink
        let player = FilePlayer { format in try PulseOutput(device: sink, format: format) }
        try player.play(path: Self.source, fromMs: 2000)
        usleep(500_000)
        #expect((player.positionMs ?? 0) >= 2000)
        let status = Tools.wait(recorder, timeout: 30)
        player.stop()
        #expect(status == 0, "\((try? String(contentsOfFile: dir.file("record.log"), encoding: .utf8)) ?? "")")
        let heard = try AudioFile(path: out).readAll()
        let original = try AudioFile(path: Self.source).readAll()
        // Three seconds from 2.5 s into the call (what was played from 2 s on) are found in what was heard.
        let match = SignalMatch.best(of: Array(original[20000..<44000]), in: heard, sampleRate: 8000)
        #expect(match.correlation > 0.95, "correlation \(match.correlation)")
    }

    @Test func aRecorderKilledMidCallLeavesAFileThatOpensAndIsRecovered() throws {
        let dir = TemporaryDirectory("killed-recorder")
        let db = dir.file("t.sqlite")
        let capture = dir.file("k.recording.wav")
        let recorder = try Tools.spawn(Repository.executable, ["record", "--db", db, "--from", Self.source, "--realtime", "--out", dir.file("k.flac")],
                                       outputPath: dir.file("record.log"), environment: ["TRIAGE_TAXONOMY": Repository.taxonomy])
        // Let it record about three seconds, then kill it without warning.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: capture)[.size] as? Int) ?? 0) < 44 + 16000 * 3 { usleep(20_000) }
        kill(recorder, SIGKILL)
        #expect(Tools.wait(recorder, timeout: 5) == nil, "the recorder died of the signal")

        let onDisk = (((try FileManager.default.attributesOfItem(atPath: capture)[.size] as? Int) ?? 0) - 44) / 2
        let file = try AudioFile(path: capture)
        #expect(file.info.frames >= 8000 * 2)
        #expect(Int64(onDisk) - file.info.frames <= 8000, "the header lags the audio by \(Int64(onDisk) - file.info.frames) frames")
        let kept = file.info.frames

        let recovered = try triage(["recover", "--db", db])
        #expect(recovered.status == 0, "\(recovered.output)")
        #expect(recovered.output.contains("recovered a recording that was cut off"), "\(recovered.output)")
        #expect(!FileManager.default.fileExists(atPath: capture))
        let finished = try AudioFile(path: dir.file("k.flac"))
        #expect(finished.info.frames >= kept)
        let archived = try ArchiveSession.open(address: db, origin: "test").listCalls().first
        let (path, duration) = (archived?.path, archived?.durationMs)
        #expect(path?.hasSuffix("k.flac") == true)
        #expect((duration ?? 0) >= Int(kept / 8))
        // A second start finds nothing more to do.
        #expect(try triage(["recover", "--db", db]).output.contains("no cut-off recordings"))
    }

    @Test func aDeviceThatDisappearsMidCallKeepsTheRecording() throws {
        let server = try PulseServer()
        let dir = TemporaryDirectory("lost-device")
        let recorder = try Tools.spawn(Repository.executable, ["record", "--db", dir.file("t.sqlite"), "--device", "desk.monitor", "--out", dir.file("lost.wav")],
                                       outputPath: dir.file("record.log"), environment: server.environment.merging(["TRIAGE_TAXONOMY": Repository.taxonomy]) { $1 })
        // A null sink's monitor delivers audio while something plays into it.
        let player = try Tools.spawn("/usr/bin/paplay", ["-d", server.sink, Self.source], outputPath: dir.file("paplay.log"), environment: server.environment)
        usleep(3_000_000)
        server.stop()
        Tools.wait(player, timeout: 5)
        let status = Tools.wait(recorder, timeout: 20)
        let log = (try? String(contentsOfFile: dir.file("record.log"), encoding: .utf8)) ?? ""
        #expect(status == 1, "\(log)")
        #expect(log.contains("audio device desk.monitor was lost"), "\(log)")
        #expect(log.contains("the recording so far is kept"), "\(log)")
        #expect(log.contains("archived as call 1"), "\(log)")
        #expect(try AudioFile(path: dir.file("lost.wav")).info.frames >= 8000)
        let logged = try String(contentsOfFile: dir.file("recordings/recording.log"), encoding: .utf8)
        #expect(logged.contains("was lost"))
    }

    @Test func aFullDiskStopsTheRecordingAndKeepsWhatWasWritten() throws {
        let dir = TemporaryDirectory("full-disk")
        // A file-size limit (200 blocks) stands in for a disk that fills after a few seconds of audio.
        let db = dir.file("t.sqlite")
        #expect(try triage(["recover", "--db", db]).status == 0) // the archive exists before the disk fills
        let command = "ulimit -f 200; exec '\(Repository.executable)' record --db '\(db)' --no-archive --from '\(Self.source)' --out '\(dir.file("full.wav"))'"
        let run = try Tools.run("/bin/sh", ["-c", command], timeout: 60, environment: ["TRIAGE_TAXONOMY": Repository.taxonomy])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("recording stopped"), "\(run.output)")
        #expect(run.output.contains("File too large"), "\(run.output)")
        let kept = try AudioFile(path: dir.file("full.wav"))
        #expect(kept.info.frames > 8000)
        try kept.validate()
    }

    @Test func noSoundServerGivesOneClearLine() throws {
        let dir = TemporaryDirectory("no-device")
        let env = ["PULSE_SERVER": "unix:\(dir.file("nothing-here"))", "HOME": dir.path]
        let record = try triage(["record", "--db", dir.file("t.sqlite"), "--seconds", "1"], env: env)
        #expect(record.status == 1)
        #expect(record.output.contains("no audio device: no sound server answers"), "\(record.output)")
        #expect(record.output.split(separator: "\n").count == 1, "\(record.output)")
        let devices = try triage(["devices"], env: env)
        #expect(devices.status == 1)
    }

    @Test func aLiveTranscriptFromAStandInRecogniserFillsTheSuggestion() throws {
        let dir = TemporaryDirectory("live-transcript")
        let fifo = dir.file("recogniser.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let transcript = "\(Repository.root)/Recordings/da04-groent-vand.vtt"
        let speed = "6"
        let recogniser = try Tools.spawn("/usr/bin/python3", [Repository.fixture("tools/standin_recogniser.py"), transcript, fifo, "--speed", speed],
                                         outputPath: dir.file("recogniser.log"))
        let db = dir.file("t.sqlite")
        let run = try triage(["record", "--db", db, "--from", Self.source, "--realtime", "--speed", speed, "--transcript-from", fifo,
                              "--out", dir.file("live.flac")], timeout: 60)
        Tools.wait(recogniser, timeout: 10)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("suggestion: attend_now"), "\(run.output)")
        let archive = try ArchiveSession.open(address: db, origin: "test")
        let call = try #require(try archive.listCalls().first)
        let (turns, disposition) = (call.turns, try archive.latestAssessment(ofCall: call.id)?.record.disposition.rawValue)
        let expectedTurns = try String(contentsOfFile: transcript, encoding: .utf8).components(separatedBy: "-->").count - 1
        #expect(turns == expectedTurns)
        #expect(disposition == "attend_now")
        #expect(FileManager.default.fileExists(atPath: dir.file("live.vtt")))
    }
}
