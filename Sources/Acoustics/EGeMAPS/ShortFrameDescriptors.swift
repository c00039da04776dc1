import Foundation

/// The descriptors of one 20 ms Hamming frame's power spectrum: loudness (26 HTK mel bands from 20 Hz,
/// weighted by Hermansky's equal-loudness curve and compressed by the power 0.33, averaged), alpha ratio,
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
        // HTK's mel scale; openSMILE's filters are triangles on that scale (not in Hz, as MelFilterBank's are).
        func mel(_ f: Double) -> Double { MelFilterBank.mel(f, htk: true) }
        func hz(_ m: Double) -> Double { MelFilterBank.hz(m, htk: true) }
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

    static let powerFloor = 1e-14

    /// openSMILE's band slope of the dB spectrum: a regression over the bins from the one at `lo` to the
    /// one at `hi`, whose count it takes as one less than it is (as openSMILE does).
    func slope(_ p: [Double], _ lo: Double, _ hi: Double) -> Double {
        let first = min(bins - 1, max(0, Int(floor(lo / binHz)))), last = min(bins - 1, Int(floor(hi / binHz)))
        guard last > first else { return 0 }
        var sf = 0.0, s2f = 0.0, sumA = 0.0, sumB = 0.0
        for k in first...last {
            let f = Double(k) * binHz, y = p[k] > Self.powerFloor ? 10 * log10(p[k]) : -140
            sf += f; s2f += f * f; sumA += f * y; sumB += y
        }
        let n = Double(last - first)
        let denominator = n * s2f - sf * sf
        return denominator != 0 ? (n * sumA - sf * sumB) / denominator : 0
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
        loudness /= Double(Self.bands)
        // Alpha ratio and Hammarberg index over the bins up to 5 kHz, split at 1 and 2 kHz (DC included).
        var low = 0.0, high = 0.0, peakLow = 0.0, peakHigh = 0.0
        for k in 0..<bins {
            let f = Double(k) * binHz
            if f > 5000 { break }
            if f < 1000 { low += p[k] } else { high += p[k] }
            if f < 2000 { peakLow = max(peakLow, p[k]) } else { peakHigh = max(peakHigh, p[k]) }
        }
        let alpha = low > 0 ? 10 * log10(max(high, Self.powerFloor) / low) : 0
        let hammarberg = peakHigh > 0 ? 10 * log10(max(peakLow, Self.powerFloor) / peakHigh) : 0
        var flux = 0.0
        for k in 0..<bins {
            let m = p[k].squareRoot()
            flux += (m - previousMagnitude[k]) * (m - previousMagnitude[k])
            previousMagnitude[k] = m
        }
        flux = (flux / Double(bins)).squareRoot()
        let logMel = mel.map { Float(log(max($0 * 32767 * 32767, 1e-10))) }
        let cepstrum = logMel.withUnsafeBufferPointer { dct.apply($0.baseAddress, count: Self.bands, floor: -Float.infinity) }
        return [loudness, alpha, hammarberg, slope(p, 0, 500), slope(p, 500, 1500), flux]
            + (1...4).map { Double(cepstrum[$0]) * lifter[$0] }
    }
}
