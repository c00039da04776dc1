import Acoustics
import AudioIO
import Foundation
import TriageCore

/// What the recording itself adds to a call's classification: the contraction-like episodes on the
/// caller's channel (the caller's channel by the call's channel roles, else the first or only channel).
enum RecordingAnalysis {
    static func episodes(audioPath: String, channelRoles: [Speaker]?) throws -> (info: AudioFileInfo, episodes: EpisodeSummary) {
        let file = try AudioFile(path: audioPath)
        var tracker = EpisodeTracker(sampleRate: file.info.sampleRate)
        try file.forEachBlock(channel: channelRoles?.firstIndex(of: .caller) ?? 0) { tracker.append($0) }
        return (file.info, tracker.summary())
    }
}
