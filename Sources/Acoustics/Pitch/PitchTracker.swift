import Foundation

/// F0 every 10 ms (or any hop) with a voicing decision and the strength of the chosen peak, the way
/// Praat's autocorrelation method finds it, from a signal that arrives in chunks. Frame `f` is centred
/// at `f × hop` samples (the same frames as the other descriptors; the signal is taken as zero before
/// its start). Praat compares each frame with the loudest of the whole sound; a live call cannot wait,
/// so the loudest sample up to each frame's window is used, in a whole-file run too, which makes the two the same.
public struct PitchTracker {
    public struct Estimate: Sendable, Equatable {
        /// Hz; 0 when unvoiced.
        public var f0: Double
        /// The chosen autocorrelation peak (0 when unvoiced): the periodicity, from which HNR follows.
        public var strength: Double
        public var voiced: Bool { f0 > 0 }

        /// Harmonics-to-noise ratio in dB of a voiced frame (Praat's 10·log10(r / (1 − r))); 0 when unvoiced.
        public var hnrDB: Double {
            guard voiced else { return 0 }
            let r = min(max(strength, 1e-6), 0.999_999)
            return 10 * log10(r / (1 - r))
        }
    }

    public let settings: PitchSettings
    public let hop: Int
    private let analyzer: PitchFrameAnalyzer
    private var path: PitchPathFinder
    /// Samples kept from `bufferStart` on.
    private var buffer: [Float] = []
    private var bufferStart = 0
    private var nextFrame = 0
    /// The loudest sample up to `peakScanned` (exclusive): for each frame, up to the end of its window,
    /// so the value does not depend on how the signal was chunked.
    private var globalPeak: Float = 0
    private var peakScanned = 0
    private var total = 0

    public init(sampleRate: Int, hop: Int, settings: PitchSettings = PitchSettings()) {
        self.settings = settings
        self.hop = max(1, hop)
        analyzer = PitchFrameAnalyzer(sampleRate: sampleRate, settings: settings)
        path = PitchPathFinder(settings: settings)
    }

    /// Samples on each side of a frame's centre the analysis reads.
    private var reach: Int { max(analyzer.periodSamples, analyzer.halfWindow) + 1 }

    /// Takes the next samples; returns the estimates of the frames they settle, in order.
    public mutating func append(_ samples: some Collection<Float>) -> [Estimate] {
        append(contiguous: Array(samples))
    }

    private mutating func append(contiguous samples: [Float]) -> [Estimate] {
        let old = buffer.count
        buffer.append(contentsOf: samples)
        buffer.withUnsafeMutableBufferPointer { b in for i in old..<b.count where !b[i].isFinite { b[i] = 0 } }
        total += samples.count
        return analyseReadyFrames(final: false)
    }

    /// Ends the signal: the last frames (up to the one centred on the last sample's hop) and the open path.
    public mutating func finish() -> [Estimate] {
        var out = analyseReadyFrames(final: true)
        out += path.finish().map { Estimate(f0: $0.f0, strength: $0.strength) }
        return out
    }

    private mutating func analyseReadyFrames(final: Bool) -> [Estimate] {
        var out: [Estimate] = []
        let lastFrame = total == 0 ? -1 : (total - 1) / hop
        let reach = self.reach, analyzer = self.analyzer
        let skipBelow = 0.024 * settings.silenceThreshold / 0.03
        // Frames whose window is complete (or, at the end, every frame up to the last sample).
        while nextFrame <= lastFrame, final || nextFrame * hop + reach < total {
            let centre = nextFrame * hop
            defer { nextFrame += 1 }
            let windowEnd = min(total, centre + reach + 1)
            if peakScanned < windowEnd {
                // The loudest sample so far, four running maxima side by side (max is exact in any order).
                let from = max(peakScanned, bufferStart) - bufferStart, to = windowEnd - bufferStart
                globalPeak = buffer.withUnsafeBufferPointer { b in
                    var p0 = globalPeak, p1 = globalPeak, p2 = globalPeak, p3 = globalPeak
                    var i = from
                    while i + 4 <= to {
                        let a0 = abs(b[i]), a1 = abs(b[i + 1]), a2 = abs(b[i + 2]), a3 = abs(b[i + 3])
                        p0 = a0 > p0 ? a0 : p0; p1 = a1 > p1 ? a1 : p1; p2 = a2 > p2 ? a2 : p2; p3 = a3 > p3 ? a3 : p3
                        i += 4
                    }
                    while i < to { let a = abs(b[i]); p0 = a > p0 ? a : p0; i += 1 }
                    return max(max(p0, p1), max(p2, p3))
                }
                peakScanned = windowEnd
            }
            let peak = globalPeak
            // A frame too quiet to be voiced whatever its periodicity is not analysed (Praat would
            // choose unvoiced anyway: its unvoiced strength beats any voiced path).
            let frame = Self.withWindow(buffer, start: bufferStart, centre: centre, reach: reach) { x, c in
                analyzer.analyse(x, centre: c, globalPeak: peak, skipBelow: skipBelow)
            }
            if let settled = path.push(frame) { out.append(Estimate(f0: settled.f0, strength: settled.strength)) }
        }
        // Forget samples no future frame reads.
        let keepFrom = nextFrame * hop - reach
        if keepFrom > bufferStart + 4096 {
            buffer.removeFirst(keepFrom - bufferStart)
            bufferStart = keepFrom
        }
        return out
    }

    /// Calls `body` with `reach` samples on each side of `centre` of the signal held in `buffer` from
    /// sample `start` on (zeros outside it).
    private static func withWindow<T>(_ buffer: [Float], start: Int, centre: Int, reach: Int, _ body: (UnsafeBufferPointer<Float>, Int) -> T) -> T {
        let from = centre - reach, to = centre + reach
        if from >= start, to < start + buffer.count {
            return buffer.withUnsafeBufferPointer { body($0, centre - start) }
        }
        var local = [Float](repeating: 0, count: 2 * reach + 1)
        for i in from...to where i >= start && i < start + buffer.count { local[i - from] = buffer[i - start] }
        return local.withUnsafeBufferPointer { body($0, reach) }
    }
}
