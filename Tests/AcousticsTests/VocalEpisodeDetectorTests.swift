import Acoustics
import AudioIO
import Foundation
import TestSupport
import Testing

@Suite struct VocalEpisodeDetectorTests {
    /// One channel of a recording as samples.
    static func channel(_ path: String, _ index: Int) throws -> (samples: [Float], rate: Int) {
        let file = try AudioFile(path: path)
        let all = try file.readAll()
        let n = file.info.channels
        return (stride(from: index, to: all.count, by: n).map { all[$0] }, file.info.sampleRate)
    }

    static func recording(_ name: String) -> String { "\(Repository.root)/Recordings/\(name).flac" }

    @Test func findsBothContractionsInTheDemoLabourCall() throws {
        // da01: she goes through a 40 s contraction from about 29.5 s and a 45 s one from about 151.5 s
        // (the synthesis places them half a second to a second after her words); in between the midwife
        // looks up the record in silence.
        let (caller, rate) = try Self.channel(Self.recording("da01-veer-foerstegang"), 0)
        let summary = VocalEpisodeDetector().episodes(in: caller, sampleRate: rate)
        let sounding = summary.sustained
        #expect(sounding.count == 2)
        #expect(abs((sounding.first?.startMs ?? 0) - 29_500) <= 2_000)
        #expect(abs((sounding.first?.durationMs ?? 0) - 40_000) <= 4_000)
        #expect(abs((sounding.last?.startMs ?? 0) - 151_500) <= 2_000)
        #expect(abs((sounding.last?.durationMs ?? 0) - 45_000) <= 4_000)
        #expect(summary.episodes.contains { $0.character == .silent && $0.durationMs >= 40_000 })
        let interval = try #require(summary.intervalMinutes)
        #expect(interval > 1.8 && interval < 2.3)
    }

    @Test func oneContractionGivesNoInterval() throws {
        let (caller, rate) = try Self.channel(Self.recording("en01-labour-every-four-minutes"), 0)
        let summary = VocalEpisodeDetector().episodes(in: caller, sampleRate: rate)
        #expect(summary.sustained.count == 1)
        #expect(summary.intervalMinutes == nil)
    }

    @Test func callsWithoutContractionsHaveNoSustainedEpisodes() throws {
        for name in ["da04-groent-vand", "da07-mindre-liv", "en03-baby-gone-quiet"] {
            let (samples, rate) = try Self.channel(Self.recording(name), 0) // the caller, or the mono mix
            let summary = VocalEpisodeDetector().episodes(in: samples, sampleRate: rate)
            #expect(summary.sustained.isEmpty, "\(name)")
        }
    }

    @Test func degenerateInputGivesNoEpisodesAndNoCrash() {
        let detector = VocalEpisodeDetector()
        #expect(detector.episodes(in: [], sampleRate: 8000).episodes.isEmpty)
        #expect(detector.episodes(in: [0.5], sampleRate: 8000).episodes.isEmpty)
        #expect(detector.episodes(in: [Float](repeating: 0, count: 8000 * 120), sampleRate: 8000).episodes.isEmpty)
        var poisoned = SyntheticAudio.tone(seconds: 30)
        poisoned[100] = .nan
        poisoned[200] = .infinity
        #expect(detector.episodes(in: poisoned, sampleRate: 8000).episodes.isEmpty)
        let levels = FrameEnergy.rmsDB(poisoned, layout: FrameLayout(sampleRate: 8000))
        #expect(levels.allSatisfy { $0.isFinite })
    }
}
