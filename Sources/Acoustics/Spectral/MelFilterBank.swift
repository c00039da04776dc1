import Foundation

/// Triangular mel filters over the bins of an FFT, as librosa makes them by default (Slaney's mel scale,
/// linear below 1 kHz and logarithmic above, each filter normalised to unit area) or HTK's.
public struct MelFilterBank: Sendable {
    /// `weights[m][k]` for mel band m and FFT bin k.
    public let weights: [[Float]]
    /// The non-zero weights of every band one after another (band m's from `packedStart[m]`), for `apply`.
    private var packed: [Float] = []
    private var packedStart: [Int] = []
    /// First and one-past-last non-zero bin of each band, to skip the zeros.
    let spans: [Range<Int>]

    public init(sampleRate: Int, fftSize: Int, bands: Int, fmin: Double = 0, fmax: Double? = nil, htk: Bool = false) {
        let top = fmax ?? Double(sampleRate) / 2
        let low = MelFilterBank.mel(fmin, htk: htk), high = MelFilterBank.mel(top, htk: htk)
        let points = (0..<(bands + 2)).map { MelFilterBank.hz(low + (high - low) * Double($0) / Double(bands + 1), htk: htk) }
        let bins = fftSize / 2 + 1
        let freqs = (0..<bins).map { Double($0) * Double(sampleRate) / Double(fftSize) }
        var weights: [[Float]] = []
        var spans: [Range<Int>] = []
        for m in 0..<bands {
            let lower = points[m], centre = points[m + 1], upper = points[m + 2]
            let norm = htk ? 1 : 2 / (upper - lower)
            var row = [Float](repeating: 0, count: bins)
            var first = bins, last = 0
            for (k, f) in freqs.enumerated() {
                let rising = (f - lower) / (centre - lower), falling = (upper - f) / (upper - centre)
                let w = max(0, min(rising, falling)) * norm
                if w > 0 { row[k] = Float(w); first = min(first, k); last = max(last, k + 1) }
            }
            weights.append(row)
            spans.append(first < last ? first..<last : 0..<0)
        }
        self.weights = weights
        self.spans = spans
        pack()
    }

    /// HTK-style filters as python_speech_features builds them: HTK mel points, snapped to whole FFT bins
    /// (`floor((n_fft + 1) · hz / rate)`), triangles of height 1.
    public init(psfSampleRate sampleRate: Int, fftSize: Int, bands: Int) {
        let high = MelFilterBank.mel(Double(sampleRate) / 2, htk: true)
        let bin = (0..<(bands + 2)).map { Int((Double(fftSize + 1) * MelFilterBank.hz(high * Double($0) / Double(bands + 1), htk: true) / Double(sampleRate)).rounded(.down)) }
        let bins = fftSize / 2 + 1
        var weights: [[Float]] = []
        var spans: [Range<Int>] = []
        for j in 0..<bands {
            var row = [Float](repeating: 0, count: bins)
            for i in bin[j]..<max(bin[j], bin[j + 1]) where i < bins { row[i] = Float(i - bin[j]) / Float(max(1, bin[j + 1] - bin[j])) }
            for i in bin[j + 1]..<max(bin[j + 1], bin[j + 2]) where i < bins { row[i] = Float(bin[j + 2] - i) / Float(max(1, bin[j + 2] - bin[j + 1])) }
            let nonzero = row.indices.filter { row[$0] != 0 }
            spans.append((nonzero.first ?? 0)..<((nonzero.last ?? -1) + 1))
            weights.append(row)
        }
        self.weights = weights
        self.spans = spans
        pack()
    }

    static func mel(_ hz: Double, htk: Bool) -> Double { htk ? 2595 * log10(1 + hz / 700) : slaneyMel(hz) }
    static func hz(_ mel: Double, htk: Bool) -> Double { htk ? 700 * (pow(10, mel / 2595) - 1) : slaneyHz(mel) }

    /// Slaney's mel scale (librosa's default, htk=False).
    static func slaneyMel(_ hz: Double) -> Double {
        let fsp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fsp, logStep = log(6.4) / 27
        return hz >= minLogHz ? minLogMel + log(hz / minLogHz) / logStep : hz / fsp
    }

    static func slaneyHz(_ mel: Double) -> Double {
        let fsp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fsp, logStep = log(6.4) / 27
        return mel >= minLogMel ? minLogHz * exp(logStep * (mel - minLogMel)) : fsp * mel
    }

    /// The mel band energies of one power spectrum.
    public func apply(_ power: [Float], into bands: inout [Float]) {
        if bands.count != weights.count { bands = [Float](repeating: 0, count: weights.count) }
        power.withUnsafeBufferPointer { p in
            bands.withUnsafeMutableBufferPointer { out in apply(p, into: out) }
        }
    }

    private mutating func pack() {
        packed = []
        packedStart = []
        for (m, span) in spans.enumerated() {
            packedStart.append(packed.count)
            for k in span { packed.append(weights[m][k]) }
        }
    }

    /// The same into a buffer of `weights.count` values, without allocating.
    public func apply(_ p: UnsafeBufferPointer<Float>, into bands: UnsafeMutableBufferPointer<Float>) {
        packed.withUnsafeBufferPointer { w in
            spans.withUnsafeBufferPointer { spans in
                packedStart.withUnsafeBufferPointer { starts in
                    for m in 0..<spans.count {
                        var sum: Float = 0
                        var j = starts[m]
                        for k in spans[m] { sum += w[j] * p[k]; j += 1 }
                        bands[m] = sum
                    }
                }
            }
        }
    }
}
