import Acoustics
import Foundation
import Ingest
import TestSupport
import Testing

/// A recording's summaries, read channel by channel in blocks: the same on one thread as on several,
/// and a segment's the same as the summary of the frames inside it.
@Suite struct RecordingFeaturesTests {
    static let stereo = "\(Repository.root)/Recordings/da03-vandafgang-klart.flac"

    @Test func channelsInParallelGiveWhatOneThreadGives() throws {
        let recording = try RecordingFeatures(path: Self.stereo)
        #expect(recording.info.channels == 2)
        let one = try recording.summarise(segments: [2000..<9000], threads: 1)
        let two = try recording.summarise(segments: [2000..<9000], threads: 2)
        #expect(one.channels.map(\.summaries) == two.channels.map(\.summaries))
        #expect(one.turnTaking == two.turnTaking)
        #expect(one.turnTaking.count == 2 && one.turnTaking[0] != nil)
    }

    @Test func aSegmentIsSummarisedFromItsOwnFrames() throws {
        let recording = try RecordingFeatures(path: Self.stereo)
        let summary = try recording.summarise(segments: [2000..<9000])
        for channel in 0..<2 {
            var inside: [FrameFeatures] = [], all = 0
            try recording.forEachFrame(channel: channel) { frames in
                all += frames.count
                inside += frames.filter { (2000..<9000).contains($0.timeMs) }
            }
            #expect(summary.channels[channel].summaries[0].frames == all)
            #expect(summary.channels[channel].summaries[1] == FeatureSummary(frames: inside, hopMs: recording.hopMs))
        }
    }

    @Test func aRateTooLowToAnalyseIsAClearError() throws {
        let dir = TemporaryDirectory("low-rate")
        let path = try SyntheticAudio.write(dir.file("low.wav"), seconds: 1, rate: 1000)
        #expect(throws: IngestError.self) { try RecordingFeatures(path: path) }
    }
}
