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
        let logMel = logMelSpectrogram(samples)
        let peak = logMel.lazy.flatMap { $0 }.max() ?? 0
        let floor = peak - 80
        let dct = DCT(inputs: melBands, outputs: coefficients)
        return logMel.map { frame in dct.apply(frame.map { max($0, floor) }) }
    }

    /// The log-mel spectrogram in dB before the whole-signal floor: what streaming keeps to reproduce it.
    public func logMelSpectrogram(_ samples: [Float]) -> [[Float]] {
        let pad = fftSize / 2
        let padded = [Float](repeating: 0, count: pad) + samples.map { $0.isFinite ? $0 : 0 } + [Float](repeating: 0, count: pad)
        let frames = samples.isEmpty ? 0 : 1 + samples.count / hop
        let offset = (fftSize - window) / 2
        let hann = (0..<window).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(window))) }
        var windowed = [Float](repeating: 0, count: fftSize)
        let plan = FFTPlan(size: fftSize)
        let bank = MelFilterBank(sampleRate: sampleRate, fftSize: fftSize, bands: melBands)
        var power: [Float] = [], bands: [Float] = []
        var out: [[Float]] = []
        out.reserveCapacity(frames)
        for f in 0..<frames {
            let start = f * hop
            for i in 0..<fftSize {
                let w: Float = (i >= offset && i < offset + window) ? hann[i - offset] : 0
                let index = start + i
                windowed[i] = index < padded.count ? padded[index] * w : 0
            }
            windowed.withUnsafeBufferPointer { plan.power(of: $0, into: &power) }
            bank.apply(power, into: &bands)
            out.append(bands.map { 10 * log10f(max(1e-10, $0)) })
        }
        return out
    }
}

/// The orthonormal DCT-II (scipy's `dct(type=2, norm='ortho')`), first `outputs` coefficients.
struct DCT {
    let basis: [[Float]]

    init(inputs n: Int, outputs: Int) {
        basis = (0..<outputs).map { k in
            let scale = k == 0 ? (1 / Double(n)).squareRoot() : (2 / Double(n)).squareRoot()
            return (0..<n).map { i in Float(scale * cos(Double.pi * Double(k) * (2 * Double(i) + 1) / (2 * Double(n)))) }
        }
    }

    func apply(_ x: [Float]) -> [Float] {
        basis.map { row in
            var s: Double = 0
            for i in row.indices { s += Double(row[i]) * Double(x[i]) }
            return Float(s)
        }
    }
}
