import Foundation

/// The extended Geneva Minimalistic Acoustic Parameter Set (eGeMAPS v02, Eyben et al. 2016) computed by
/// this engine: the 25 low-level descriptors per 10 ms frame and the 88 functionals over a call, under
/// openSMILE's names. The definitions follow the paper; where this engine measures differently from
/// openSMILE (its own pitch, loudness and MFCC, no 3-frame smoothing), docs/egemaps.md says so and
/// gives each functional's correlation with openSMILE's over the demo calls.
public enum EGeMAPS {
    public static let lowLevelNames = [
        "Loudness_sma3", "alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3", "spectralFlux_sma3",
        "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3", "F0semitoneFrom27.5Hz_sma3nz", "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz",
        "HNRdBACF_sma3nz", "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz", "F1frequency_sma3nz", "F1bandwidth_sma3nz",
        "F1amplitudeLogRelF0_sma3nz", "F2frequency_sma3nz", "F2bandwidth_sma3nz", "F2amplitudeLogRelF0_sma3nz", "F3frequency_sma3nz",
        "F3bandwidth_sma3nz", "F3amplitudeLogRelF0_sma3nz",
    ]

    /// One frame's 25 descriptors (voiced-only ones 0 when unvoiced).
    public struct Frame: Sendable {
        public var timeMs: Int
        public var voiced: Bool
        public var values: [Double]
    }

    /// The descriptors of every frame of one channel, from the engine's frames and the channel's samples.
    public static func lowLevel(_ frames: [FrameFeatures], samples: [Float], sampleRate: Int) -> [Frame] {
        let rate = Double(sampleRate)
        var size = 1
        while size < sampleRate / 40 * 4 { size *= 2 } // 25 ms, zero-padded fourfold for harmonic amplitudes
        let window = Int(0.025 * rate)
        let plan = FFTPlan(size: size)
        let hamming = (0..<window).map { Float(0.54 - 0.46 * cos(2 * Double.pi * Double($0) / Double(max(1, window - 1)))) }
        var power = [Float](repeating: 0, count: size / 2 + 1)
        let binHz = rate / Double(size)
        let order = 2 + sampleRate / 1000
        func bin(_ hz: Double) -> Int { min(size / 2, max(0, Int((hz / binHz).rounded()))) }
        func peak(_ lo: Double, _ hi: Double) -> Double {
            let a = bin(lo), b = max(a, bin(hi))
            var best: Float = 1e-12
            for k in a...b { best = max(best, power[k]) }
            return 10 * log10(Double(best))
        }
        func energy(_ lo: Double, _ hi: Double) -> Double {
            let a = bin(lo), b = max(a, bin(hi))
            var sum: Float = 1e-12
            for k in a...b { sum += power[k] }
            return Double(sum)
        }
        func slope(_ lo: Double, _ hi: Double) -> Double {
            let a = max(1, bin(lo)), b = max(a + 1, bin(hi))
            var xs: [Double] = [], ys: [Double] = []
            for k in a...b { xs.append(Double(k) * binHz); ys.append(10 * log10(Double(max(power[k], 1e-12)))) }
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            var sxy = 0.0, sxx = 0.0
            for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
            return sxx > 0 ? sxy / sxx : 0
        }
        // openSMILE's eGeMAPS MFCC: 26 HTK mel bands of the power spectrum (20 Hz to 8 kHz), natural log,
        // DCT-II with HTK's scaling, cepstral lifter 22, coefficients 1–4.
        let bank = MelFilterBank(sampleRate: sampleRate, fftSize: size, bands: 26, fmin: 20, fmax: min(8000, rate / 2), htk: true)
        let dct = DCT(inputs: 26, outputs: 5)
        let lifter = (0..<5).map { 1 + 11 * sin(Double.pi * Double($0) / 22) }
        var mel = [Float](repeating: 0, count: 26)
        var logMel = [Float](repeating: 0, count: 26)
        var previousMagnitude = [Float](repeating: 0, count: size / 2 + 1)
        var out: [Frame] = []
        out.reserveCapacity(frames.count)
        var frame = [Double](repeating: 0, count: window)
        for f in frames {
            let centre = Int(Double(f.timeMs) * rate / 1000)
            let start = centre - window / 2
            samples.withUnsafeBufferPointer { x in
                power.withUnsafeMutableBufferPointer { p in
                    guard let bins = p.baseAddress else { return }
                    plan.power(filling: { input in
                        for i in 0..<size { input[i] = 0 }
                        var previous: Float = 0
                        for i in 0..<window {
                            let j = start + i
                            let v: Float = j >= 0 && j < x.count && x[j].isFinite ? x[j] : 0
                            input[i] = v * hamming[i]
                            frame[i] = Double(v - 0.97 * previous) * Double(hamming[i])
                            previous = v
                        }
                    }, into: bins)
                }
            }
            let alpha = 10 * log10(energy(1000, min(5000, rate / 2)) / energy(50, 1000))
            let hammarberg = peak(0, 2000) - peak(2000, min(5000, rate / 2))
            // Spectral flux: the squared change of the magnitude spectrum from the last frame.
            var flux: Float = 0
            for k in 0..<previousMagnitude.count {
                let m = power[k].squareRoot()
                let d = m - previousMagnitude[k]
                flux += d * d
                previousMagnitude[k] = m
            }
            bank.apply(power, into: &mel)
            for m in 0..<26 { logMel[m] = logf(max(mel[m], 1e-10)) }
            let cepstrum = logMel.withUnsafeBufferPointer { dct.apply($0.baseAddress, count: 26, floor: -Float.infinity) }
            var values = [Double(f.loudness), alpha, hammarberg, slope(0, 500), slope(500, 1500), Double(flux)]
            values += (1...4).map { Double(cepstrum[$0]) * lifter[$0] }
            if f.voiced, f.f0Hz > 0 {
                let f0 = Double(f.f0Hz)
                let h1 = peak(f0 * 0.9, f0 * 1.1), h2 = peak(2 * f0 * 0.95, 2 * f0 * 1.05)
                let formants = LinearPrediction.formants(frame, sampleRate: sampleRate, order: order)
                func formant(_ i: Int) -> (Double, Double, Double) {
                    guard i < formants.count else { return (0, 0, 0) }
                    let (fr, bw) = formants[i]
                    let harmonic = max(1, (fr / f0).rounded()) * f0
                    return (fr, bw, peak(harmonic * 0.95, harmonic * 1.05) - h1)
                }
                let (f1, f2, f3) = (formant(0), formant(1), formant(2))
                let a3 = f3.0 > 0 ? peak(max(1, (f3.0 / f0).rounded()) * f0 * 0.95, max(1, (f3.0 / f0).rounded()) * f0 * 1.05) : h1
                values += [12 * log2(f0 / 27.5), Double(f.jitterLocal), Double(f.shimmerLocalDB), Double(f.hnrDB), h1 - h2, h1 - a3,
                           f1.0, f1.1, f1.2, f2.0, f2.1, f2.2, f3.0, f3.1, f3.2]
            } else {
                values += [Double](repeating: 0, count: 15)
            }
            out.append(Frame(timeMs: f.timeMs, voiced: f.voiced && f.f0Hz > 0, values: values))
        }
        return out
    }

    /// openSMILE's `sma3`: a moving average over three frames; the voiced-only descriptors (`nz`) are
    /// averaged over the voiced frames of the window only.
    public static func smoothed(_ lld: [Frame]) -> [Frame] {
        guard lld.count > 2 else { return lld }
        var out = lld
        for i in lld.indices {
            let window = max(0, i - 1)...min(lld.count - 1, i + 1)
            for c in lld[i].values.indices {
                let voicedOnly = c >= 10
                if voicedOnly && !lld[i].voiced { continue }
                let used = window.filter { !voicedOnly || lld[$0].voiced }
                out[i].values[c] = used.reduce(0) { $0 + lld[$1].values[c] } / Double(used.count)
            }
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
    public static func functionals(_ frames: [FrameFeatures], samples: [Float], sampleRate: Int, hopMs: Double) -> [Double] {
        let lld = smoothed(lowLevel(frames, samples: samples, sampleRate: sampleRate))
        func column(_ name: String) -> Int { lowLevelNames.firstIndex(of: name) ?? 0 }
        func series(_ name: String, voiced: Bool?) -> [Double] {
            let c = column(name)
            return lld.filter { voiced == nil || $0.voiced == voiced }.map { $0.values[c] }
        }
        func mean(_ x: [Double]) -> Double { x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count) }
        func std(_ x: [Double]) -> Double {
            let m = mean(x)
            return x.isEmpty ? 0 : (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count)).squareRoot()
        }
        /// openSMILE's stddevNorm: the standard deviation over the mean (signed, as openSMILE divides).
        func stddevNorm(_ x: [Double]) -> Double { let m = mean(x); return abs(m) > 1e-12 ? std(x) / m : 0 }
        func percentile(_ x: [Double], _ p: Double) -> Double {
            guard !x.isEmpty else { return 0 }
            let s = x.sorted(), position = p * Double(s.count - 1), lo = Int(position), hi = min(s.count - 1, lo + 1)
            return s[lo] + (s[hi] - s[lo]) * (position - Double(lo))
        }
        /// Rising and falling slopes (per second) between a contour's turning points, over consecutive frames.
        func slopes(_ x: [Double], contiguous: [Bool]) -> (rising: [Double], falling: [Double]) {
            var rising: [Double] = [], falling: [Double] = []
            var i = 0
            while i < x.count - 1 {
                guard contiguous[i], contiguous[i + 1] else { i += 1; continue }
                let up = x[i + 1] >= x[i]
                var j = i + 1
                while j < x.count - 1, contiguous[j + 1], (x[j + 1] >= x[j]) == up { j += 1 }
                let slope = (x[j] - x[i]) / (Double(j - i) * hopMs / 1000)
                if up { rising.append(slope) } else { falling.append(-slope) }
                i = j
            }
            return (rising, falling)
        }
        var out: [Double] = []
        for (name, voicedOnly) in [("F0semitoneFrom27.5Hz_sma3nz", true), ("Loudness_sma3", false)] {
            let c = column(name)
            let all = lld.map { $0.values[c] }
            let mask = lld.map { voicedOnly ? $0.voiced : true }
            let x = zip(all, mask).filter(\.1).map(\.0)
            let (rising, falling) = slopes(all, contiguous: mask)
            out += [mean(x), stddevNorm(x), percentile(x, 0.2), percentile(x, 0.5), percentile(x, 0.8), percentile(x, 0.8) - percentile(x, 0.2),
                    mean(rising), std(rising), mean(falling), std(falling)]
        }
        for name in ["spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3"] {
            let x = series(name, voiced: nil)
            out += [mean(x), stddevNorm(x)]
        }
        for name in lowLevelNames[11...] {
            let x = series(name, voiced: true)
            out += [mean(x), stddevNorm(x)]
        }
        for name in ["alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3", "spectralFlux_sma3",
                     "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3"] {
            let x = series(name, voiced: true)
            out += [mean(x), stddevNorm(x)]
        }
        for name in ["alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3", "spectralFlux_sma3"] {
            out.append(mean(series(name, voiced: false)))
        }
        // Temporal features.
        let seconds = max(Double(lld.count) * hopMs / 1000, 1e-3)
        let loudness = lld.map { $0.values[0] }
        var peaks = 0
        for i in 1..<max(1, loudness.count - 1) where loudness[i] > loudness[i - 1] && loudness[i] >= loudness[i + 1] && loudness[i] > mean(loudness) { peaks += 1 }
        var voicedRuns: [Double] = [], unvoicedRuns: [Double] = []
        var run = 0
        for (i, frame) in lld.enumerated() {
            run += 1
            if i == lld.count - 1 || lld[i + 1].voiced != frame.voiced {
                if frame.voiced { voicedRuns.append(Double(run) * hopMs / 1000) } else { unvoicedRuns.append(Double(run) * hopMs / 1000) }
                run = 0
            }
        }
        let meanSquare = mean(frames.map { pow(10, Double($0.rmsDB) / 10) })
        out += [Double(peaks) / seconds, Double(voicedRuns.count) / seconds, mean(voicedRuns), std(voicedRuns), mean(unvoicedRuns), std(unvoicedRuns),
                10 * log10(max(meanSquare, 1e-12))]
        return out
    }
}
