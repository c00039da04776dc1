import Foundation

/// What a screen needs to draw a recording at any zoom without reading it again: the lowest and highest
/// sample of every 10 ms, and a coarse spectrogram (linear bands up to 4 kHz, 10 ms hop) as bytes.
/// Four minutes of audio take about a megabyte.
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
        self.sampleRate = max(1, sampleRate)
        self.bands = max(1, bands)
        durationMs = samples.count * 1000 / self.sampleRate
        let hop = max(1, self.sampleRate * Self.frameMs / 1000)
        let count = samples.count / hop
        minimum.reserveCapacity(count)
        maximum.reserveCapacity(count)
        for f in 0..<count {
            var lo: Float = 0, hi: Float = 0
            for i in (f * hop)..<((f + 1) * hop) where samples[i].isFinite { lo = Swift.min(lo, samples[i]); hi = Swift.max(hi, samples[i]) }
            minimum.append(lo); maximum.append(hi)
        }
        // Spectrogram: Hann-windowed frames of the next power of two above 25 ms.
        var size = 1
        while size < self.sampleRate / 40 { size *= 2 }
        let plan = FFTPlan(size: size)
        let window = (0..<size).map { 0.5 - 0.5 * cosf(2 * .pi * Float($0) / Float(size)) }
        let topHz = Swift.min(4000, self.sampleRate / 2)
        let binsPerBand = Swift.max(1.0, Double(topHz) / (Double(self.sampleRate) / Double(size)) / Double(self.bands))
        var power = [Float](repeating: 0, count: size / 2 + 1)
        var db = [Float](repeating: -200, count: count * self.bands)
        for f in 0..<count {
            let start = f * hop + hop / 2 - size / 2
            power.withUnsafeMutableBufferPointer { p in
                guard let base = p.baseAddress else { return }
                plan.power(filling: { input in
                    for i in 0..<size {
                        let j = start + i
                        let v = j >= 0 && j < samples.count && samples[j].isFinite ? samples[j] : 0
                        input[i] = v * window[i]
                    }
                }, into: base)
            }
            for b in 0..<self.bands {
                let from = 1 + Int(Double(b) * binsPerBand), to = Swift.max(from + 1, 1 + Int(Double(b + 1) * binsPerBand))
                var sum: Float = 0
                for k in from..<Swift.min(to, power.count) { sum += power[k] }
                db[f * self.bands + b] = 10 * log10f(Swift.max(sum, 1e-12))
            }
        }
        let loudest = db.max() ?? 0
        spectrum = db.map { UInt8(Swift.max(0, Swift.min(255, (($0 - loudest + 70) / 70 * 255).rounded()))) }
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
