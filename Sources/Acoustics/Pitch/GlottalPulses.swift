import Foundation

/// Glottal pulses of voiced stretches and the perturbation measures researchers take from them, after
/// Praat ("To PointProcess (periodic, cc)", "Get jitter (local)…", "Get shimmer (local)…"): in each
/// voiced stretch the pulses are the waveform's peaks (of the stretch's stronger polarity) one local
/// period apart, each period found by cross-correlating one period of the waveform with the next
/// (within 0.8–1.2 of the local F0 period) and refined by parabolic interpolation.
public struct GlottalPulses: Sendable, Equatable {
    public struct Pulse: Sendable, Equatable {
        /// Seconds from the start of the signal.
        public var time: Double
        /// The peak's absolute amplitude.
        public var amplitude: Double
    }

    public var pulses: [Pulse]

    public init(pulses: [Pulse]) { self.pulses = pulses }

    /// Praat's period and amplitude constraints: periods 0.1–20 ms, consecutive periods within a factor 1.3,
    /// consecutive amplitudes within a factor 1.6.
    public static let shortestPeriod = 0.0001, longestPeriod = 0.02, maximumPeriodFactor = 1.3, maximumAmplitudeFactor = 1.6

    /// The pulses of `samples` where the F0 track (one value per `hop` samples, frame f centred at f × hop,
    /// 0 when unvoiced) says the voice is on.
    public static func find(in samples: UnsafeBufferPointer<Float>, sampleRate: Int, f0: [Double], hop: Int, firstSample: Int = 0) -> GlottalPulses {
        var pulses: [Pulse] = []
        /// Correlations by lag around the pulse being followed (reused from pulse to pulse).
        var values: [Double] = []
        var f = 0
        while f < f0.count {
            guard f0[f] > 0 else { f += 1; continue }
            let runStart = f
            while f < f0.count, f0[f] > 0 { f += 1 }
            // The stretch covers its frames' centres, half a hop on each side.
            let from = max(0, runStart * hop - hop / 2 - firstSample), to = min(samples.count, (f - 1) * hop + hop / 2 - firstSample)
            guard to - from > 4 else { continue }
            func period(at sample: Int) -> Double {
                let frame = min(f - 1, max(runStart, (sample + firstSample + hop / 2) / hop))
                return Double(sampleRate) / f0[frame]
            }
            var strongest: Float = 0
            for i in from..<to where abs(samples[i]) > abs(strongest) { strongest = samples[i] }
            let sign: Float = strongest < 0 ? -1 : 1
            func peak(_ a: Int, _ b: Int) -> Int? {
                guard b > a else { return nil }
                var best = a
                for i in a..<b where sign * samples[i] > sign * samples[best] { best = i }
                return best
            }
            guard let first = peak(from, min(to, from + Int(period(at: from).rounded(.up)))) else { continue }
            // Each next pulse is one period on, the period measured by cross-correlating the last period of
            // the waveform with the next (to a fraction of a sample), as Praat's "cc" method does.
            var position = Double(first)
            while position < Double(to) {
                let anchor = Int(position.rounded())
                let t = period(at: anchor)
                let half = max(2, Int(t / 2))
                var amplitude: Float = 0
                for i in max(0, anchor - 2)...min(samples.count - 1, anchor + 2) { amplitude = max(amplitude, sign * samples[i]) }
                pulses.append(Pulse(time: (position + Double(firstSample)) / Double(sampleRate), amplitude: Double(abs(amplitude))))
                let lo = Int((0.8 * t).rounded(.down)), hi = Int((1.2 * t).rounded(.up))
                guard anchor - half >= 0, anchor + hi + half + 1 < samples.count, anchor + lo < to else { break }
                func correlation(_ d: Int) -> Double {
                    // Eight lanes of partial sums at a time (in Float, as the samples are), then the rest.
                    guard let base = samples.baseAddress else { return 0 }
                    let x = base + anchor - half, y = base + anchor + d - half
                    let n = 2 * half
                    var xyv = SIMD8<Float>(), xxv = SIMD8<Float>(), yyv = SIMD8<Float>()
                    var k = 0
                    while k + 8 <= n {
                        let a = UnsafeRawPointer(x + k).loadUnaligned(as: SIMD8<Float>.self)
                        let b = UnsafeRawPointer(y + k).loadUnaligned(as: SIMD8<Float>.self)
                        xyv += a * b; xxv += a * a; yyv += b * b
                        k += 8
                    }
                    var xy = Double(xyv.sum()), xx = Double(xxv.sum()), yy = Double(yyv.sum())
                    while k < n {
                        let a = Double(x[k]), b = Double(y[k])
                        xy += a * b; xx += a * a; yy += b * b
                        k += 1
                    }
                    return xx > 0 && yy > 0 ? xy / (xx * yy).squareRoot() : 0
                }
                // Near the tracked period first; the whole 0.8–1.2 range only when that finds no clear peak.
                // Correlations by lag (lo − 1 … hi + 1), computed once each.
                values.removeAll(keepingCapacity: true)
                values.append(contentsOf: repeatElement(.nan, count: hi - lo + 3))
                func cached(_ d: Int) -> Double {
                    let i = d - lo + 1
                    guard values.indices.contains(i) else { return correlation(d) }
                    if values[i].isNaN { values[i] = correlation(d) }
                    return values[i]
                }
                func search(_ range: ClosedRange<Int>) -> (Int, Double) {
                    var best = range.lowerBound, bestValue = -Double.infinity
                    for d in range {
                        let c = cached(d)
                        if c > bestValue { bestValue = c; best = d }
                    }
                    return (best, bestValue)
                }
                let expected = Int(t.rounded())
                var (best, bestValue) = search(max(lo, expected - 3)...min(hi, expected + 3))
                if bestValue < 0.6 || best == max(lo, expected - 3) || best == min(hi, expected + 3) { (best, bestValue) = search(lo...hi) }
                guard bestValue > 0.3 else { break }
                let (a, b, c) = (cached(best - 1), bestValue, cached(best + 1))
                let denominator = a - 2 * b + c
                let shift = denominator < 0 ? max(-0.5, min(0.5, 0.5 * (a - c) / denominator)) : 0
                position += Double(best) + shift
            }
        }
        return GlottalPulses(pulses: pulses)
    }

    /// Jitter (local): the mean absolute difference of consecutive periods over the mean period.
    public var jitterLocal: Double? { perturbation(in: pulses.indices).jitterLocal }

    /// Shimmer (local) as a fraction and in dB: the mean absolute difference of consecutive peak amplitudes
    /// over the mean amplitude, and the mean absolute ratio of consecutive amplitudes in dB.
    public var shimmerLocal: (fraction: Double, dB: Double)? { perturbation(in: pulses.indices).shimmerLocal }

    /// Jitter and shimmer of the pulses in `range`, in one pass and without allocating. Periods count when
    /// 0.1–20 ms long; a pair of consecutive periods when they are within a factor 1.3 (and, for shimmer,
    /// their amplitudes within a factor 1.6), as Praat's constraints have it.
    public func perturbation(in range: Range<Int>) -> (jitterLocal: Double?, shimmerLocal: (fraction: Double, dB: Double)?) {
        var periodSum = 0.0, periods = 0, jitterSum = 0.0, pairs = 0
        var amplitudeDifferences = 0.0, decibels = 0.0, amplitudes = 0.0, amplitudePairs = 0
        var previous: Double?
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            let p = pulses[i + 1].time - pulses[i].time
            defer { i += 1 }
            guard p >= Self.shortestPeriod, p <= Self.longestPeriod else { previous = nil; continue }
            periodSum += p; periods += 1
            if let a = previous, max(a, p) / min(a, p) <= Self.maximumPeriodFactor {
                jitterSum += abs(a - p); pairs += 1
                let x = pulses[i].amplitude, y = pulses[i + 1].amplitude
                if x > 0, y > 0, max(x, y) / min(x, y) <= Self.maximumAmplitudeFactor {
                    amplitudeDifferences += abs(x - y); decibels += abs(20 * log10(y / x)); amplitudes += x; amplitudePairs += 1
                }
            }
            previous = p
        }
        let jitter = pairs > 0 ? jitterSum / Double(pairs) / (periodSum / Double(periods)) : nil
        let shimmer = amplitudePairs > 0
            ? (amplitudeDifferences / amplitudes, decibels / Double(amplitudePairs)) : nil
        return (jitter, shimmer)
    }
}
