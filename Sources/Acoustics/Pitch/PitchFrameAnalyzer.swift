import Foundation

/// Praat's short-term autocorrelation analysis of one frame (Boersma 1993): a Hann window three floor
/// periods long, the local mean removed, the autocorrelation through FFTW divided by the window's own,
/// and its peaks between the ceiling's and the floor's lags as voiced candidates, refined by parabolic
/// interpolation. Owns its FFT plans and buffers: one analyser per thread.
final class PitchFrameAnalyzer {
    let settings: PitchSettings
    let sampleRate: Int
    /// Samples in the analysis window (even), and half of it.
    let windowSamples: Int
    let halfWindow: Int
    /// One floor period in samples, over which the local mean is taken on each side.
    let periodSamples: Int
    let minimumLag: Int
    let maximumLag: Int
    private let fftSize: Int
    private let window: [Float]
    private let windowAutocorrelation: [Float]
    /// 1 / the window's autocorrelation (0 where it vanishes), to normalise without dividing.
    private let inverseWindowAutocorrelation: [Float]
    /// Reused for each frame's candidates (the caller consumes them before the next frame).
    private var candidates: [(frequency: Double, strength: Double)] = []
    private let forward: FFTPlan
    private let inverse: InverseFFTPlan
    private var frame: [Float]
    private var power: [Float]
    private var r: [Float]
    private var normalised: [Float]

    init(sampleRate: Int, settings: PitchSettings) {
        self.settings = settings
        self.sampleRate = sampleRate
        let dx = 1 / Double(sampleRate)
        var n = Int((settings.periodsPerWindow / settings.floorHz / dx).rounded(.down))
        let half = n / 2 - 1
        n = half * 2
        windowSamples = n
        halfWindow = half
        periodSamples = Int((1 / dx / settings.floorHz).rounded(.down))
        minimumLag = max(2, Int((1 / dx / settings.ceilingHz).rounded(.down)))
        maximumLag = min(Int((Double(n) / settings.periodsPerWindow).rounded(.down)) + 2, n)
        var size = 1
        while size < Int(Double(n) * 1.5) { size *= 2 }
        fftSize = size
        window = (1...n).map { Float(0.5 - 0.5 * cos(Double($0) * 2 * .pi / Double(n + 1))) }
        forward = FFTPlan(size: size)
        inverse = InverseFFTPlan(size: size)
        frame = [Float](repeating: 0, count: size)
        power = [Float](repeating: 0, count: size / 2 + 1)
        r = [Float](repeating: 0, count: size)
        normalised = [Float](repeating: 0, count: n + 1)
        // The window's own autocorrelation, to undo its taper.
        var own = [Float](repeating: 0, count: size)
        Self.autocorrelate(window, count: n, forward: forward, inverse: inverse, power: &power, into: &own)
        let zero = max(own[0], 1e-30)
        windowAutocorrelation = own.map { $0 / zero }
        inverseWindowAutocorrelation = windowAutocorrelation.map { $0 > 0 ? 1 / $0 : 0 }
        candidates.reserveCapacity(settings.maximumCandidates + 1)
    }

    /// The peak of a frame (after the local mean is removed), as Praat measures intensity against the
    /// loudest frame: `x` must hold `periodSamples` and `halfWindow` samples around `centre`.
    func analyse(_ x: UnsafeBufferPointer<Float>, centre: Int, globalPeak: Float, skipBelow: Double) -> PitchFrame {
        // The local mean over one floor period on each side.
        var mean: Float = 0
        let meanFrom = centre - periodSamples + 1, meanCount = 2 * periodSamples
        if let base = x.baseAddress {
            // Eight partial sums at a time, then the rest.
            let m = base + meanFrom
            var lanes = SIMD8<Float>()
            var i = 0
            while i + 8 <= meanCount { lanes += UnsafeRawPointer(m + i).loadUnaligned(as: SIMD8<Float>.self); i += 8 }
            mean = lanes.sum()
            while i < meanCount { mean += m[i]; i += 1 }
        }
        mean /= Float(meanCount)
        var localPeak: Float = 0
        let start = centre - halfWindow + 1
        let count = windowSamples
        frame.withUnsafeMutableBufferPointer { f in
            window.withUnsafeBufferPointer { w in
                guard let source = x.baseAddress, let weights = w.baseAddress, let target = f.baseAddress else { return }
                let from = source + start, centred = SIMD8<Float>(repeating: mean)
                var i = 0
                while i + 8 <= count {
                    let v = (UnsafeRawPointer(from + i).loadUnaligned(as: SIMD8<Float>.self) - centred)
                        * UnsafeRawPointer(weights + i).loadUnaligned(as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(target + i).storeBytes(of: v, as: SIMD8<Float>.self)
                    i += 8
                }
                while i < count { target[i] = (from[i] - mean) * weights[i]; i += 1 }
                // The largest magnitude, four running maxima side by side (max is exact in any order).
                let f = target
                var p0: Float = 0, p1: Float = 0, p2: Float = 0, p3: Float = 0
                var j = 0
                while j + 4 <= count {
                    let a0 = abs(f[j]), a1 = abs(f[j + 1]), a2 = abs(f[j + 2]), a3 = abs(f[j + 3])
                    p0 = a0 > p0 ? a0 : p0; p1 = a1 > p1 ? a1 : p1; p2 = a2 > p2 ? a2 : p2; p3 = a3 > p3 ? a3 : p3
                    j += 4
                }
                localPeak = max(max(p0, p1), max(p2, p3))
                while j < count { localPeak = max(localPeak, abs(f[j])); j += 1 }
            }
        }
        let intensity = globalPeak > 0 ? min(1, Double(localPeak / globalPeak)) : 0
        guard intensity >= skipBelow, localPeak > 0 else { return PitchFrame(intensity: intensity, candidates: []) }
        Self.autocorrelate(frame, count: windowSamples, forward: forward, inverse: inverse, power: &power, into: &r)
        let r0 = r[0]
        guard r0 > 0 else { return PitchFrame(intensity: intensity, candidates: []) }
        // Normalised, corrected for the window, over the lags a pitch can have (one lag of margin for the peaks).
        let last = min(maximumLag + 1, windowSamples - 1)
        r.withUnsafeBufferPointer { rr in
            inverseWindowAutocorrelation.withUnsafeBufferPointer { w in
                normalised.withUnsafeMutableBufferPointer { out in
                    let inverse = 1 / r0
                    guard let a = rr.baseAddress, let b = w.baseAddress, let o = out.baseAddress else { return }
                    let scale = SIMD8<Float>(repeating: inverse)
                    var lag = 1
                    while lag + 8 <= last + 1 {
                        let v = UnsafeRawPointer(a + lag).loadUnaligned(as: SIMD8<Float>.self) * scale
                            * UnsafeRawPointer(b + lag).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(o + lag).storeBytes(of: v, as: SIMD8<Float>.self)
                        lag += 8
                    }
                    while lag <= last { o[lag] = a[lag] * inverse * b[lag]; lag += 1 }
                }
            }
        }
        candidates.removeAll(keepingCapacity: true)
        let threshold = Float(0.5 * settings.voicingThreshold)
        for lag in max(minimumLag, 2)...min(maximumLag, last - 1) {
            let (a, b, c) = (normalised[lag - 1], normalised[lag], normalised[lag + 1])
            guard b > threshold, b > a, b >= c else { continue }
            // Parabolic interpolation of the peak.
            let denominator = a - 2 * b + c
            let shift = denominator < 0 ? Double(0.5 * (a - c) / denominator) : 0
            var strength = Double(b) - 0.25 * Double(a - c) * shift
            if strength > 1 { strength = 1 / strength }
            let place = Double(lag) + shift
            let frequency = Double(sampleRate) / place
            guard frequency <= settings.ceilingHz, frequency >= settings.floorHz * 0.5 else { continue }
            candidates.append((frequency, strength))
        }
        if candidates.count > settings.maximumCandidates - 1 {
            candidates.sort { $0.strength > $1.strength }
            candidates.removeLast(candidates.count - (settings.maximumCandidates - 1))
        }
        return PitchFrame(intensity: intensity, candidates: candidates)
    }

    /// The autocorrelation of `count` samples (zero-padded to the plan's size) by FFT: |X|² back to time.
    private static func autocorrelate(_ x: [Float], count: Int, forward: FFTPlan, inverse: InverseFFTPlan, power: inout [Float], into out: inout [Float]) {
        let size = forward.size
        power.withUnsafeMutableBufferPointer { p in
            guard let bins = p.baseAddress else { return }
            x.withUnsafeBufferPointer { src in
                forward.power(filling: { input in
                    guard let from = src.baseAddress else { return }
                    let n = min(count, size)
                    input.update(from: from, count: n)
                    (input + n).update(repeating: 0, count: size - n)
                }, into: bins)
            }
            out.withUnsafeMutableBufferPointer { o in
                guard let target = o.baseAddress else { return }
                inverse.realFromPower(UnsafeBufferPointer(p), into: target)
            }
        }
    }
}
