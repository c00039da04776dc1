import Acoustics
import AudioIO
import Foundation
import TriageCore

/// What the recording itself adds to a call's classification: the contraction-like episodes on the
/// caller's channel (the caller's channel by the call's channel roles, else the first or only channel).
enum RecordingAnalysis {
    static func episodes(audioPath: String, channelRoles: [Speaker]?) throws -> (info: AudioFileInfo, episodes: EpisodeSummary) {
        let file = try AudioFile(path: audioPath)
        let channels = file.info.channels
        let caller = channelRoles?.firstIndex(of: .caller) ?? 0
        var samples: [Float] = []
        samples.reserveCapacity(Int(file.info.frames))
        var chunk: [Float] = []
        while true {
            let n = try file.read(into: &chunk, maxFrames: 65536)
            if n == 0 { break }
            for i in 0..<n { samples.append(chunk[i * channels + min(caller, channels - 1)]) }
        }
        return (file.info, VocalEpisodeDetector().episodes(in: samples, sampleRate: file.info.sampleRate))
    }
}
