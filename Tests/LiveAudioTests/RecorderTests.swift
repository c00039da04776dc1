import AudioIO
import Foundation
import LiveAudio
import TestSupport
import Testing

/// A capture device under the test's control, as swift-nio's embedded channel is: it hands out a
/// scripted signal chunk by chunk and can be made to vanish after a number of chunks.
final class ScriptedInput: AudioInput {
    let deviceName = "scripted"
    let format: AudioStreamFormat
    private var samples: [Float]
    private var position = 0
    var loseAfterChunks: Int?
    private(set) var chunksRead = 0

    init(samples: [Float], format: AudioStreamFormat) { self.samples = samples; self.format = format }

    func read(frames: Int) throws -> [Float] {
        if let loseAfterChunks, chunksRead >= loseAfterChunks { throw AudioDeviceError.lost(device: deviceName, reason: "unplugged") }
        chunksRead += 1
        let end = min(samples.count, position + frames * format.channels)
        defer { position = end }
        return Array(samples[position..<end])
    }

    func close() {}
}

@Suite struct RecorderTests {
    let format = AudioStreamFormat(sampleRate: 8000, channels: 1)

    func tone(seconds: Double) -> [Float] {
        (0..<Int(seconds * 8000)).map { 0.3 * sinf(2 * .pi * 440 * Float($0) / 8000) }
    }

    @Test func recordsEverySampleAndForgetsTheJournalNoteWhenFinished() throws {
        let dir = TemporaryDirectory("recorder")
        let journal = RecordingJournal(folder: dir.file(".journal"))
        let input = ScriptedInput(samples: tone(seconds: 2.5), format: format)
        let recorder = Recorder(input: input, finalPath: dir.file("call.flac"), journal: journal, startedAt: "2026-03-14T02:17:00+01:00", channelRoles: nil)
        var handedOn = 0
        let outcome = try recorder.run(stop: StopSignal()) { chunk, _ in handedOn += chunk.count }
        #expect(outcome.ending == .sourceEnded)
        #expect(outcome.frames == 20000)
        #expect(handedOn == 20000)
        #expect(outcome.entry.capturePath == dir.file("call.recording.wav"))
        let finished = RecordingFinisher.finish(outcome.entry)
        #expect(finished.path == dir.file("call.flac"))
        #expect(finished.warning == nil)
        let file = try AudioFile(path: finished.path)
        #expect(file.info.frames == 20000)
        #expect(!FileManager.default.fileExists(atPath: dir.file("call.recording.wav")))
        journal.end(outcome.entry)
        #expect(journal.orphans().isEmpty)
    }

    @Test func aLostDeviceEndsTheRecordingAndKeepsWhatCameBefore() throws {
        let dir = TemporaryDirectory("recorder-lost")
        let input = ScriptedInput(samples: tone(seconds: 10), format: format)
        input.loseAfterChunks = 100 // two seconds of 20 ms chunks
        let recorder = Recorder(input: input, finalPath: dir.file("lost.wav"), journal: RecordingJournal(folder: dir.file(".journal")),
                                startedAt: "2026-03-14T02:17:00", channelRoles: nil)
        let outcome = try recorder.run(stop: StopSignal())
        #expect(outcome.ending == .deviceLost("audio device scripted was lost: unplugged"))
        #expect(outcome.ending.problem?.hasSuffix("the recording so far is kept") == true)
        #expect(outcome.frames == 16000)
        #expect(try AudioFile(path: dir.file("lost.wav")).info.frames == 16000)
    }

    @Test func aStopSignalEndsTheRecordingAtTheNextChunk() throws {
        let dir = TemporaryDirectory("recorder-stop")
        let stop = StopSignal()
        let recorder = Recorder(input: ScriptedInput(samples: tone(seconds: 10), format: format), finalPath: dir.file("s.wav"),
                                journal: RecordingJournal(folder: dir.file(".journal")), startedAt: "2026-03-14T02:17:00", channelRoles: nil)
        let outcome = try recorder.run(stop: stop) { _, frame in if frame >= 8000 { stop.raise() } }
        #expect(outcome.ending == .stopped)
        #expect(outcome.frames == 8160)
    }

    @Test func aNoteWhoseRecorderIsGoneIsAnOrphan() throws {
        let dir = TemporaryDirectory("journal")
        let journal = RecordingJournal(folder: dir.path)
        let alive = RecordingJournal.Entry(pid: getppid(), capturePath: "/x/a.wav", finalPath: "/x/a.wav", startedAt: "2026-03-14T02:17:00",
                                           sampleRate: 8000, channels: 1, device: "d", channelRoles: nil)
        var dead = alive
        dead.pid = Int32.max - 1
        dead.capturePath = "/x/b.wav"
        try journal.begin(alive)
        try journal.begin(dead)
        #expect(journal.orphans() == [dead])
    }
}

@Suite struct WavRepairTests {
    @Test func aWavCutOffMidWriteIsMadeWholeWithEveryCompleteFrame() throws {
        let dir = TemporaryDirectory("repair")
        let path = dir.file("cut.wav")
        let writer = try AudioFileWriter(path: path, sampleRate: 8000, channels: 2, container: .wav)
        try writer.write([Float](repeating: 0.25, count: 2 * 4000))
        try writer.commit() // the header says 4000 frames
        try writer.write([Float](repeating: -0.25, count: 2 * 3000))
        // Simulate a kill: append half a frame of garbage past the last write, and never close.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data([1, 2]))
        try handle.close()
        #expect(try AudioFile(path: path).info.frames == 4000)
        let frames = try WavRepair.repair(path: path)
        #expect(frames == 7000)
        let repaired = try AudioFile(path: path)
        #expect(repaired.info.frames == 7000)
        try repaired.validate()
        let samples = try repaired.readAll()
        #expect(abs(samples[2 * 6999] + 0.25) < 0.001)
    }

    @Test func somethingThatIsNotAWavIsRefusedByName() throws {
        let dir = TemporaryDirectory("repair-bad")
        let path = try dir.write("notes.wav", "not audio at all")
        #expect(throws: WavRepair.Problem.self) { try WavRepair.repair(path: path) }
        #expect((try? WavRepair.repair(path: path)) == nil)
    }
}

@Suite struct FileInputTests {
    @Test func aFilePlayedAsADeviceDeliversItsSamplesInChunksOnItsClock() throws {
        let dir = TemporaryDirectory("file-input")
        let path = dir.file("in.wav")
        try SyntheticAudio.write(path, seconds: 1, seed: 3)
        let pacer = ImmediatePacer()
        let input = try FileInput(path: path, pacer: pacer)
        let whole = try AudioFile(path: path).readAll()
        var got: [Float] = []
        while true {
            let chunk = try input.read(frames: input.format.frames(milliseconds: 20))
            if chunk.isEmpty { break }
            got += chunk
        }
        #expect(got == whole)
        #expect(pacer.audioMs == 1000)
    }

    @Test func devicesAreChosenByNameOrByTheServersDefault() throws {
        let list = AudioDeviceList(server: "test", devices: [
            AudioDevice(kind: .input, name: "alsa_input.usb-Desk_Phone", description: "Desk phone", sampleRate: 16000, channels: 2),
            AudioDevice(kind: .input, name: "alsa_input.pci.analog", description: "Built-in", sampleRate: 48000, channels: 2, isDefault: true),
            AudioDevice(kind: .output, name: "desk", description: "Null", sampleRate: 8000, channels: 1, isDefault: true),
        ])
        #expect(try list.input(named: nil).name == "alsa_input.pci.analog")
        #expect(try list.input(named: "desk phone").sampleRate == 16000)
        #expect(try list.output(named: nil).name == "desk")
        #expect(throws: AudioDeviceError.noDevice(name: "headset", known: ["alsa_input.usb-Desk_Phone", "alsa_input.pci.analog"])) {
            try list.input(named: "headset")
        }
    }
}
