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
        let analyzer = EGeMAPSAnalyzer(sampleRate: sampleRate)
        let a = analyzer.analyse(samples)
        let columns = (0..<lowLevelNames.count).map { c in smoothed(a.values.map { $0[c] }, skippingZeros: c >= 10) }
        return a.values.indices.map { i in
            Frame(timeMs: i * analyzer.hop * 1000 / sampleRate, voiced: a.voiced[i], values: columns.map { $0[i] })
        }
    }

    /// openSMILE's `sma3`: the mean over three frames; with `skippingZeros` a zero stays zero and the
    /// others average only their non-zero neighbours.
    static func smoothed(_ x: [Double], skippingZeros: Bool) -> [Double] {
        var out = x
        for i in x.indices {
            if skippingZeros && x[i] == 0 { continue }
            var sum = 0.0, count = 0
            for j in max(0, i - 1)...min(x.count - 1, i + 1) where !skippingZeros || x[j] != 0 { sum += x[j]; count += 1 }
            out[i] = count > 0 ? sum / Double(count) : 0
        }
        return out
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
        let analyzer = EGeMAPSAnalyzer(sampleRate: sampleRate)
        let a = analyzer.analyse(samples)
        let period = Double(analyzer.hop) / Double(sampleRate)
        func raw(_ c: Int) -> [Double] { a.values.map { $0[c] } }
        /// A column kept where voiced (or unvoiced), zero elsewhere, smoothed over the non-zero frames.
        func selected(_ c: Int, voiced: Bool) -> [Double] {
            smoothed(zip(raw(c), a.voiced).map { $1 == voiced ? $0 : 0 }, skippingZeros: true)
        }
        func nonZero(_ x: [Double]) -> [Double] { x.filter { $0 != 0 } }
        func meanAndNorm(_ x: [Double]) -> [Double] { let m = ContourFunctionals.moments(x); return [m.mean, m.stddevNorm] }
        var out: [Double] = []
        let f0 = smoothed(raw(10), skippingZeros: true)
        let loudness = smoothed(raw(0), skippingZeros: false)
        // F0 over its voiced (non-zero) frames, run together as openSMILE does; loudness over all frames.
        for values in [nonZero(f0), loudness] {
            let sorted = values.sorted()
            let p20 = Functionals.percentile(sorted: sorted, 0.2), p80 = Functionals.percentile(sorted: sorted, 0.8)
            let s = ContourFunctionals.slopes(values, period: period)
            out += meanAndNorm(values) + [p20, Functionals.percentile(sorted: sorted, 0.5), p80, p80 - p20,
                                          s.meanRising, s.stddevRising, s.meanFalling, s.stddevFalling]
        }
        for c in [5, 6, 7, 8, 9] { out += meanAndNorm(smoothed(raw(c), skippingZeros: false)) }
        // Jitter … F3 amplitude over voiced frames; the formant frequencies and bandwidths only where voiced,
        // the amplitudes everywhere (openSMILE's −201 on unvoiced frames counts).
        for c in 11..<25 {
            let gated = [16, 17, 19, 20, 22, 23].contains(c)
            out += meanAndNorm(nonZero(gated ? selected(c, voiced: true) : smoothed(raw(c), skippingZeros: true)))
        }
        for c in 1...9 { out += meanAndNorm(nonZero(selected(c, voiced: true))) }
        for c in 1...5 { out.append(ContourFunctionals.moments(nonZero(selected(c, voiced: false))).mean) }
        let peaks = ContourFunctionals.slopes(loudness, period: period).peaks
        let voicedSegments = ContourFunctionals.segments(f0, nonZero: true, period: period)
        let unvoicedSegments = ContourFunctionals.segments(f0, nonZero: false, period: period)
        let meanSquare = a.meanSquare.isEmpty ? 0 : a.meanSquare.reduce(0, +) / Double(a.meanSquare.count)
        out += [loudness.isEmpty ? 0 : Double(peaks) / (Double(loudness.count) * period),
                voicedSegments.perSecond, voicedSegments.meanSeconds, voicedSegments.stddevSeconds,
                unvoicedSegments.meanSeconds, unvoicedSegments.stddevSeconds,
                meanSquare > 0 ? 10 * log10(meanSquare) : -200]
        return out
    }
}
