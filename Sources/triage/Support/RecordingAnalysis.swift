import Acoustics
import AudioIO
import Foundation
import TriageCore

/// What the recording itself adds to a call's classification: the contraction-like episodes on the
/// caller's channel (the caller's channel by the call's channel roles, else the first or only channel).
enum RecordingAnalysis {
    static func episodes(audioPath: String, channelRoles: [Speaker]?) throws -> (info: AudioFileInfo, episodes: EpisodeSummary) {
        let file = try AudioFile(path: audioPath)
        let samples = try file.readChannel(channelRoles?.firstIndex(of: .caller) ?? 0)
        return (file.info, VocalEpisodeDetector().episodes(in: samples, sampleRate: file.info.sampleRate))
    }
}
