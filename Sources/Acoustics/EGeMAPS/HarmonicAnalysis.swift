import Foundation

/// eGeMAPS's harmonic descriptors from the magnitude spectrum of the 60 ms Gaussian-windowed pitch frame
/// and the smoothed F0: the harmonics-to-noise ratio from the autocorrelation (the inverse FFT of the
/// power spectrum) at the pitch period, the harmonic peaks near each multiple of F0 with their
/// parabolically interpolated magnitudes relative to the fundamental's, the differences eGeMAPS names
/// H1–H2 and H1–A3 and each formant's amplitude (the
/// strongest harmonic within ±20 % of the formant frequency).
struct HarmonicAnalysis {
    /// openSMILE writes this for a formant amplitude on an unvoiced frame.
    static let unvoicedFloor = -201.0
    static let harmonicCount = 100

    let sampleRate: Int
    let fftSize: Int
    private let inverse: InverseFFTPlan

    init(sampleRate: Int, fftSize: Int) {
        self.sampleRate = sampleRate
        self.fftSize = fftSize
        inverse = InverseFFTPlan(size: fftSize)
    }

    struct Result {
        var hnrDB = 0.0, h1h2 = 0.0, h1a3 = 0.0
        var formantAmplitudes = [unvoicedFloor, unvoicedFloor, unvoicedFloor]
    }

    /// HNR at the period of `f0` (0 when unvoiced), and the harmonic differences when voiced.
    func analyse(magnitude: [Double], f0: Double, formants: [Double]) -> Result {
        var result = Result()
        let bins = magnitude.count
        let binHz = Double(sampleRate) / Double(fftSize)
        if f0 > 0 {
            let power = magnitude.map { Float($0 * $0) }
            var acf = [Float](repeating: 0, count: fftSize)
            power.withUnsafeBufferPointer { p in
                acf.withUnsafeMutableBufferPointer { out in
                    if let base = out.baseAddress { inverse.realFromPower(p, into: base) }
                }
            }
            let a = (0..<bins).map { Double(abs(acf[$0])) }
            let lag = Int(floor(Double(sampleRate) / f0))
            if lag > 0 {
                let peak = Self.closestPeak(a, lag)
                if peak > 0 {
                    var ratio = a[0] - a[peak]
                    ratio = ratio == 0 ? 10e10 : a[peak] / ratio
                    result.hnrDB = 10 * log10(min(10e10, max(10e-10, ratio)))
                }
            }
        } else {
            return result
        }
        // Harmonic peaks: for harmonic h, the nearest spectral peak within (h − ½)F0…(h + ½)F0.
        struct Harmonic { var bin = -1; var frequency = 0.0; var magnitude = 0.0; var interpolated = 0.0; var logRel = -201.0 }
        func toBin(_ f: Double) -> Int { min(bins - 1, max(0, Int((f / binHz).rounded()))) }
        var harmonics: [Harmonic] = []
        let firstBin = toBin(0.5 * f0)
        for h in 0..<Self.harmonicCount {
            let candidate = toBin(Double(h + 1) * f0)
            if Double(h + 1) * f0 >= Double(sampleRate) / 2 { harmonics.append(Harmonic()); continue }
            var peakBin = -1
            if Self.isPeak(magnitude, candidate) {
                peakBin = candidate
            } else {
                let lower = toBin((Double(h) + 0.5) * f0), upper = toBin((Double(h) + 1.5) * f0)
                var left = candidate - 1, right = candidate + 1
                while (left >= lower || right <= upper) && peakBin < 0 {
                    if right <= upper { if Self.isPeak(magnitude, right) { peakBin = right; break }; right += 1 }
                    if left >= lower { if Self.isPeak(magnitude, left) { peakBin = left; break }; left -= 1 }
                }
            }
            var harmonic = Harmonic()
            if peakBin >= firstBin, peakBin > 0, peakBin < bins - 1 {
                let (x, y) = Parabola.vertex(Double(peakBin - 1) * binHz, magnitude[peakBin - 1], Double(peakBin) * binHz, magnitude[peakBin],
                                             Double(peakBin + 1) * binHz, magnitude[peakBin + 1])
                harmonic = Harmonic(bin: peakBin, frequency: x, magnitude: magnitude[peakBin], interpolated: y)
            }
            harmonics.append(harmonic)
        }
        let reference = harmonics.first?.magnitude ?? 0
        if reference > 0 {
            harmonics[0].logRel = 0
            for i in 1..<harmonics.count {
                harmonics[i].logRel = harmonics[i].interpolated > 0 ? max(-200, 20 * (log10(harmonics[i].interpolated) - log10(reference))) : -200
            }
        }
        for i in 1..<harmonics.count where harmonics[i].bin == harmonics[i - 1].bin {
            harmonics[i] = Harmonic(bin: 0, logRel: -201)
        }
        func strongest(near f: Double) -> Int? {
            guard f > 0 else { return nil }
            var best: Int?, bestMagnitude = 0.0
            for (h, harmonic) in harmonics.enumerated() where harmonic.frequency >= 0.8 * f && harmonic.frequency <= 1.2 * f && harmonic.magnitude > bestMagnitude {
                best = h; bestMagnitude = harmonic.magnitude
            }
            return best
        }
        func clamp(_ x: Double) -> Double { min(201, max(-201, x)) }
        // openSMILE's "H1-H2" and "H1-A3" index its harmonic list from 0 (the fundamental), so "H1" is the
        // second harmonic and "H2" the third; eGeMAPS's values are those, and so are these.
        result.h1h2 = clamp(harmonics[1].logRel - harmonics[2].logRel)
        let a3 = strongest(near: formants.count > 2 ? formants[2] : 0)
        result.h1a3 = a3.map { clamp(harmonics[1].logRel - harmonics[$0].logRel) } ?? clamp(harmonics[1].logRel - 201)
        for f in 0..<3 {
            let frequency = f < formants.count ? formants[f] : 0
            result.formantAmplitudes[f] = strongest(near: frequency).map { harmonics[$0].logRel } ?? 0
        }
        return result
    }

    static func isPeak(_ x: [Double], _ n: Int) -> Bool {
        let count = x.count
        guard n >= 0, n < count else { return false }
        if n + 1 < count { return n > 0 ? x[n] > x[n - 1] && x[n] > x[n + 1] : x[0] > x[1] }
        return n > 0 && x[n] > x[n - 1]
    }

    /// The autocorrelation peak nearest lag `index` (openSMILE's search, both sides alternately).
    static func closestPeak(_ x: [Double], _ index: Int) -> Int {
        let n = x.count
        guard index < n else { return 0 }
        if isPeak(x, index) { return index }
        var o = 1
        while index - o > 0 || index + o < n - 1 {
            if index - o > 0, isPeak(x, index - o) { return index - o }
            if index + o < n - 1, isPeak(x, index + o) { return index + o }
            o += 1
        }
        return index
    }
}
