import AudioIO
import Foundation

/// Writes live audio to disk as it arrives and hands each chunk on (to the live analysis).
///
/// The capture file is a WAV whose header is rewritten and synced at least every second, so a crash,
/// a `kill -9` or a power cut loses at most the last second and leaves a file libsndfile opens. A
/// journal note marks the recording as in progress until it is finished; `RecordingRecovery` finishes
/// the ones a crash left behind. Memory does not grow with the call's length.
public final class Recorder {
    /// Why the recording ended. Every ending keeps what was recorded.
    public enum Ending: Sendable, Equatable {
        /// Stopped by the user.
        case stopped
        /// A file played as a device came to its end.
        case sourceEnded
        /// The device went away mid-call.
        case deviceLost(String)
        /// The disk refused more audio (full, or a file-size limit).
        case writeFailed(String)

        /// A one-line message for the screen and the log; nil for an ordinary end.
        public var problem: String? {
            switch self {
            case .stopped, .sourceEnded: return nil
            case .deviceLost(let m): return "\(m); the recording so far is kept"
            case .writeFailed(let m): return "recording stopped: \(m); the recording so far is kept"
            }
        }
    }

    public struct Outcome: Sendable {
        public var entry: RecordingJournal.Entry
        public var frames: Int64
        public var ending: Ending
        public var durationMs: Int64 { frames * 1000 / Int64(max(1, entry.sampleRate)) }
    }

    public let input: AudioInput
    public let entry: RecordingJournal.Entry
    public let journal: RecordingJournal
    /// Audio read from the device at a time.
    public var chunkMs = 20
    /// Longest stretch of audio not yet durable on disk.
    public var commitEveryMs = 1000

    /// Prepares to record `input` into `finalPath`, journalled in `journal`.
    public init(input: AudioInput, finalPath: String, journal: RecordingJournal, startedAt: String, channelRoles: [String]?) {
        self.input = input
        self.journal = journal
        entry = RecordingJournal.Entry(pid: getpid(), capturePath: RecordingFinisher.capturePath(forFinalPath: finalPath), finalPath: finalPath,
                                       startedAt: startedAt, sampleRate: input.format.sampleRate, channels: input.format.channels,
                                       device: input.deviceName, channelRoles: channelRoles)
    }

    /// Records until `stop` is raised, the source ends, the device is lost or the disk is full.
    /// `onChunk` gets each chunk (interleaved) and the frame it starts at, on this thread.
    public func run(stop: StopSignal, onChunk: ([Float], Int64) -> Void = { _, _ in }) throws -> Outcome {
        let folder = (entry.capturePath as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try journal.begin(entry)
        let writer: AudioFileWriter
        do {
            writer = try AudioFileWriter(path: entry.capturePath, sampleRate: entry.sampleRate, channels: entry.channels, container: .wav)
            try writer.commit()
        } catch {
            journal.end(entry)
            throw error
        }
        let chunkFrames = input.format.frames(milliseconds: chunkMs)
        let commitFrames = Int64(input.format.frames(milliseconds: commitEveryMs))
        var frames: Int64 = 0
        var committed: Int64 = 0
        var ending = Ending.stopped
        while !stop.isRaised {
            let chunk: [Float]
            do { chunk = try input.read(frames: chunkFrames) } catch {
                ending = .deviceLost("\(error)")
                break
            }
            if chunk.isEmpty { ending = .sourceEnded; break }
            do {
                try writer.write(chunk)
                if writer.framesWritten - committed >= commitFrames {
                    try writer.commit()
                    committed = writer.framesWritten
                }
            } catch {
                ending = .writeFailed((error as? AudioIOError)?.description ?? "\(error)")
                break
            }
            onChunk(chunk, frames)
            frames += Int64(chunk.count / entry.channels)
        }
        input.close()
        try? writer.commit()
        try? writer.close()
        // After a failed write the header may be behind the data: make it match what is on disk.
        let onDisk = (try? WavRepair.repair(path: entry.capturePath)) ?? writer.framesWritten
        return Outcome(entry: entry, frames: onDisk, ending: ending)
    }
}
