@testable import Acoustics
import AudioIO
import Foundation
import TestSupport
import Testing

/// The summaries a long call gets in bounded memory (frames spilled to disk, columns summarised one at a
/// time, percentiles by selection) are exactly those of the frames summarised all at once.
@Suite struct BoundedMemorySummaryTests {
    /// A small deterministic generator, so that every run tests the same frames.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        mutating func float(_ range: ClosedRange<Float>) -> Float { range.lowerBound + Float(next() % 10_000) / 10_000 * (range.upperBound - range.lowerBound) }
    }

    /// Frames with speech and voicing in runs, and values with many ties (jitter 0 in most frames).
    static func frames(_ count: Int, seed: UInt64) -> [FrameFeatures] {
        var g = Generator(state: seed | 1)
        var speech = false, voiced = false
        return (0..<count).map { i in
            if g.next() % 40 == 0 { speech.toggle() }
            if g.next() % 15 == 0 { voiced.toggle() }
            let v = speech && voiced
            return FrameFeatures(timeMs: i * 10, rmsDB: g.float(-90...0), loudness: g.float(0...30), zcr: g.float(0...1),
                                 spectralCentroidHz: g.float(100...3000), spectralFlux: g.float(0...1), spectralRolloffHz: g.float(100...3900),
                                 spectralFlatness: g.float(0...1), mfcc: (0..<13).map { _ in g.float(-50...50) },
                                 mfccDelta: (0..<13).map { _ in Float(Int(g.float(-3...3))) }, f0Hz: v ? Float(150 + g.next() % 100) : 0, voiced: v,
                                 hnrDB: v ? g.float(0...20) : 0, jitterLocal: v && g.next() % 3 == 0 ? g.float(0...0.05) : 0,
                                 shimmerLocalDB: v ? g.float(0...2) : 0, speech: speech)
        }
    }

    /// The summary as it was computed before streaming: every frame in memory, sorted columns.
    static func reference(_ frames: [FrameFeatures], hopMs: Double) -> (descriptors: [(String, [Double])], speechRatio: Double, pauses: Int, meanPause: Double, rate: Double) {
        let columns = FrameFeatures.columns(coefficients: 13)
        let voicedOnly: Set<String> = ["f0_hz", "hnr_db", "jitter_local", "shimmer_local_db"]
        var descriptors: [(String, [Double])] = []
        for (c, name) in columns.enumerated() where !["time_ms", "voiced", "speech"].contains(name) {
            let chosen = frames.filter { voicedOnly.contains(name) ? $0.voiced : $0.speech }
            let values = chosen.map { $0.values[c] }, times = chosen.map { Double($0.timeMs) / 1000 }
            guard !values.isEmpty else { descriptors.append((name, [0, 0, 0, 0, 0, 0, 0])); continue }
            let n = Double(values.count), mean = values.reduce(0, +) / n
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
            let sorted = values.sorted()
            func p(_ q: Double) -> Double {
                let position = q * Double(sorted.count - 1), lower = Int(position.rounded(.down)), upper = min(sorted.count - 1, lower + 1)
                return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
            }
            let tMean = times.reduce(0, +) / n
            var sxy = 0.0, sxx = 0.0
            for (x, y) in zip(times, values) { sxy += (x - tMean) * (y - mean); sxx += (x - tMean) * (x - tMean) }
            descriptors.append((name, [mean, variance.squareRoot(), p(0.2), p(0.5), p(0.8), (sorted.last ?? 0) - (sorted.first ?? 0), sxx > 0 ? sxy / sxx : 0]))
        }
        var pauses: [Int] = [], run = 0, seen = false
        for f in frames {
            if f.speech {
                if seen, Double(run) * hopMs >= 250 { pauses.append(Int(Double(run) * hopMs)) }
                run = 0; seen = true
            } else if seen { run += 1 }
        }
        let speechSeconds = Double(frames.filter(\.speech).count) * hopMs / 1000
        let level = frames.map { 10 * log10(max(Double($0.loudness), 1e-6)) }
        var peaks = 0, valley = Double.infinity
        for i in 1..<max(1, frames.count - 1) {
            valley = min(valley, level[i])
            if frames[i].voiced, frames[i].speech, level[i] >= level[i - 1], level[i] > level[i + 1], level[i] - valley >= 2 { peaks += 1; valley = level[i] }
        }
        return (descriptors, Double(frames.filter(\.speech).count) / Double(frames.count), pauses.count,
                pauses.isEmpty ? 0 : Double(pauses.reduce(0, +)) / Double(pauses.count), speechSeconds > 0 ? Double(peaks) / speechSeconds : 0)
    }

    /// 60,000 frames: more than a column keeps in memory, so every column goes through the disk.
    @Test(arguments: [UInt64(1), 7, 1234])
    func theBuilderEqualsTheWholeCallSummary(seed: UInt64) {
        let frames = Self.frames(60_000, seed: seed)
        let builder = FeatureSummaryBuilder(hopMs: 10)
        frames.forEach(builder.add)
        let summary = builder.finish()
        let expected = Self.reference(frames, hopMs: 10)
        #expect(summary.frames == frames.count)
        #expect(summary.descriptors.map(\.name) == expected.descriptors.map(\.0))
        for (ours, theirs) in zip(summary.descriptors, expected.descriptors) {
            #expect(ours.functionals.values == theirs.1, "\(ours.name)")
        }
        #expect(summary.speechRatio == expected.speechRatio && summary.pauseCount == expected.pauses)
        #expect(summary.meanPauseMs == expected.meanPause && summary.speakingRate == expected.rate)
    }

    @Test func percentilesBySelectionEqualThoseOfASort() {
        var g = Generator(state: 99)
        for size in [1, 2, 3, 5, 17, 100, 1001, 16_384, 50_000] {
            for ties in [2, 10, 100_000] {
                // Negative and positive, so that the radix selection's bit patterns of both are tried (sizes of 16,384 and more).
                let values = (0..<size).map { _ in Double(g.next() % UInt64(ties)) / 7 - Double(ties) / 20 }
                let times = (0..<size).map { $0 * 10 }
                var selected = values
                let fast = Functionals.of(&selected, timesMs: times)
                let sorted = values.sorted()
                func p(_ q: Double) -> Double { Functionals.percentile(sorted: sorted, q) }
                #expect([fast.p20, fast.p50, fast.p80, fast.range] == [p(0.2), p(0.5), p(0.8), sorted[sorted.count - 1] - sorted[0]], "size \(size), ties \(ties)")
                #expect(fast == Functionals(values, timesMs: times))
            }
        }
        var floats = (0..<40_000).map { Float($0 % 977) - 400.5 }
        let sortedFloats = floats.sorted().map(Double.init)
        #expect(Functionals.percentiles(&floats, [0.2, 0.5, 0.8]) == [0.2, 0.5, 0.8].map { Functionals.percentile(sorted: sortedFloats, $0) })
        var empty: [Float] = []
        #expect(Functionals.of(&empty, timesMs: [Int]()).values == [0, 0, 0, 0, 0, 0, 0])
    }

    @Test func aSpillGivesBackWhatWentInWhetherOnDiskOrNot() {
        for memory in [3, 1 << 20] {
            let spill = FloatSpill(width: 3, memoryFloats: memory)
            for i in 0..<10_001 { spill.append([Float(i), -Float(i), 0.5]) }
            spill.append([1])  // padded
            #expect(spill.count == 10_002)
            let first = spill.column(0), second = spill.column(1), third = spill.column(2)
            #expect(first.prefix(10_001) == ArraySlice((0..<10_001).map(Float.init)) && first.last == 1)
            #expect(second.prefix(10_001) == ArraySlice((0..<10_001).map { -Float($0) }) && second.last == 0 && third.last == 0)
        }
        for value in [0, 1, -1, Int.max, Int.min, 123_456_789_012] {
            let (low, high) = FloatSpill.bits(of: value)
            #expect(FloatSpill.integer(low: low, high: high) == value)
        }
    }

    /// Frames waiting for librosa's whole-signal floor come back from disk the same as from memory,
    /// whatever the chunking.
    @Test func theEngineGivesTheSameFramesWhenItsWaitingFramesGoToDisk() throws {
        let samples = try FeatureExtractorTests.excerpt(8000)
        let settings = FeatureSettings(sampleRate: 8000)
        func run(spill: Int, chunk: Int) -> [FrameFeatures] {
            let engine = FeatureExtractor(settings: settings, spillMemoryFloats: spill)
            var out: [FrameFeatures] = []
            for start in stride(from: 0, to: samples.count, by: chunk) { out += engine.append(samples[start..<min(samples.count, start + chunk)]) }
            var batches = 0
            engine.finish { out += $0; batches += 1 }
            return out
        }
        let inMemory = run(spill: 1 << 24, chunk: samples.count)
        #expect(inMemory.count == FeatureExtractor(settings: settings).frameCount(samples: samples.count))
        #expect(run(spill: 53, chunk: 997) == inMemory)
        #expect(run(spill: 1000, chunk: 160) == inMemory)
    }
}

/// The label screen's overview built from blocks is the one built from the whole signal, however the
/// blocks fall, and equals the overview as it was computed before it streamed.
@Suite struct AudioOverviewBuilderTests {
    /// The overview computed from the whole signal at once (the implementation before the builder).
    static func reference(_ samples: [Float], sampleRate: Int, bands: Int = 32) -> (min: [Float], max: [Float], spectrum: [UInt8]) {
        let hop = max(1, sampleRate * 10 / 1000), count = samples.count / hop
        var minimum: [Float] = [], maximum: [Float] = []
        for f in 0..<count {
            var lo: Float = 0, hi: Float = 0
            for i in (f * hop)..<((f + 1) * hop) where samples[i].isFinite { lo = min(lo, samples[i]); hi = max(hi, samples[i]) }
            minimum.append(lo); maximum.append(hi)
        }
        var size = 1
        while size < sampleRate / 40 { size *= 2 }
        let plan = FFTPlan(size: size)
        let window = (0..<size).map { 0.5 - 0.5 * cosf(2 * .pi * Float($0) / Float(size)) }
        let binsPerBand = max(1.0, Double(min(4000, sampleRate / 2)) / (Double(sampleRate) / Double(size)) / Double(bands))
        var power = [Float](repeating: 0, count: size / 2 + 1)
        var db = [Float](repeating: -200, count: count * bands)
        for f in 0..<count {
            let start = f * hop + hop / 2 - size / 2
            power.withUnsafeMutableBufferPointer { p in
                plan.power(filling: { input in
                    for i in 0..<size {
                        let j = start + i
                        input[i] = (j >= 0 && j < samples.count && samples[j].isFinite ? samples[j] : 0) * window[i]
                    }
                }, into: p.baseAddress!)
            }
            for b in 0..<bands {
                let from = 1 + Int(Double(b) * binsPerBand), to = max(from + 1, 1 + Int(Double(b + 1) * binsPerBand))
                var sum: Float = 0
                for k in from..<min(to, power.count) { sum += power[k] }
                db[f * bands + b] = 10 * log10f(max(sum, 1e-12))
            }
        }
        let loudest = db.max() ?? 0
        return (minimum, maximum, db.map { UInt8(max(0, min(255, (($0 - loudest + 70) / 70 * 255).rounded()))) })
    }

    @Test func blocksOfAnySizeGiveTheWholeSignalsOverview() throws {
        let samples = try FeatureExtractorTests.excerpt(8000)
        let expected = Self.reference(samples, sampleRate: 8000)
        for chunk in [samples.count, 32768, 1000, 7] {
            let builder = AudioOverview.Builder(sampleRate: 8000)
            for start in stride(from: 0, to: samples.count, by: chunk) { builder.append(Array(samples[start..<min(samples.count, start + chunk)])) }
            let overview = builder.finish()
            #expect(overview.minimum == expected.min && overview.maximum == expected.max, "chunk \(chunk)")
            #expect(overview.spectrum == expected.spectrum, "chunk \(chunk)")
            #expect(overview.durationMs == samples.count * 1000 / 8000)
        }
        #expect(AudioOverview.Builder(sampleRate: 8000).finish().frames == 0)
    }
}

/// eGeMAPS in blocks: the same descriptors and functionals however the channel is cut.
@Suite struct EGeMAPSStreamingTests {
    @Test func blocksOfAnySizeGiveTheWholeChannelsDescriptorsAndFunctionals() throws {
        let samples = try FeatureExtractorTests.excerpt(8000)
        let whole = EGeMAPS.lowLevel(samples: samples, sampleRate: 8000)
        let functionals = EGeMAPS.functionals(samples: samples, sampleRate: 8000)
        #expect(whole.count == (samples.count - 160) / 80 + 1)
        for chunk in [32768, 4000, 333] {
            let stream = EGeMAPS.LowLevelStream(sampleRate: 8000)
            let builder = EGeMAPS.FunctionalsBuilder(sampleRate: 8000)
            var frames: [EGeMAPS.Frame] = []
            for start in stride(from: 0, to: samples.count, by: chunk) {
                let block = Array(samples[start..<min(samples.count, start + chunk)])
                frames += stream.append(block)
                builder.append(block)
            }
            frames += stream.finish()
            #expect(frames.map(\.values) == whole.map(\.values), "chunk \(chunk)")
            #expect(frames.map(\.voiced) == whole.map(\.voiced) && frames.map(\.timeMs) == whole.map(\.timeMs))
            #expect(builder.finish() == functionals, "chunk \(chunk)")
        }
    }

    @Test func theViterbiSmootherFrameByFrameIsTheBatchSearch() {
        var g = BoundedMemorySummaryTests.Generator(state: 5)
        let frames = (0..<500).map { _ -> PitchCandidateViterbi.Frame in
            var f = PitchCandidateViterbi.Frame()
            for k in 0..<6 { f.f0[k] = Double(80 + g.next() % 300); f.voicing[k] = Double(g.next() % 100) / 100 }
            return f
        }
        let batch = PitchCandidateViterbi.smooth(frames)
        var smoother = PitchCandidateViterbi.Smoother()
        var streamed: [Double] = []
        for (i, frame) in frames.enumerated() {
            let out = smoother.push(frame)
            streamed += out
            #expect(i + 1 - streamed.count <= PitchCandidateViterbi.bufferLength + 1)
        }
        streamed += smoother.finish()
        #expect(streamed == batch && batch.count == frames.count)
    }
}
