import Foundation

/// The extended Geneva Minimalistic Acoustic Parameter Set (eGeMAPS v02, Eyben et al. 2016): the 25
/// low-level descriptors per 10 ms frame and the 88 functionals over a call, under openSMILE's names and
/// computed the way openSMILE's eGeMAPSv02 configuration computes them (its own framing, subharmonic-
/// summation pitch with Viterbi smoothing, auditory loudness, LPC formants at 11 kHz, 3-frame smoothing
/// and functionals), so researchers get the set they know. docs/egemaps.md gives each functional's
/// correlation with openSMILE's over the demo calls and what still differs.
public enum EGeMAPS {
    public static let lowLevelNames = [
        "Loudness_sma3", "alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3", "spectralFlux_sma3",
        "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3", "F0semitoneFrom27.5Hz_sma3nz", "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz",
        "HNRdBACF_sma3nz", "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz", "F1frequency_sma3nz", "F1bandwidth_sma3nz",
        "F1amplitudeLogRelF0_sma3nz", "F2frequency_sma3nz", "F2bandwidth_sma3nz", "F2amplitudeLogRelF0_sma3nz", "F3frequency_sma3nz",
        "F3bandwidth_sma3nz", "F3amplitudeLogRelF0_sma3nz",
    ]

    /// One frame's 25 descriptors, smoothed (`sma3`); the voiced-only ones are 0 when unvoiced.
    public struct Frame: Sendable {
        /// The frame's start (openSMILE's frames start every 10 ms from 0).
        public var timeMs: Int
        public var voiced: Bool
        public var values: [Double]
    }

    /// The smoothed descriptors of every frame of one channel.
    public static func lowLevel(samples: [Float], sampleRate: Int) -> [Frame] {
        let stream = LowLevelStream(sampleRate: sampleRate)
        return stream.append(samples) + stream.finish()
    }

    /// The smoothed descriptors of a channel that arrives in blocks: each frame leaves once the next
    /// one's raw values are known (sma3 averages a frame with its neighbours).
    public final class LowLevelStream {
        private let analyzer: EGeMAPSAnalyzer
        private var previous: [Double]?, current: EGeMAPSAnalyzer.Row?
        private var index = 0

        public init(sampleRate: Int) { analyzer = EGeMAPSAnalyzer(sampleRate: sampleRate) }

        /// Takes the next samples; returns the frames now smoothed.
        public func append(_ samples: [Float]) -> [Frame] { smooth(analyzer.append(samples), last: false) }

        /// Ends the channel; returns the remaining frames.
        public func finish() -> [Frame] { smooth(analyzer.finish(), last: true) }

        private func smooth(_ rows: [EGeMAPSAnalyzer.Row], last: Bool) -> [Frame] {
            var out: [Frame] = []
            for next in rows + (last ? [nil] : []) {
                if let current {
                    let window = [previous, current.values, next?.values].compactMap { $0 }
                    let values = (0..<current.values.count).map { c -> Double in
                        EGeMAPS.smoothed(window.map { $0[c] }, skippingZeros: c >= 10)[previous == nil ? 0 : 1]
                    }
                    out.append(Frame(timeMs: index * analyzer.hop * 1000 / analyzer.sampleRate, voiced: current.voiced, values: values))
                    index += 1
                    previous = current.values
                }
                current = next
            }
            return out
        }
    }

    /// openSMILE's `sma3`: the mean over three frames; with `skippingZeros` a zero stays zero and the
    /// others average only their non-zero neighbours.
    static func smoothed(_ x: [Double], skippingZeros: Bool) -> [Double] {
        var out = x
        smoothInPlace(&out, skippingZeros: skippingZeros)
        return out
    }

    /// `smoothed`, overwriting `x` (each frame's left neighbour is remembered before it is overwritten).
    static func smoothInPlace(_ x: inout [Double], skippingZeros: Bool) {
        var previous = 0.0
        for i in x.indices {
            let original = x[i]
            defer { previous = original }
            if skippingZeros && original == 0 { continue }
            var sum = 0.0, count = 0
            if i > 0, !skippingZeros || previous != 0 { sum += previous; count += 1 }
            sum += original; count += 1
            if i + 1 < x.count, !skippingZeros || x[i + 1] != 0 { sum += x[i + 1]; count += 1 }
            x[i] = sum / Double(count)
        }
    }

    public static let functionalNames: [String] = {
        var names: [String] = []
        for base in ["F0semitoneFrom27.5Hz_sma3nz", "loudness_sma3"] {
            names += ["amean", "stddevNorm", "percentile20.0", "percentile50.0", "percentile80.0", "pctlrange0-2", "meanRisingSlope",
                      "stddevRisingSlope", "meanFallingSlope", "stddevFallingSlope"].map { "\(base)_\($0)" }
        }
        for base in ["spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3", "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz",
                     "HNRdBACF_sma3nz", "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz", "F1frequency_sma3nz", "F1bandwidth_sma3nz",
                     "F1amplitudeLogRelF0_sma3nz", "F2frequency_sma3nz", "F2bandwidth_sma3nz", "F2amplitudeLogRelF0_sma3nz", "F3frequency_sma3nz",
                     "F3bandwidth_sma3nz", "F3amplitudeLogRelF0_sma3nz", "alphaRatioV_sma3nz", "hammarbergIndexV_sma3nz", "slopeV0-500_sma3nz",
                     "slopeV500-1500_sma3nz", "spectralFluxV_sma3nz", "mfcc1V_sma3nz", "mfcc2V_sma3nz", "mfcc3V_sma3nz", "mfcc4V_sma3nz"] {
            names += ["\(base)_amean", "\(base)_stddevNorm"]
        }
        names += ["alphaRatioUV_sma3nz_amean", "hammarbergIndexUV_sma3nz_amean", "slopeUV0-500_sma3nz_amean", "slopeUV500-1500_sma3nz_amean",
                  "spectralFluxUV_sma3nz_amean", "loudnessPeaksPerSec", "VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec",
                  "StddevVoicedSegmentLengthSec", "MeanUnvoicedSegmentLength", "StddevUnvoicedSegmentLength", "equivalentSoundLevel_dBp"]
        return names
    }()

    /// The 88 functionals of a channel, in `functionalNames` order.
    public static func functionals(samples: [Float], sampleRate: Int) -> [Double] {
        let builder = FunctionalsBuilder(sampleRate: sampleRate)
        builder.append(samples)
        return builder.finish()
    }

    /// The 88 functionals of a channel that arrives in blocks: the unsmoothed rows wait in a spill on
    /// disk (exactly, each value as its bit pattern), and the functionals are taken a column at a time.
    public final class FunctionalsBuilder {
        private let analyzer: EGeMAPSAnalyzer
        private let spill = FloatSpill(width: 2 * (EGeMAPS.lowLevelNames.count + 1) + 1)
        private var voiced: [Bool] = []
        private var meanSquareSum = 0.0

        public init(sampleRate: Int) { analyzer = EGeMAPSAnalyzer(sampleRate: sampleRate) }

        /// Takes the next samples.
        public func append(_ samples: [Float]) { keep(analyzer.append(samples)) }

        /// Ends the channel; returns its functionals.
        public func finish() -> [Double] {
            keep(analyzer.finish())
            let count = voiced.count, width = spill.width
            return EGeMAPS.functionals(hop: analyzer.hop, sampleRate: analyzer.sampleRate, voicing: voiced,
                                       meanSquareMean: count == 0 ? 0 : meanSquareSum / Double(count)) { c in
                var column: [Double] = []
                column.reserveCapacity(count)
                spill.forEachBatch { b in
                    var i = 2 * c
                    while i + 1 < b.count {
                        column.append(FloatSpill.double(low: b[i], high: b[i + 1]))
                        i += width
                    }
                }
                return column
            }
        }

        private func keep(_ rows: [EGeMAPSAnalyzer.Row]) {
            var record = [Float]()
            for row in rows {
                record.removeAll(keepingCapacity: true)
                for v in row.values {
                    let bits = FloatSpill.bits(of: v)
                    record += [bits.0, bits.1]
                }
                spill.append(record)
                voiced.append(row.voiced)
                meanSquareSum += row.meanSquare
            }
        }
    }

    /// The 88 functionals from a channel's unsmoothed descriptors, read a column at a time by
    /// `raw(c)`, their voicing and the mean of its 20 ms frames' mean squares.
    static func functionals(hop: Int, sampleRate: Int, voicing: [Bool], meanSquareMean meanSquare: Double,
                            raw: (Int) -> [Double]) -> [Double] {
        let period = Double(hop) / Double(sampleRate)
        /// Column `c`, kept only where the voicing is `onlyWhere` (zero elsewhere) when given, smoothed;
        /// every step in place, so that a long call holds one column at a time.
        func column(_ c: Int, onlyWhere voiced: Bool? = nil, skippingZeros: Bool) -> [Double] {
            var x = raw(c)
            if let voiced {
                if x.count > voicing.count { x.removeLast(x.count - voicing.count) }
                for i in x.indices where voicing[i] != voiced { x[i] = 0 }
            }
            smoothInPlace(&x, skippingZeros: skippingZeros)
            return x
        }
        func nonZero(_ x: consuming [Double]) -> [Double] { x.removeAll { $0 == 0 }; return x }
        func meanAndNorm(_ x: [Double]) -> [Double] { let m = ContourFunctionals.moments(x); return [m.mean, m.stddevNorm] }
        /// Mean, deviation, percentiles and slopes of a contour (reordering it in place), and its peaks.
        func contour(_ values: inout [Double]) -> (functionals: [Double], peaks: Int) {
            let moments = meanAndNorm(values)
            let s = ContourFunctionals.slopes(values, period: period)
            let p = Functionals.percentiles(&values, [0.2, 0.5, 0.8])
            return (moments + [p[0], p[1], p[2], p[2] - p[0],
                               s.meanRising, s.stddevRising, s.meanFalling, s.stddevFalling], s.peaks)
        }
        // F0 over its voiced (non-zero) frames, run together as openSMILE does; its segments before that.
        var f0 = column(10, skippingZeros: true)
        let voicedSegments = ContourFunctionals.segments(f0, nonZero: true, period: period)
        let unvoicedSegments = ContourFunctionals.segments(f0, nonZero: false, period: period)
        f0 = nonZero(f0)
        var out = contour(&f0).functionals
        f0 = []
        // Loudness over all frames.
        var loudness = column(0, skippingZeros: false)
        let frames = loudness.count
        let (loudnessFunctionals, peaks) = contour(&loudness)
        out += loudnessFunctionals
        loudness = []
        for c in [5, 6, 7, 8, 9] { out += meanAndNorm(column(c, skippingZeros: false)) }
        // Jitter … F3 amplitude over voiced frames; the formant frequencies and bandwidths only where voiced,
        // the amplitudes everywhere (openSMILE's −201 on unvoiced frames counts).
        for c in 11..<25 {
            let gated = [16, 17, 19, 20, 22, 23].contains(c)
            out += meanAndNorm(nonZero(gated ? column(c, onlyWhere: true, skippingZeros: true) : column(c, skippingZeros: true)))
        }
        for c in 1...9 { out += meanAndNorm(nonZero(column(c, onlyWhere: true, skippingZeros: true))) }
        for c in 1...5 { out.append(ContourFunctionals.moments(nonZero(column(c, onlyWhere: false, skippingZeros: true))).mean) }
        out += [frames == 0 ? 0 : Double(peaks) / (Double(frames) * period),
                voicedSegments.perSecond, voicedSegments.meanSeconds, voicedSegments.stddevSeconds,
                unvoicedSegments.meanSeconds, unvoicedSegments.stddevSeconds,
                meanSquare > 0 ? 10 * log10(meanSquare) : -200]
        return out
    }
}
