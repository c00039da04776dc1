import Foundation

/// What a screen needs to draw a recording at any zoom without reading it again: the lowest and highest
/// sample of every 10 ms, and a coarse spectrogram (linear bands up to 4 kHz, 10 ms hop) as bytes.
/// Four minutes of audio take about a megabyte; it is built in bounded memory from blocks (`Builder`).
public struct AudioOverview: Sendable {
    public static let frameMs = 10
    public let sampleRate: Int
    public let durationMs: Int
    public let bands: Int
    /// Per 10 ms: lowest and highest sample.
    public private(set) var minimum: [Float] = []
    public private(set) var maximum: [Float] = []
    /// Frames × bands, 0 (70 dB under the loudest) to 255 (the loudest).
    public private(set) var spectrum: [UInt8] = []

    public var frames: Int { minimum.count }

    /// The largest sample magnitude in the recording.
    public var peak: Float { Swift.max(-(minimum.min() ?? 0), maximum.max() ?? 0) }

    /// The overview of one channel (or a mix) of `samples` at `sampleRate`.
    public init(samples: [Float], sampleRate: Int, bands: Int = 32) {
        let builder = Builder(sampleRate: sampleRate, bands: bands)
        builder.append(samples)
        self = builder.finish()
    }

    init(sampleRate: Int, bands: Int, durationMs: Int, minimum: [Float], maximum: [Float], spectrum: [UInt8]) {
        self.sampleRate = sampleRate; self.bands = bands; self.durationMs = durationMs
        self.minimum = minimum; self.maximum = maximum; self.spectrum = spectrum
    }

    /// Builds an overview from a recording that arrives in blocks, holding only the samples of the
    /// frames not yet complete; the spectrogram's levels wait in a spill until the loudest is known.
    public final class Builder {
        let sampleRate: Int, bands: Int, hop: Int, size: Int
        private let plan: FFTPlan
        private let window: [Float]
        private let binsPerBand: Double
        private var power: [Float]
        private var levels: [Float]
        private let spill: FloatSpill
        private var minimum: [Float] = [], maximum: [Float] = []
        /// Samples from `base` on, and how many have arrived in all.
        private var samples: [Float] = []
        private var base = 0, total = 0
        /// The next frame whose extremes, and whose spectrum, are still to be found.
        private var nextExtremes = 0, nextSpectrum = 0

        public init(sampleRate: Int, bands: Int = 32) {
            self.sampleRate = max(1, sampleRate)
            self.bands = max(1, bands)
            hop = max(1, self.sampleRate * AudioOverview.frameMs / 1000)
            // Spectrogram: Hann-windowed frames of the next power of two above 25 ms.
            var size = 1
            while size < self.sampleRate / 40 { size *= 2 }
            self.size = size
            plan = FFTPlan(size: size)
            window = (0..<size).map { 0.5 - 0.5 * cosf(2 * .pi * Float($0) / Float(size)) }
            let topHz = Swift.min(4000, self.sampleRate / 2)
            binsPerBand = Swift.max(1.0, Double(topHz) / (Double(self.sampleRate) / Double(size)) / Double(self.bands))
            power = [Float](repeating: 0, count: size / 2 + 1)
            levels = [Float](repeating: 0, count: self.bands)
            spill = FloatSpill(width: self.bands)
        }

        /// Takes the next samples.
        public func append(_ chunk: [Float]) {
            samples += chunk
            total += chunk.count
            advance(final: false)
        }

        /// The overview of everything appended.
        public func finish() -> AudioOverview {
            advance(final: true)
            var loudest = -Float.infinity
            spill.forEachBatch { b in for v in b { loudest = Swift.max(loudest, v) } }
            if spill.count == 0 { loudest = 0 }
            var spectrum: [UInt8] = []
            spectrum.reserveCapacity(spill.count * bands)
            spill.forEachBatch { b in
                for v in b { spectrum.append(UInt8(Swift.max(0, Swift.min(255, ((v - loudest + 70) / 70 * 255).rounded())))) }
            }
            return AudioOverview(sampleRate: sampleRate, bands: bands, durationMs: total * 1000 / sampleRate,
                                 minimum: minimum, maximum: maximum, spectrum: spectrum)
        }

        private func sample(_ j: Int) -> Float {
            j >= base && j < total && samples[j - base].isFinite ? samples[j - base] : 0
        }

        private func advance(final: Bool) {
            let frames = total / hop
            while nextExtremes < frames {
                var lo: Float = 0, hi: Float = 0
                for i in (nextExtremes * hop)..<((nextExtremes + 1) * hop) {
                    let v = samples[i - base]
                    if v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
                }
                minimum.append(lo); maximum.append(hi)
                nextExtremes += 1
            }
            while nextSpectrum < frames {
                let start = nextSpectrum * hop + hop / 2 - size / 2
                guard final || start + size <= total else { break }
                power.withUnsafeMutableBufferPointer { p in
                    guard let out = p.baseAddress else { return }
                    plan.power(filling: { input in for i in 0..<size { input[i] = sample(start + i) * window[i] } }, into: out)
                }
                for b in 0..<bands {
                    let from = 1 + Int(Double(b) * binsPerBand), to = Swift.max(from + 1, 1 + Int(Double(b + 1) * binsPerBand))
                    var sum: Float = 0
                    for k in from..<Swift.min(to, power.count) { sum += power[k] }
                    levels[b] = 10 * log10f(Swift.max(sum, 1e-12))
                }
                spill.append(levels)
                nextSpectrum += 1
            }
            // Keep the samples the next spectrum frame reads (its window reaches back half its size).
            let keepFrom = Swift.min(nextExtremes * hop, nextSpectrum * hop + hop / 2 - size / 2)
            if keepFrom - base > 65536 {
                samples.removeFirst(keepFrom - base)
                base = keepFrom
            }
        }
    }

    /// Lowest and highest sample for each of `columns` equal stretches of [fromMs, toMs).
    public func envelope(fromMs: Int, toMs: Int, columns: Int) -> [(min: Float, max: Float)] {
        stretches(fromMs: fromMs, toMs: toMs, columns: columns).map { range in
            guard !range.isEmpty else { return (0, 0) }
            var lo: Float = 0, hi: Float = 0
            for f in range { lo = Swift.min(lo, minimum[f]); hi = Swift.max(hi, maximum[f]) }
            return (lo, hi)
        }
    }

    /// Band intensities in [0, 1] (lowest band first) for each of `columns` stretches: the loudest frame's.
    public func spectrogram(fromMs: Int, toMs: Int, columns: Int) -> [[Float]] {
        stretches(fromMs: fromMs, toMs: toMs, columns: columns).map { range in
            guard !range.isEmpty else { return [] }
            var out = [Float](repeating: 0, count: bands)
            for f in range { for b in 0..<bands { out[b] = Swift.max(out[b], Float(spectrum[f * bands + b]) / 255) } }
            return out
        }
    }

    private func stretches(fromMs: Int, toMs: Int, columns: Int) -> [Range<Int>] {
        guard columns > 0, toMs > fromMs else { return [] }
        return (0..<columns).map { c in
            let a = fromMs + (toMs - fromMs) * c / columns, b = fromMs + (toMs - fromMs) * (c + 1) / columns
            let lo = Swift.max(0, a / Self.frameMs), hi = Swift.min(frames, Swift.max(lo + 1, b / Self.frameMs))
            return lo < hi ? lo..<hi : 0..<0
        }
    }
}
