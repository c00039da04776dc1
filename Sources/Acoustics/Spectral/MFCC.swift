import Foundation

/// Mel-frequency cepstral coefficients, computed the way librosa computes them by default:
/// `librosa.feature.mfcc(y, sr, n_mfcc, n_fft, win_length, hop_length, n_mels, center=True)` — a periodic Hann
/// window zero-padded to n_fft, the signal padded with n_fft/2 zeros at both ends, the power spectrum, Slaney
/// mel filters, `power_to_db` (ref 1, amin 1e-10, floor 80 dB under the loudest value of the whole signal)
/// and an orthonormal DCT-II. Frame f is centred at f × hop samples.
public struct MFCC: Sendable {
    public var sampleRate: Int
    public var fftSize: Int
    public var window: Int
    public var hop: Int
    public var melBands: Int
    public var coefficients: Int

    public init(sampleRate: Int, fftSize: Int, window: Int, hop: Int, melBands: Int = 40, coefficients: Int = 13) {
        self.sampleRate = sampleRate; self.fftSize = fftSize; self.window = min(window, fftSize); self.hop = max(1, hop)
        self.melBands = melBands; self.coefficients = coefficients
    }

    /// librosa's default framing for speech at `sampleRate`: 25 ms windows every 10 ms, n_fft the next power of two.
    public init(sampleRate: Int, windowMs: Double = 25, hopMs: Double = 10, melBands: Int = 40, coefficients: Int = 13) {
        let window = Int((windowMs * Double(sampleRate) / 1000).rounded())
        var fft = 1
        while fft < window { fft *= 2 }
        self.init(sampleRate: sampleRate, fftSize: fft, window: window, hop: Int((hopMs * Double(sampleRate) / 1000).rounded()),
                  melBands: melBands, coefficients: coefficients)
    }

    /// The coefficients of every frame: `result[frame][coefficient]`.
    public func compute(_ samples: [Float]) -> [[Float]] {
        let flat = computeFlat(samples)
        return stride(from: 0, to: flat.count, by: max(1, coefficients)).map { Array(flat[$0..<($0 + coefficients)]) }
    }

    /// The coefficients of every frame in one array, frame after frame (no per-frame allocation).
    public func computeFlat(_ samples: [Float]) -> [Float] {
        let (logMel, frames) = logMelSpectrogram(samples)
        let floor = (logMel.max() ?? 0) - 80
        let dct = DCT(inputs: melBands, outputs: coefficients)
        var out = [Float](repeating: 0, count: frames * coefficients)
        let (bands, count) = (melBands, coefficients)
        logMel.withUnsafeBufferPointer { mel in
            out.withUnsafeMutableBufferPointer { o in
                dct.basis.withUnsafeBufferPointer { basis in
                    guard let m = mel.baseAddress, let target = o.baseAddress, let b = basis.baseAddress else { return }
                    var clipped = [Float](repeating: 0, count: bands)
                    clipped.withUnsafeMutableBufferPointer { c in
                        guard let clip = c.baseAddress else { return }
                        for f in 0..<frames {
                            let row = m + f * bands
                            for i in 0..<bands { clip[i] = max(row[i], floor) }
                            let result = target + f * count
                            for k in 0..<count {
                                var sum: Float = 0
                                let weights = b + k * bands
                                for i in 0..<bands { sum += weights[i] * clip[i] }
                                result[k] = sum
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The log-mel spectrogram in dB before the whole-signal floor, frame after frame in one array (frames ×
    /// bands), and the number of frames: what streaming keeps to reproduce librosa's floor.
    public func logMelSpectrogram(_ samples: [Float]) -> (values: [Float], frames: Int) {
        let pad = fftSize / 2
        let frames = samples.isEmpty ? 0 : 1 + samples.count / hop
        // The periodic Hann window, centred in an n_fft frame of zeros: only its `window` samples change.
        let offset = (fftSize - window) / 2
        let shaped = (0..<window).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(window))) }
        let plan = FFTPlan(size: fftSize)
        let bank = MelFilterBank(sampleRate: sampleRate, fftSize: fftSize, bands: melBands)
        var power = [Float](repeating: 0, count: fftSize / 2 + 1)
        var out = [Float](repeating: 0, count: frames * melBands)
        let (size, w, bandsCount, count) = (fftSize, window, melBands, samples.count)
        plan.power(filling: { input in for i in 0..<size { input[i] = 0 } }, into: &power)
        samples.withUnsafeBufferPointer { x in
            shaped.withUnsafeBufferPointer { win in
                power.withUnsafeMutableBufferPointer { p in
                    out.withUnsafeMutableBufferPointer { o in
                        guard let bins = p.baseAddress, let target = o.baseAddress else { return }
                        for f in 0..<frames {
                            // Samples of the window: librosa pads the signal with n_fft/2 zeros at both ends.
                            let first = f * hop - pad + offset
                            plan.power(filling: { input in
                                if first >= 0, first + w <= count {
                                    for i in 0..<w { let v = x[first + i]; input[offset + i] = (v.isFinite ? v : 0) * win[i] }
                                } else {
                                    for i in 0..<w {
                                        let j = first + i
                                        let v: Float = j >= 0 && j < count && x[j].isFinite ? x[j] : 0
                                        input[offset + i] = v * win[i]
                                    }
                                }
                            }, into: bins)
                            let row = UnsafeMutableBufferPointer(start: target + f * bandsCount, count: bandsCount)
                            bank.apply(UnsafeBufferPointer(p), into: row)
                            for m in 0..<bandsCount { row[m] = 10 * log10f(max(1e-10, row[m])) }
                        }
                    }
                }
            }
        }
        return (out, frames)
    }
}

/// The orthonormal DCT-II (scipy's `dct(type=2, norm='ortho')`), first `outputs` coefficients.
struct DCT {
    /// outputs × inputs, row by row.
    let basis: [Float]
    /// The same, inputs × outputs: every output's sum advances one input at a time, side by side.
    let transposed: [Float]
    let inputs: Int
    let outputs: Int

    init(inputs n: Int, outputs: Int) {
        self.inputs = n
        self.outputs = outputs
        let rows = (0..<outputs).map { k in
            let scale = k == 0 ? (1 / Double(n)).squareRoot() : (2 / Double(n)).squareRoot()
            return (0..<n).map { i in Float(scale * cos(Double.pi * Double(k) * (2 * Double(i) + 1) / (2 * Double(n)))) }
        }
        basis = rows.flatMap { $0 }
        transposed = (0..<n).flatMap { i in rows.map { $0[i] } }
    }

    /// The coefficients of `count` values at `x`, each raised to at least `floor`.
    func apply(_ x: UnsafePointer<Float>?, count: Int, floor: Float) -> [Float] {
        var out = [Float](repeating: 0, count: outputs)
        out.withUnsafeMutableBufferPointer { apply(x, count: count, floor: floor, into: $0) }
        return out
    }

    /// The same into `out` (`outputs` values), allocating nothing. Each coefficient is summed over the
    /// inputs in order, as a row-by-row product would; the coefficients advance together.
    func apply(_ x: UnsafePointer<Float>?, count: Int, floor: Float, into out: UnsafeMutableBufferPointer<Float>) {
        guard let x, let o = out.baseAddress else { return }
        let m = min(outputs, out.count)
        for k in 0..<m { o[k] = 0 }
        transposed.withUnsafeBufferPointer { t in
            guard let b = t.baseAddress else { return }
            for i in 0..<count {
                let v = max(x[i], floor)
                let row = b + i * outputs
                for k in 0..<m { o[k] += row[k] * v }
            }
        }
    }
}
