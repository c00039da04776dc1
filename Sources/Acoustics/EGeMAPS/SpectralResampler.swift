import Foundation

/// openSMILE's `cSpecResample` as eGeMAPS uses it before formant analysis: a zero-padded frame's complex
/// spectrum turned back into the original frame's span of samples at another rate (11 kHz), by an inverse
/// DFT that keeps only the bins below the new frame length (its anti-aliasing) and weights them as
/// openSMILE's inverse real DFT does.
struct SpectralResampler {
    /// Samples out, and the DFT length they are a part of (not always whole).
    let outputCount: Int
    let period: Double
    /// Complex bins kept (DC and 1 ..< `keptBins`).
    let keptBins: Int
    private let inverse: InverseFFTPlan?
    private let cosTable: [Double], sinTable: [Double]

    init(frameLength: Int, fftSize: Int, sampleRate: Int, targetRate: Double) {
        let count = Int((Double(frameLength) * targetRate / Double(sampleRate)).rounded())
        outputCount = max(1, count)
        period = Double(fftSize) * Double(outputCount) / Double(frameLength)
        var kMax = min(fftSize, outputCount)
        if kMax % 2 == 1 { kMax -= 1 }
        keptBins = kMax / 2
        let whole = period == period.rounded() && Int(period) >= 2 * keptBins
        inverse = whole ? InverseFFTPlan(size: Int(period)) : nil
        if whole {
            cosTable = []; sinTable = []
        } else {
            var c: [Double] = [], s: [Double] = []
            for i in 0..<outputCount {
                for k in 0..<keptBins {
                    c.append(cos(2 * Double.pi * Double(k * i) / period)); s.append(sin(2 * Double.pi * Double(k * i) / period))
                }
            }
            cosTable = c; sinTable = s
        }
    }

    /// The resampled frame from a spectrum of interleaved re, im pairs (FFTW's sign convention).
    func resample(_ spectrum: [Float]) -> [Double] {
        if let inverse {
            // FFTW's inverse counts every bin but DC twice; halve those so all weigh alike, as in openSMILE's
            // inverse and the direct sum below (the two paths give the same samples).
            var kept = [Float](repeating: 0, count: 2 * keptBins)
            for k in 0..<min(2 * keptBins, spectrum.count) { kept[k] = k < 2 ? spectrum[k] : 0.5 * spectrum[k] }
            kept[1] = 0
            var out = [Float](repeating: 0, count: inverse.size)
            kept.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in if let base = o.baseAddress { inverse.realFromSpectrum(s, into: base) } }
            }
            return out.prefix(outputCount).map(Double.init)
        }
        var out = [Double](repeating: 0, count: outputCount)
        for i in 0..<outputCount {
            var v = 0.0
            for k in 0..<min(keptBins, spectrum.count / 2) {
                // openSMILE's inverse: re·cos + (−im)·sin, DC once.
                v += Double(spectrum[2 * k]) * cosTable[i * keptBins + k] - Double(spectrum[2 * k + 1]) * sinTable[i * keptBins + k]
            }
            out[i] = v
        }
        return out
    }
}
