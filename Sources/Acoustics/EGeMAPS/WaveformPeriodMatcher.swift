import Foundation

/// eGeMAPS's jitter and shimmer (openSMILE's `cPitchJitter` as eGeMAPS configures it): along the smoothed
/// pitch, frame by frame, each period is found by cross-correlating the waveform with itself one period on
/// (periods within ±10 % of 1/F0); a period whose correlation peak is above 0.5 counts. Jitter is the mean
/// absolute difference of consecutive periods (carried across frames while the voice lasts) over the mean
/// period; shimmer the mean absolute difference of consecutive periods' peak-to-peak amplitudes over their
/// mean, in dB. A voiced frame without a counted period repeats the last values.
enum WaveformPeriodMatcher {
    static let searchRange = 0.1, minimumCorrelation = 0.5, minimumPeriods = 2

    /// Jitter (fraction) and shimmer (dB) for each frame (`f0[i]` for the frame starting at i × hop,
    /// `frameLength` samples long); 0 for unvoiced frames.
    static func perturbation(_ x: [Float], f0: [Double], hop: Int, frameLength: Int, sampleRate: Int) -> [(jitter: Double, shimmerDB: Double)] {
        var tracker = Tracker(hop: hop, frameLength: frameLength, sampleRate: sampleRate)
        return f0.map { f in
            tracker.next(f0: f) { from, to in
                let a = min(max(0, from), x.count), b = min(x.count, max(a, to))
                return x[a..<b].map { $0.isFinite ? Double($0) : 0 }
            }
        }
    }

    /// The matcher frame by frame, carrying its state (the read position, the samples it has not
    /// matched yet, the last period, jitter and shimmer) from one frame to the next.
    struct Tracker {
        let hop: Int, frameLength: Int, sampleRate: Int
        private var frame = 0
        private var lastIndex = 0, lastMiss = 0
        private var lastT0 = 0.0, lastJitter = 0.0, lastShimmer = 0.0

        init(hop: Int, frameLength: Int, sampleRate: Int) {
            self.hop = hop; self.frameLength = frameLength; self.sampleRate = sampleRate
        }

        /// The earliest sample the next frame may read.
        var earliestSample: Int { min(lastIndex, frame * hop - lastMiss) }

        /// The next frame's jitter and shimmer for its smoothed F0 `f`; `samples(from, to)` gives the
        /// samples [from, to) of the signal (fewer at its end).
        mutating func next(f0 f: Double, samples: (Int, Int) -> [Double]) -> (jitter: Double, shimmerDB: Double) {
            defer { frame += 1 }
            let period = 1 / Double(sampleRate)
            let startSample = frame * hop
            let toRead0 = hop + lastMiss
            var toRead = toRead0
            var tf = 0.0, t0f = 0, t0min = 0, t0max = 0
            if f > 0 {
                tf = Double(sampleRate) / f
                t0f = Int(tf.rounded())
                t0min = Int(floor((1 - searchRange) * tf))
                t0max = Int(ceil((1 + searchRange) * tf))
                toRead = max(toRead, minimumPeriods * t0max + minimumPeriods)
            }
            var maxRead = lastMiss + frameLength
            toRead = min(toRead, maxRead)
            if startSample - lastMiss != lastIndex {
                lastIndex = startSample
                toRead = min(toRead, frameLength)
                maxRead = min(maxRead, frameLength)
            }
            guard f > 0, t0min > 0 else {
                lastMiss = 0; lastT0 = 0; lastJitter = 0; lastShimmer = 0
                lastIndex += toRead0
                return (0, 0)
            }
            let from = max(0, lastIndex)
            let w = samples(from, from + toRead)
            let n = w.count
            var start = 0, lastPeriod = 0
            var periods = 0, localPairs = 0
            var periodSum = 0.0, jitterSum = 0.0, amplitudeSum = 0.0, amplitudeDiffSum = 0.0
            var cc = [Double](repeating: 0, count: t0max - t0min + 1)
            while start < n - 2 * t0max - 1 {
                for lag in t0min...t0max { cc[lag - t0min] = correlation(w, start, start + lag, lag) }
                var best = -1, bestValue = 0.0
                if t0max - t0min - 1 > 1 {
                    for i in 1..<(t0max - t0min - 1) where cc[i - 1] < cc[i] && cc[i] > cc[i + 1] {
                        if best == -1 || cc[i] > bestValue { best = i; bestValue = cc[i] }
                    }
                }
                if best >= 0 {
                    let length = t0min + best
                    let origin = start
                    start += length
                    let a0 = peakToPeak(w, origin, length), a1 = peakToPeak(w, start, length)
                    let (x0, peak) = Parabola.vertex(Double(best - 1), cc[best - 1], Double(best), cc[best], Double(best + 1), cc[best + 1])
                    if peak > minimumCorrelation {
                        let p = abs(Double(t0min) + x0) * period
                        periodSum += p; periods += 1
                        if lastT0 > 0 { jitterSum += abs(lastT0 - p); localPairs += 1 }
                        lastT0 = p
                        amplitudeSum += (a0 + a1) / 2
                        amplitudeDiffSum += abs(a0 - a1)
                    }
                } else {
                    start += t0f
                }
                if start < toRead0 - 1 { lastPeriod = start }
            }
            lastMiss = toRead0 - lastPeriod
            lastIndex += lastPeriod
            if periods > 0, localPairs > 0 { lastJitter = (jitterSum / Double(localPairs)) / (periodSum / Double(periods)) }
            if periods > 0 { lastShimmer = amplitudeSum > 0 ? amplitudeDiffSum / amplitudeSum : 0 }
            let jitter = periods > 0 && localPairs == 0 ? 0 : min(1, lastJitter)
            return (jitter, 20 * log10(min(1, lastShimmer) + 1))
        }
    }

    /// Pearson correlation of `count` samples from `a` with `count` from `b`.
    static func correlation(_ x: [Double], _ a: Int, _ b: Int, _ count: Int) -> Double {
        guard b + count <= x.count, count > 0 else { return 0 }
        var ma = 0.0, mb = 0.0
        for i in 0..<count { ma += x[a + i]; mb += x[b + i] }
        ma /= Double(count); mb /= Double(count)
        var c = 0.0, na = 0.0, nb = 0.0
        for i in 0..<count {
            let da = x[a + i] - ma, db = x[b + i] - mb
            c += da * db; na += da * da; nb += db * db
        }
        let d = na.squareRoot() * nb.squareRoot()
        return d > 0 ? c / d : 0
    }

    /// Peak-to-peak amplitude of a period (openSMILE skips its first and last sample).
    static func peakToPeak(_ x: [Double], _ origin: Int, _ count: Int) -> Double {
        guard count > 2, origin + count <= x.count else { return 0 }
        var hi = x[origin + 1], lo = x[origin + 1]
        for i in (origin + 1)..<(origin + count - 1) { hi = max(hi, x[i]); lo = min(lo, x[i]) }
        return hi - lo
    }
}
