import Acoustics
import AudioIO
import Foundation
import TestSupport
import Testing

/// The feature engine: every descriptor the same in chunks as in one run, MFCC as librosa and as
/// python_speech_features (HTK conventions) make them, RMS as librosa's, and no NaN from bad input.
@Suite struct FeatureExtractorTests {
    static func excerpt(_ rate: Int) throws -> [Float] {
        try AudioFile(path: Repository.fixture("reference/excerpt10_\(rate / 1000)k.wav")).readAll()
    }

    static func run(_ samples: [Float], _ settings: FeatureSettings, chunk: Int? = nil) -> [FrameFeatures] {
        let engine = FeatureExtractor(settings: settings)
        var out: [FrameFeatures] = []
        if let chunk {
            for start in stride(from: 0, to: samples.count, by: chunk) { out += engine.append(samples[start..<min(samples.count, start + chunk)]) }
        } else {
            out += engine.append(samples)
        }
        return out + engine.finish()
    }

    static func differences(_ ours: [[Float]], _ theirs: [[Float]]) -> (median: Float, p99: Float) {
        var d: [Float] = []
        for (a, b) in zip(ours, theirs) { for (x, y) in zip(a, b) { d.append(abs(x - y)) } }
        d.sort()
        return (d[d.count / 2], d[d.count * 99 / 100])
    }

    @Test(arguments: [8000, 16000])
    func librosaStyleMFCCAndRMSMatchLibrosa(rate: Int) throws {
        let frames = Self.run(try Self.excerpt(rate), FeatureSettings(sampleRate: rate))
        let mfcc = try MFCCTests.reference("librosa_mfcc13_\(rate / 1000)k.csv")
        #expect(frames.count == mfcc.count)
        let (median, p99) = Self.differences(frames.map(\.mfcc), mfcc)
        #expect(median < 0.01 && p99 < 0.1, "median \(median), p99 \(p99)")
        #expect(frames[7].timeMs == 70)
        let rms = try MFCCTests.reference("librosa_rms_\(rate / 1000)k.csv").map { [20 * log10f(max($0.first ?? 0, 1e-6))] }
        let (rmsMedian, _) = Self.differences(frames.map { [$0.rmsDB] }, rms)
        #expect(rmsMedian < 0.01, "RMS dB median difference \(rmsMedian)")
    }

    @Test(arguments: [8000, 16000])
    func htkStyleMatchesPythonSpeechFeatures(rate: Int) throws {
        var settings = FeatureSettings(sampleRate: rate)
        settings.style = .htk
        let frames = Self.run(try Self.excerpt(rate), settings)
        let reference = try MFCCTests.reference("psf_htk_mfcc13_\(rate / 1000)k.csv")
        #expect(frames.count == reference.count)
        let (median, p99) = Self.differences(frames.map(\.mfcc), reference)
        #expect(median < 0.01 && p99 < 0.1, "median \(median), p99 \(p99)")
        #expect(frames[0].timeMs == 12)
    }

    @Test(arguments: [true, false])
    func chunksOfTwentyMillisecondsGiveTheWholeFilesValues(wholeSignalFloor: Bool) throws {
        var settings = FeatureSettings(sampleRate: 8000)
        settings.wholeSignalFloor = wholeSignalFloor
        let samples = try Self.excerpt(8000)
        let whole = Self.run(samples, settings)
        let chunked = Self.run(samples, settings, chunk: 160)
        let odd = Self.run(samples, settings, chunk: 37)
        #expect(whole.count == 1001)
        for other in [chunked, odd] {
            #expect(other.count == whole.count)
            let first = other.indices.first { $0 < whole.count && other[$0] != whole[$0] }
            #expect(first == nil, "first different frame \(first ?? -1): \(first.map { zip(other[$0].values, whole[$0].values).enumerated().filter { $1.0 != $1.1 }.map { "\(FrameFeatures.columns(coefficients: 13)[$0.offset]) \($0.element.0) vs \($0.element.1)" } } ?? [])")
        }
        #expect(whole.contains { $0.voiced } && whole.contains { $0.jitterLocal > 0 } && whole.contains { $0.speech })
    }

    @Test func liveModeKeepsMemoryBoundedAndFramesFlowWhileTheSignalRuns() throws {
        var settings = FeatureSettings(sampleRate: 8000)
        settings.wholeSignalFloor = false
        let engine = FeatureExtractor(settings: settings)
        let samples = try Self.excerpt(8000)
        var emitted = 0
        for start in stride(from: 0, to: samples.count, by: 160) {
            emitted += engine.append(samples[start..<min(samples.count, start + 160)]).count
        }
        // Frames leave about half a second (the pitch path's lag) behind the audio.
        #expect(emitted > 1001 - 80)
    }

    @Test func badInputGivesDefinedFramesWithoutNaN() {
        let settings = FeatureSettings(sampleRate: 8000)
        var poisoned = [Float](repeating: 0, count: 4000)
        poisoned[100] = .nan; poisoned[200] = .infinity; poisoned[300] = -.infinity
        let clipped = (0..<8000).map { i -> Float in sinf(Float(i) * 0.2) > 0 ? 1 : -1 }
        let dc = [Float](repeating: 0.5, count: 8000)
        for signal in [[], [0.3], [Float](repeating: 0, count: 8000), poisoned, clipped, dc] {
            let frames = Self.run(signal, settings)
            #expect(frames.count == (signal.isEmpty ? 0 : 1 + signal.count / 80))
            #expect(frames.allSatisfy { $0.values.allSatisfy(\.isFinite) })
        }
        #expect(Self.run([Float](repeating: 0, count: 8000), settings).allSatisfy { !$0.voiced && !$0.speech })
    }
}
