import Foundation

/// The descriptors of one 20 ms Hamming frame's power spectrum: loudness (26 HTK mel bands from 20 Hz,
/// weighted by Hermansky's equal-loudness curve and compressed by the power 0.33, summed), alpha ratio,
/// Hammarberg index, the spectral slopes 0–500 and 500–1500 Hz, spectral flux and MFCC 1–4 (log mel
/// bands, DCT-II, lifter 22).
struct ShortFrameDescriptors {
    static let bands = 26
    let binHz: Double
    let bins: Int
    private let bandOf: [Int], weightOf: [Double]       // per FFT bin: lower band index (−1 none) and its weight
    private let equalLoudness: [Double]
    private let dct: DCT
    private let lifter: [Double]

    init(sampleRate: Int, fftSize: Int) {
        bins = fftSize / 2 + 1
        binHz = Double(sampleRate) / Double(fftSize)
        func mel(_ f: Double) -> Double { 1127 * log(1 + f / 700) }
        func hz(_ m: Double) -> Double { 700 * (exp(m / 1127) - 1) }
        let low = 20.0, high = min(8000, Double(sampleRate) / 2)
        let step = (mel(high) - mel(low)) / Double(Self.bands + 1)
        let centres = (0...(Self.bands + 1)).map { mel(low) + Double($0) * step }
        let loBin = Int((low / binHz).rounded()), hiBin = Int((high / binHz).rounded())
        var bandOf = [Int](repeating: -2, count: bins), weightOf = [Double](repeating: 0, count: bins)
        for k in 0..<bins where k > loBin && k < hiBin {
            let m = mel(Double(k) * binHz)
            var j = 0
            while j < Self.bands, centres[j + 1] < m { j += 1 }
            bandOf[k] = j - 1
            weightOf[k] = (centres[j + 1] - m) / (centres[j + 1] - centres[j])
        }
        self.bandOf = bandOf
        self.weightOf = weightOf
        equalLoudness = (1...Self.bands).map { b in
            let w = 2 * Double.pi * hz(centres[b]), w2 = w * w, c = w2 + 6_300_000
            return 1e32 * ((w2 + 56.8e6) * w2 * w2) / (c * c * (w2 + 0.38e9) * (w2 * w2 * w2 * w + 1.7e31))
        }
        dct = DCT(inputs: Self.bands, outputs: 5)
        lifter = (0..<5).map { 1 + 11 * sin(Double.pi * Double($0) / 22) }
    }

    /// Loudness, alpha ratio, Hammarberg index, slope 0–500, slope 500–1500, flux, MFCC 1–4.
    func describe(power p: [Double], previousMagnitude: inout [Double]) -> [Double] {
        var mel = [Double](repeating: 0, count: Self.bands)
        for k in 0..<bins {
            let b = bandOf[k]
            guard b > -2 else { continue }
            let a = p[k] * weightOf[k]
            if b >= 0 { mel[b] += a }
            if b + 1 < Self.bands { mel[b + 1] += p[k] - a }
        }
        var loudness = 0.0
        for b in 0..<Self.bands { loudness += pow(max(mel[b], 1e-8) * equalLoudness[b], 0.33) }
        let nyquist = binHz * Double(bins - 1)
        func range(_ lo: Double, _ hi: Double) -> ClosedRange<Int> {
            let a = min(bins - 1, max(0, Int(ceil(lo / binHz)))), b = min(bins - 1, max(a, Int(floor(min(hi, nyquist) / binHz))))
            return a...b
        }
        func energy(_ lo: Double, _ hi: Double) -> Double { range(lo, hi).reduce(1e-20) { $0 + p[$1] } }
        func peakDB(_ lo: Double, _ hi: Double) -> Double { 10 * log10(max(1e-20, range(lo, hi).map { p[$0] }.max() ?? 0)) }
        func slope(_ lo: Double, _ hi: Double) -> Double {
            let r = range(lo, hi)
            guard r.count > 1 else { return 0 }
            let xs = r.map { Double($0) * binHz }, ys = r.map { 10 * log10(max(p[$0], 1e-20)) }
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            var sxy = 0.0, sxx = 0.0
            for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
            return sxx > 0 ? sxy / sxx : 0
        }
        var flux = 0.0
        for k in 0..<bins {
            let m = p[k].squareRoot()
            flux += (m - previousMagnitude[k]) * (m - previousMagnitude[k])
            previousMagnitude[k] = m
        }
        let logMel = mel.map { Float(log(max($0 * 32767 * 32767, 1e-10))) }
        let cepstrum = logMel.withUnsafeBufferPointer { dct.apply($0.baseAddress, count: Self.bands, floor: -Float.infinity) }
        return [loudness, 10 * log10(energy(1000, 5000) / energy(50, 1000)), peakDB(0, 2000) - peakDB(2000, 5000), slope(0, 500), slope(500, 1500), flux]
            + (1...4).map { Double(cepstrum[$0]) * lifter[$0] }
    }
}
