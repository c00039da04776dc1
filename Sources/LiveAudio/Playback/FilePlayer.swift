import AudioIO
import Foundation
import Synchronization

/// Plays a recording from a position through an audio output on a thread of its own (the label
/// screen's play/pause/seek). The output is opened for each play, so a desk without a device gets a
/// clear error at the key press, and one that appears later works without a restart.
public final class FilePlayer: Sendable {
    private struct Playing: Sendable {
        var generation = 0
        var fromMs = 0
        var framesPlayed: Int64 = 0
        var sampleRate = 8000
        var finished = true
    }

    private let makeOutput: @Sendable (AudioStreamFormat) throws -> AudioOutput
    private let state = Mutex(Playing())
    /// Milliseconds of audio queued in the output ahead of what is heard.
    public let latencyMs: Int

    public init(latencyMs: Int = 100, makeOutput: @escaping @Sendable (AudioStreamFormat) throws -> AudioOutput) {
        self.latencyMs = latencyMs
        self.makeOutput = makeOutput
    }

    /// Plays `path` from `fromMs`, stopping what played before. Throws when the file or the output fails.
    public func play(path: String, fromMs: Int) throws {
        stop()
        let file = try AudioFile(path: path)
        let format = AudioStreamFormat(sampleRate: file.info.sampleRate, channels: file.info.channels)
        let output = try makeOutput(format)
        try file.seek(toFrame: Int64(fromMs) * Int64(format.sampleRate) / 1000)
        let generation = state.withLock { s -> Int in
            s.generation += 1
            s = Playing(generation: s.generation, fromMs: fromMs, framesPlayed: 0, sampleRate: format.sampleRate, finished: false)
            return s.generation
        }
        let box = UncheckedBox((file, output))
        let thread = Thread { [self] in
            let (file, output) = box.value
            var chunk: [Float] = []
            let frames = format.frames(milliseconds: 50)
            while self.state.withLock({ $0.generation == generation }) {
                guard let n = try? file.read(into: &chunk, maxFrames: frames), n > 0 else { break }
                do { try output.write(Array(chunk[0..<(n * format.channels)])) } catch { break }
                self.state.withLock { s in if s.generation == generation { s.framesPlayed += Int64(n) } }
            }
            if self.state.withLock({ $0.generation != generation }) { output.flush() }
            output.close()
            self.state.withLock { s in if s.generation == generation { s.finished = true } }
        }
        thread.name = "playback"
        thread.start()
    }

    /// Stops playback at once (what is queued is dropped).
    public func stop() {
        state.withLock { s in
            s.generation += 1
            s.finished = true
        }
    }

    /// Where playback is (what is heard), nil when stopped or at the end.
    public var positionMs: Int? {
        state.withLock { s in
            guard !s.finished else { return nil }
            return max(s.fromMs, s.fromMs + Int(s.framesPlayed * 1000 / Int64(max(1, s.sampleRate))) - latencyMs)
        }
    }
}

/// Hands values that are used by one thread at a time to that thread.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
