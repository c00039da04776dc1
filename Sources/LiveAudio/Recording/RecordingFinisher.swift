import AudioIO
import Foundation
import TriageCore

/// Turns a capture file into the finished recording: the WAV as it is, or encoded to FLAC next to it
/// (written to a temporary name, synced, then renamed, so the finished file is whole or absent).
/// The capture file is removed only after the FLAC file is safely in place.
public enum RecordingFinisher {
    /// Finishes `entry`'s recording and returns the path of the file to archive. When encoding fails
    /// (a full disk), the WAV capture is kept and returned instead: the recording is never lost.
    public static func finish(_ entry: RecordingJournal.Entry) -> (path: String, warning: String?) {
        guard entry.finalPath != entry.capturePath else { return (entry.capturePath, nil) }
        let temporary = entry.finalPath + ".partial"
        do {
            let source = try AudioFile(path: entry.capturePath)
            let writer = try AudioFileWriter(path: temporary, sampleRate: source.info.sampleRate, channels: source.info.channels,
                                             container: AudioFileWriter.Container(path: entry.finalPath))
            var chunk: [Float] = []
            while true {
                let n = try source.read(into: &chunk, maxFrames: 32768)
                if n == 0 { break }
                try writer.write(Array(chunk[0..<(n * source.info.channels)]))
            }
            try writer.close()
            do {
                try DurableFile.sync(temporary)
                try DurableFile.rename(temporary, to: entry.finalPath)
            } catch { throw AudioIOError.writeFailed(path: error.path, reason: error.reason) }
            try? FileManager.default.removeItem(atPath: entry.capturePath)
            return (entry.finalPath, nil)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return (entry.capturePath, "kept the recording as \(entry.capturePath): encoding \(entry.finalPath) failed (\(error))")
        }
    }

    /// The capture file for a finished path: the path itself for WAV, else `NAME.recording.wav` beside it.
    public static func capturePath(forFinalPath path: String) -> String {
        if AudioFileWriter.Container(path: path) == .wav { return path }
        return ((path as NSString).deletingPathExtension) + ".recording.wav"
    }
}
