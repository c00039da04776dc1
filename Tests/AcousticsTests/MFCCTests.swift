import Acoustics
import AudioIO
import Foundation
import TestSupport
import Testing

/// MFCC against librosa's own output on the reference excerpts (Tests/Fixtures/reference, from shared/reference).
@Suite struct MFCCTests {
    static func reference(_ name: String) throws -> [[Float]] {
        let text = try String(contentsOfFile: Repository.fixture("reference/\(name)"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in line.split(separator: ",").dropFirst().compactMap { Float($0) } }
    }

    @Test(arguments: [(8000, "8k", 256, 200, 80), (16000, "16k", 512, 400, 160)])
    func matchesLibrosaFrameForFrame(rate: Int, tag: String, fft: Int, window: Int, hop: Int) throws {
        let file = try AudioFile(path: Repository.fixture("reference/excerpt10_\(tag).wav"))
        #expect(file.info.sampleRate == rate)
        let ours = MFCC(sampleRate: rate, fftSize: fft, window: window, hop: hop, melBands: 40, coefficients: 13).compute(try file.readAll())
        let theirs = try Self.reference("librosa_mfcc13_\(tag).csv")
        #expect(ours.count == theirs.count && ours.count == 1001)
        var differences: [Float] = []
        for (a, b) in zip(ours, theirs) { for (x, y) in zip(a, b) { differences.append(abs(x - y)) } }
        differences.sort()
        let median = differences[differences.count / 2], p99 = differences[differences.count * 99 / 100]
        #expect(median < 0.01, "median |difference| \(median)")
        #expect(p99 < 0.1, "99th percentile |difference| \(p99)")
    }

    @Test func defaultFramingIs25msEvery10ms() {
        let m = MFCC(sampleRate: 8000)
        #expect(m.fftSize == 256 && m.window == 200 && m.hop == 80)
        #expect(MFCC(sampleRate: 44100).fftSize == 2048)
    }

    @Test func silenceAndPoisonedInputGiveFiniteCoefficients() {
        let m = MFCC(sampleRate: 8000)
        #expect(m.compute([]).isEmpty)
        var samples = [Float](repeating: 0, count: 8000)
        samples[10] = .nan
        samples[20] = .infinity
        let out = m.compute(samples)
        #expect(out.count == 101 && out.allSatisfy { $0.allSatisfy { $0.isFinite } })
    }
}
