import Acoustics
import AudioIO
import Foundation
import TestSupport
import Testing

/// F0 against Praat's autocorrelation pitch (parselmouth `Sound.to_pitch()`, floor 75 Hz, ceiling
/// 600 Hz, 10 ms step) on the reference excerpts in Tests/Fixtures/reference.
@Suite struct PitchTrackerTests {
    struct Agreement: CustomStringConvertible {
        var frames = 0, voicingAgree = 0, bothVoiced = 0, octaveErrors = 0
        var relativeErrors: [Double] = []
        var voicing: Double { Double(voicingAgree) / Double(max(1, frames)) }
        var medianError: Double { relativeErrors.sorted()[relativeErrors.count / 2] }
        var octave: Double { Double(octaveErrors) / Double(max(1, bothVoiced)) }
        var description: String {
            String(format: "voicing agreement %.3f over %d frames, median F0 error %.4f, octave errors %.4f over %d voiced frames",
                   voicing, frames, medianError, octave, bothVoiced)
        }
    }

    static func compare(rate: Int) throws -> Agreement {
        let samples = try AudioFile(path: Repository.fixture("reference/excerpt10_\(rate / 1000)k.wav")).readAll()
        var tracker = PitchTracker(sampleRate: rate, hop: rate / 100)
        var ours: [PitchTracker.Estimate] = []
        for start in stride(from: 0, to: samples.count, by: rate / 50) { ours += tracker.append(samples[start..<min(samples.count, start + rate / 50)]) }
        ours += tracker.finish()
        let lines = try String(contentsOfFile: Repository.fixture("reference/praat_f0_\(rate / 1000)k.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        var a = Agreement()
        for line in lines {
            let cols = line.split(separator: ",").compactMap { Double($0) }
            guard cols.count >= 2 else { continue }
            let frame = Int((cols[0] * 100).rounded())
            guard ours.indices.contains(frame) else { continue }
            let praat = cols[1], mine = ours[frame].f0
            a.frames += 1
            if (praat > 0) == (mine > 0) { a.voicingAgree += 1 }
            if praat > 0, mine > 0 {
                a.bothVoiced += 1
                let ratio = mine / praat
                a.relativeErrors.append(abs(ratio - 1))
                if abs(log2(ratio)) > 0.5 { a.octaveErrors += 1 }
            }
        }
        return a
    }

    @Test(arguments: [8000, 16000])
    func agreesWithPraat(rate: Int) throws {
        let a = try Self.compare(rate: rate)
        print("Praat pitch at \(rate) Hz: \(a)")
        #expect(a.frames > 990)
        #expect(a.voicing >= 0.90, "\(a)")
        #expect(a.medianError < 0.02, "\(a)")
        #expect(a.octave < 0.02, "\(a)")
    }

    @Test func silenceAndNoiseAreUnvoicedAndNothingIsNaN() {
        var tracker = PitchTracker(sampleRate: 8000, hop: 80)
        var out = tracker.append([Float](repeating: 0, count: 8000))
        var state: UInt64 = 1
        out += tracker.append((0..<8000).map { _ in
            state = state &* 6364136223846793005 &+ 1
            return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23) * 0.1
        })
        out += tracker.append([.nan, .infinity, 0.5])
        out += tracker.finish()
        #expect(out.count == 201)
        #expect(out.prefix(100).allSatisfy { !$0.voiced })
        #expect(out.allSatisfy { $0.f0.isFinite && $0.hnrDB.isFinite })
        #expect(Double(out.filter(\.voiced).count) / Double(out.count) < 0.1)
    }

    @Test func aToneIsVoicedAtItsFrequency() {
        var tracker = PitchTracker(sampleRate: 16000, hop: 160)
        let tone = (0..<16000).map { 0.5 * sinf(2 * .pi * 220 * Float($0) / 16000) }
        let out = tracker.append(tone) + tracker.finish()
        let middle = out[10..<90]
        #expect(middle.allSatisfy { abs($0.f0 - 220) < 1 })
        #expect(middle.allSatisfy { $0.hnrDB > 20 })
    }
}

/// Jitter and shimmer against Praat's scalars for the reference excerpts (scalars.json).
@Suite struct PerturbationTests {
    @Test(arguments: [8000, 16000])
    func jitterAndShimmerAreWithinFifteenPercentOfPraat(rate: Int) throws {
        let samples = try AudioFile(path: Repository.fixture("reference/excerpt10_\(rate / 1000)k.wav")).readAll()
        var tracker = PitchTracker(sampleRate: rate, hop: rate / 100)
        let track = (tracker.append(samples) + tracker.finish()).map(\.f0)
        let pulses = samples.withUnsafeBufferPointer { GlottalPulses.find(in: $0, sampleRate: rate, f0: track, hop: rate / 100) }
        let scalars = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repository.fixture("reference/scalars.json")))) as? [String: Any])
        let praat = try #require(scalars["praat_\(rate / 1000)k"] as? [String: Double])
        let jitter = try #require(pulses.jitterLocal), shimmer = try #require(pulses.shimmerLocal)
        let praatJitter = try #require(praat["jitter_local"]), praatShimmer = try #require(praat["shimmer_local"]), praatShimmerDB = try #require(praat["shimmer_local_dB"])
        print(String(format: "%d Hz: %d pulses (Praat %.0f); jitter %.5f (Praat %.5f), shimmer %.4f (Praat %.4f), %.3f dB (Praat %.3f)", rate, pulses.pulses.count,
                     praat["n_pulses"] ?? 0, jitter, praatJitter, shimmer.fraction, praatShimmer, shimmer.dB, praatShimmerDB))
        #expect(abs(jitter / praatJitter - 1) <= 0.15)
        #expect(abs(shimmer.fraction / praatShimmer - 1) <= 0.15)
        #expect(abs(shimmer.dB / praatShimmerDB - 1) <= 0.15)
    }
}
