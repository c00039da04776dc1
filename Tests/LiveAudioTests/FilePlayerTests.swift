import AudioIO
import Foundation
import LiveAudio
import Synchronization
import TestSupport
import Testing

/// An output device that keeps what it is given.
final class RecordingOutput: AudioOutput, @unchecked Sendable {
    let deviceName = "memory"
    let format: AudioStreamFormat
    let samples = Mutex<[Float]>([])
    init(format: AudioStreamFormat) { self.format = format }
    func write(_ interleaved: [Float]) throws { samples.withLock { $0 += interleaved } }
    func flush() {}
    func close() {}
}

@Suite struct FilePlayerTests {
    @Test func playsTheFileFromTheChosenPositionToItsEnd() throws {
        let dir = TemporaryDirectory("player")
        let path = dir.file("call.wav")
        try SyntheticAudio.write(path, seconds: 2, seed: 9)
        let whole = try AudioFile(path: path).readAll()
        let outputs = Mutex<[RecordingOutput]>([])
        let player = FilePlayer(latencyMs: 0) { format in
            let output = RecordingOutput(format: format)
            outputs.withLock { $0.append(output) }
            return output
        }
        try player.play(path: path, fromMs: 500)
        let deadline = Date().addingTimeInterval(10)
        while player.positionMs != nil, Date() < deadline { usleep(10_000) }
        #expect(player.positionMs == nil, "finished")
        let played = try #require(outputs.withLock { $0.first }).samples.withLock { $0 }
        #expect(played == Array(whole[4000...]))
    }

    @Test func noOutputDeviceIsAClearErrorAtTheKeyPress() throws {
        let dir = TemporaryDirectory("player-none")
        let path = dir.file("call.wav")
        try SyntheticAudio.write(path, seconds: 1, seed: 2)
        let player = FilePlayer { _ in throw AudioDeviceError.noServer(reason: "Connection refused") }
        #expect(throws: AudioDeviceError.noServer(reason: "Connection refused")) { try player.play(path: path, fromMs: 0) }
        #expect(player.positionMs == nil)
        #expect("\(AudioDeviceError.noServer(reason: "Connection refused"))".hasPrefix("no audio device:"))
    }
}
