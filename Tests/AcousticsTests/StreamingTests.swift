import Acoustics
import Foundation
import TestSupport
import Testing

/// The streaming engine gives the same values as a whole-signal run, whatever the chunk size.
@Suite struct StreamingTests {
    func signal() -> [Float] {
        var state: UInt64 = 7
        return (0..<24000).map { i in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Float(Int64(bitPattern: state >> 11) % 1000) / 100_000
            return (i / 4000 % 2 == 0 ? 0.4 * sinf(Float(i) * 0.3) : 0) + noise
        }
    }

    @Test(arguments: [1, 160, 199, 4000])
    func frameLevelsInChunksEqualTheWholeSignal(chunk: Int) {
        let x = signal()
        let layout = FrameLayout(sampleRate: 8000)
        var stream = FrameStream(layout: layout)
        var levels: [Float] = []
        for start in stride(from: 0, to: x.count, by: chunk) {
            stream.append(x[start..<min(x.count, start + chunk)]) { levels.append(FrameEnergy.level(of: $0)) }
        }
        #expect(levels == FrameEnergy.rmsDB(x, layout: layout))
    }

    @Test func episodeTrackerInChunksEqualsOneRun() {
        let x = signal()
        var chunked = EpisodeTracker(sampleRate: 8000)
        for start in stride(from: 0, to: x.count, by: 160) { chunked.append(x[start..<min(x.count, start + 160)]) }
        var whole = EpisodeTracker(sampleRate: 8000)
        whole.append(x)
        #expect(chunked.noiseFloor == whole.noiseFloor)
        #expect(chunked.summary() == whole.summary())
        #expect(chunked.audioMs == whole.audioMs)
    }

    @Test func speechActivityHoldsThroughShortGapsAndIgnoresSteadyNoise() {
        var vad = SpeechActivityDetector()
        let noise = (0..<100).map { _ in vad.isSpeech(level: -60) }
        #expect(!noise.contains(true))
        let loud = vad.isSpeech(level: -20)
        #expect(loud)
        let gap = (0..<15).map { _ in vad.isSpeech(level: -60) }
        #expect(!gap.contains(false), "held by the hangover")
        let after = (0..<30).map { _ in vad.isSpeech(level: -60) }
        #expect(after.last == false)
    }
}
