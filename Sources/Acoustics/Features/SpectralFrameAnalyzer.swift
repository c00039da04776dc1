import Foundation

/// The spectral descriptors of one frame, and its log-mel bands for the MFCC. One analyser per thread:
/// it owns its FFT plan and buffers and allocates nothing per frame.
final class SpectralFrameAnalyzer {
    struct Row {
        var rmsDB: Float = 0, loudness: Float = 0, zcr: Float = 0, centroid: Float = 0, flux: Float = 0, rolloff: Float = 0, flatness: Float = 0
        /// HTK: the log frame energy that replaces c0.
        var logEnergy: Float = 0
    }

    let settings: FeatureSettings
    let bank: MelFilterBank
    private let plan: FFTPlan
    /// The analysis window, `settings.window` long, placed at `windowOffset` in the FFT frame.
    private let window: [Float]
    let windowOffset: Int
    private var power: [Float]
    private var magnitude: [Float]
    private var previous: [Float]
    private var hasPrevious = false
    private var previousMagnitudeSum: Float = 0
    private var melPower: [Float]
    /// Per band: log2 of the mel power, and its loudness term.
    private var log2Mel: [Float], terms: [Float]
    /// Per FFT bin: log2 of the power.
    private var logPower: [Float]
    private let binHz: Float

    init(settings: FeatureSettings) {
        self.settings = settings
        let n = settings.fft, w = settings.window
        plan = FFTPlan(size: n)
        switch settings.style {
        case .librosa:
            window = (0..<w).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(w))) }
            windowOffset = (n - w) / 2
            bank = MelFilterBank(sampleRate: settings.sampleRate, fftSize: n, bands: settings.bands)
        case .htk:
            window = (0..<w).map { Float(0.54 - 0.46 * cos(2 * Double.pi * Double($0) / Double(max(1, w - 1)))) }
            windowOffset = 0
            bank = MelFilterBank(psfSampleRate: settings.sampleRate, fftSize: n, bands: settings.bands)
        }
        power = [Float](repeating: 0, count: n / 2 + 1)
        magnitude = power
        previous = power
        melPower = [Float](repeating: 0, count: settings.bands)
        log2Mel = melPower
        logPower = [Float](repeating: 0, count: settings.fft / 2 + 1)
        terms = melPower
        binHz = Float(settings.sampleRate) / Float(n)
    }

    /// Analyses one FFT frame (`settings.fft` samples; the window's samples at `windowOffset`); writes the
    /// log-mel bands (dB for librosa, natural log for HTK, unfloored) to `logMel`.
    func analyse(_ frame: UnsafeBufferPointer<Float>, into row: inout Row, logMel: UnsafeMutablePointer<Float>) {
        let n = settings.fft, w = settings.window, offset = windowOffset
        // Level (eight partial sums at a time) and zero crossings (a separate integer pass) of the raw window.
        var sum: Float = 0, crossings = 0
        if let base = frame.baseAddress {
            let x = base + offset
            var lanes = SIMD8<Float>()
            var i = 0
            while i + 8 <= w {
                let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
                lanes += v * v
                i += 8
            }
            sum = lanes.sum()
            while i < w { sum += x[i] * x[i]; i += 1 }
            for j in 1..<max(1, w) { crossings &+= (x[j] < 0 ? 1 : 0) ^ (x[j - 1] < 0 ? 1 : 0) }
        }
        let ms = sum / Float(w)
        row.rmsDB = ms > 1e-12 ? max(-120, 10 * log10f(ms)) : -120
        row.zcr = Float(crossings) / Float(w)
        power.withUnsafeMutableBufferPointer { p in
            guard let bins = p.baseAddress else { return }
            window.withUnsafeBufferPointer { win in
                plan.power(filling: { input in
                    // Zeros around the window, the windowed samples eight at a time.
                    input.update(repeating: 0, count: offset)
                    (input + offset + w).update(repeating: 0, count: n - offset - w)
                    guard let source = frame.baseAddress, let weights = win.baseAddress else { return }
                    let from = source + offset, to = input + offset
                    var i = 0
                    while i + 8 <= w {
                        let product = UnsafeRawPointer(from + i).loadUnaligned(as: SIMD8<Float>.self)
                            * UnsafeRawPointer(weights + i).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(to + i).storeBytes(of: product, as: SIMD8<Float>.self)
                        i += 8
                    }
                    while i < w { to[i] = from[i] * weights[i]; i += 1 }
                }, into: bins)
            }
        }
        let bins = n / 2 + 1
        if settings.style == .htk {
            let scale = 1 / Float(n)
            var energy: Float = 0
            for k in 0..<bins { power[k] *= scale; energy += power[k] }
            row.logEnergy = logf(max(energy, Float.leastNormalMagnitude))
        }
        // Spectral shape, over raw pointers (no bounds checks in the per-bin loops).
        let hz = binHz
        var magnitudeSum: Float = 0, weighted: Float = 0, powerSum: Float = 0, logPowerSum: Double = 0
        let previousSum = previousMagnitudeSum
        var rolloff = 0
        var flux: Float = 0
        power.withUnsafeBufferPointer { p in
            magnitude.withUnsafeMutableBufferPointer { mag in
                previous.withUnsafeBufferPointer { prev in
                    guard let pp = p.baseAddress, let mm = mag.baseAddress else { return }
                    // Magnitudes and the log2 powers (for the geometric mean) in passes of their own, then
                    // the sums eight partial sums at a time.
                    for k in 0..<bins { mm[k] = pp[k].squareRoot() }
                    logPower.withUnsafeMutableBufferPointer { l in
                        guard let ll = l.baseAddress else { return }
                        for k in 0..<bins { ll[k] = FastMath.log2(max(pp[k], 1e-10)) }
                        var ms = SIMD8<Float>(), ws = SIMD8<Float>(), ps = SIMD8<Float>(), ls = SIMD8<Float>()
                        var index = SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7)
                        let eight = SIMD8<Float>(repeating: 8)
                        var k = 0
                        while k + 8 <= bins {
                            let m = UnsafeRawPointer(mm + k).loadUnaligned(as: SIMD8<Float>.self)
                            ms += m
                            ws += m * index
                            ps += UnsafeRawPointer(pp + k).loadUnaligned(as: SIMD8<Float>.self)
                            ls += UnsafeRawPointer(ll + k).loadUnaligned(as: SIMD8<Float>.self)
                            index += eight
                            k += 8
                        }
                        var m0 = ms.sum(), w0 = ws.sum(), p0 = ps.sum(), l0 = ls.sum()
                        while k < bins { m0 += mm[k]; w0 += mm[k] * Float(k); p0 += pp[k]; l0 += ll[k]; k += 1 }
                        magnitudeSum = m0
                        weighted = w0 * hz
                        powerSum = p0
                        logPowerSum = Double(l0) * 0.693_147_180_559_945_3   // natural log
                    }
                    let target = 0.85 * magnitudeSum
                    var cumulative: Float = 0
                    for k in 0..<bins {
                        cumulative += mag[k]
                        if cumulative >= target { rolloff = k; break }
                    }
                    if hasPrevious, magnitudeSum > 0, let pv = prev.baseAddress {
                        // The change of the normalised magnitudes, eight partial sums at a time.
                        let a = 1 / magnitudeSum, b: Float = previousSum > 0 ? 1 / previousSum : 0
                        let av = SIMD8<Float>(repeating: a), bv = SIMD8<Float>(repeating: b)
                        var lanes = SIMD8<Float>()
                        var k = 0
                        while k + 8 <= bins {
                            let d = UnsafeRawPointer(mm + k).loadUnaligned(as: SIMD8<Float>.self) * av
                                - UnsafeRawPointer(pv + k).loadUnaligned(as: SIMD8<Float>.self) * bv
                            lanes += d * d
                            k += 8
                        }
                        flux = lanes.sum()
                        while k < bins { let d = mm[k] * a - pv[k] * b; flux += d * d; k += 1 }
                    }
                }
            }
        }
        row.centroid = magnitudeSum > 0 ? weighted / magnitudeSum : 0
        row.rolloff = magnitudeSum > 0 ? Float(rolloff) * binHz : 0
        let arithmetic = max(powerSum / Float(bins), 1e-10)
        row.flatness = min(1, Float(Foundation.exp(logPowerSum / Double(bins))) / arithmetic)
        row.flux = flux.squareRoot()
        swap(&previous, &magnitude)
        previousMagnitudeSum = magnitudeSum
        hasPrevious = true
        // Mel bands, loudness and the log-mel for the cepstrum.
        power.withUnsafeBufferPointer { p in melPower.withUnsafeMutableBufferPointer { bank.apply(p, into: $0) } }
        var loudness: Float = 0
        // One base-2 log per band gives both the log-mel (dB for librosa, natural log for HTK) and, through
        // 2^(0.3 log2 e), the band's loudness e^0.3.
        let librosa = settings.style == .librosa
        let scale: Float = librosa ? 3.010_299_956_6 : 0.693_147_180_56   // 10·log10(2), ln 2
        let floor: Float = librosa ? 1e-10 : Float.leastNormalMagnitude
        let bands = settings.bands
        melPower.withUnsafeBufferPointer { mel in
            log2Mel.withUnsafeMutableBufferPointer { l2 in
                terms.withUnsafeMutableBufferPointer { t in
                    // Separate passes with no sum across bands in them, so each can run eight bands at a time.
                    for m in 0..<bands { l2[m] = FastMath.log2(max(mel[m], floor)) }
                    for m in 0..<bands { logMel[m] = scale * l2[m] }
                    for m in 0..<bands { t[m] = FastMath.exp2(0.3 * l2[m]) * (mel[m] > 1e-10 ? 1 : 0) }
                    for m in 0..<bands { loudness += t[m] }
                }
            }
        }
        row.loudness = loudness
    }
}
