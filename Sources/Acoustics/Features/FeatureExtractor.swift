import Foundation

/// The acoustic feature engine: a signal in chunks of any size in, frames of low-level descriptors out,
/// the same values whatever the chunking (a whole file is one chunk). Spectral descriptors and MFCC come
/// from one FFT per frame; F0, voicing and HNR from the Praat-like pitch tracker; jitter and shimmer from
/// the glottal pulses of each voiced stretch once it has ended; speech from the frame levels.
///
/// Frames leave in order, as soon as everything they depend on is known: the pitch path settles half a
/// second behind, deltas need two frames ahead, and with `wholeSignalFloor` (librosa's exact MFCC) the
/// MFCC wait for the end of the signal: their frames wait in a `FloatSpill` on disk, so memory stays
/// bounded however long the signal either way.
public final class FeatureExtractor {
    public let settings: FeatureSettings
    private let spectral: SpectralFrameAnalyzer
    private var pitch: PitchTracker
    private let dct: DCT
    private let lifter: [Float]
    private var vad = SpeechActivityDetector()

    /// Raw samples from `sampleBase` on.
    private var samples: [Float] = []
    private var sampleBase = 0
    private var total = 0
    private var finished = false

    fileprivate struct Pending {
        var row: SpectralFrameAnalyzer.Row
        /// The loudest log-mel value up to and including this frame (the causal floor's reference).
        var runningMax: Float
        var speech: Bool
        var estimate: PitchTracker.Estimate?
        var jitter: Float = 0, shimmer: Float = 0
        var perturbationKnown = false
        var mfcc: [Float] = []
    }
    private var pending: [Pending] = []
    private var firstPending = 0
    private var nextSpectral = 0
    private var nextEstimate = 0
    private var runningMax = -Float.infinity
    private var frameBuffer: [Float]
    private var logMelBuffer: [Float]
    /// The log-mel bands of the pending frames, `settings.bands` per frame in `pending`'s order.
    private var logMels: [Float] = []
    /// Librosa's floor 80 dB under the signal's loudest band: every frame's MFCC wait for the end.
    private var defersFloor: Bool { settings.wholeSignalFloor && settings.style == .librosa }
    /// The frames waiting for the floor (`DeferredFrame` layout), in order.
    private lazy var deferred = FloatSpill(width: DeferredFrame.width(bands: settings.bands), memoryFloats: spillMemoryFloats)
    /// Floats of deferred frames kept in memory before they go to disk (2 MB: a minute and a half).
    private let spillMemoryFloats: Int

    /// `spillMemoryFloats`: how much of the frames waiting for the whole-signal floor stays in memory.
    public init(settings: FeatureSettings, spillMemoryFloats: Int = 1 << 19) {
        self.settings = settings
        self.spillMemoryFloats = spillMemoryFloats
        spectral = SpectralFrameAnalyzer(settings: settings)
        pitch = PitchTracker(sampleRate: settings.sampleRate, hop: settings.hop, settings: settings.pitch)
        dct = DCT(inputs: settings.bands, outputs: settings.coefficients)
        let l: Float = 22
        lifter = (0..<settings.coefficients).map { settings.style == .htk ? 1 + l / 2 * sinf(.pi * Float($0) / l) : 1 }
        frameBuffer = [Float](repeating: 0, count: settings.fft)
        logMelBuffer = [Float](repeating: 0, count: settings.bands)
    }

    /// Milliseconds of frame `f`'s centre.
    public func timeMs(ofFrame f: Int) -> Int {
        let centre = settings.style == .librosa ? f * settings.hop : f * settings.hop + settings.window / 2
        return centre * 1000 / settings.sampleRate
    }

    /// Takes the next samples (one channel); returns the frames they complete.
    public func append(_ chunk: some Collection<Float>) -> [FrameFeatures] {
        append(contiguous: Array(chunk))
    }

    private func append(contiguous chunk: [Float]) -> [FrameFeatures] {
        precondition(!finished, "append after finish")
        // A long signal goes through in pieces, so the sample buffers stay small whatever its length.
        let piece = 16_384
        if chunk.count > piece {
            var out: [FrameFeatures] = []
            for start in stride(from: 0, to: chunk.count, by: piece) {
                out += append(contiguous: Array(chunk[start..<min(chunk.count, start + piece)]))
            }
            return out
        }
        let old = samples.count
        samples.append(contentsOf: chunk)
        samples.withUnsafeMutableBufferPointer { b in for i in old..<b.count where !b[i].isFinite { b[i] = 0 } }
        total += chunk.count
        let estimates = settings.pitchEnabled ? pitch.append(chunk) : []
        return advance(estimates: estimates)
    }

    /// Ends the signal and returns the remaining frames.
    public func finish() -> [FrameFeatures] {
        var out: [FrameFeatures] = []
        finish { out += $0 }
        return out
    }

    /// Ends the signal and hands the remaining frames to `body` in order, a few thousand at a time (with
    /// `wholeSignalFloor`, that is every frame of the signal: they are never all in memory at once).
    public func finish(_ body: ([FrameFeatures]) -> Void) {
        guard !finished else { return }
        finished = true
        let estimates = settings.pitchEnabled ? pitch.finish() : []
        let out = advance(estimates: estimates)
        if !out.isEmpty { body(out) }
        if defersFloor { drainDeferred(body) }
    }

    /// Frames a whole signal of `count` samples has.
    public func frameCount(samples count: Int) -> Int {
        switch settings.style {
        case .librosa: return count == 0 ? 0 : 1 + count / settings.hop
        case .htk: return count <= settings.window ? 1 : 1 + Int((Double(count - settings.window) / Double(settings.hop)).rounded(.up))
        }
    }

    private func advance(estimates: [PitchTracker.Estimate]) -> [FrameFeatures] {
        analyseSpectralFrames()
        if !settings.pitchEnabled {
            for i in max(0, nextEstimate - firstPending)..<pending.count { pending[i].estimate = PitchTracker.Estimate(f0: 0, strength: 0) }
            nextEstimate = firstPending + pending.count
        }
        // Pitch estimates belong to frames in order (the tracker's frames are centred like librosa's).
        for e in estimates {
            let index = nextEstimate - firstPending
            if index >= 0, index < pending.count { pending[index].estimate = e }
            nextEstimate += 1
        }
        // HTK frames beyond the tracker's last frame (padding) are unvoiced.
        if finished { for i in pending.indices where pending[i].estimate == nil { pending[i].estimate = PitchTracker.Estimate(f0: 0, strength: 0) } }
        measurePerturbation()
        let out = emit()
        trimSamples()
        return out
    }

    private func analyseSpectralFrames() {
        let s = settings, n = s.fft
        let last = finished ? frameCount(samples: total) : Int.max
        while nextSpectral < last {
            let start = s.style == .librosa ? nextSpectral * s.hop - n / 2 : nextSpectral * s.hop
            let needed = s.style == .librosa ? start + n : start + s.window
            guard finished || needed <= total else { break }
            if s.style == .librosa, start >= sampleBase, start + n <= total {
                // The whole frame is in the buffer: a straight copy.
                samples.withUnsafeBufferPointer { x in
                    frameBuffer.withUnsafeMutableBufferPointer { f in
                        guard let from = x.baseAddress, let to = f.baseAddress else { return }
                        to.update(from: from + (start - sampleBase), count: n)
                    }
                }
            } else {
                for i in 0..<n {
                    let j = start + i
                    var v: Float = j >= 0 && j < total && j >= sampleBase ? samples[j - sampleBase] : 0
                    if s.style == .htk {
                        if i >= s.window { v = 0 } else if j > 0, j - 1 >= sampleBase, j - 1 < total { v -= 0.97 * samples[j - 1 - sampleBase] }
                    }
                    frameBuffer[i] = v
                }
            }
            var row = SpectralFrameAnalyzer.Row()
            frameBuffer.withUnsafeBufferPointer { frame in
                logMelBuffer.withUnsafeMutableBufferPointer { mel in
                    guard let out = mel.baseAddress else { return }
                    spectral.analyse(frame, into: &row, logMel: out)
                }
            }
            runningMax = max(runningMax, logMelBuffer.max() ?? runningMax)
            logMels.append(contentsOf: logMelBuffer)
            pending.append(Pending(row: row, runningMax: runningMax, speech: vad.isSpeech(level: row.rmsDB), estimate: nil))
            nextSpectral += 1
        }
    }

    /// The longest voiced stretch measured whole, in frames (30 s at the default 10 ms hop).
    static let longestStretchFrames = 3000

    /// Frames at the front of `pending` whose jitter and shimmer are known.
    private var measured = 0

    /// Jitter and shimmer for the frames of every voiced stretch that has ended.
    private func measurePerturbation() {
        var i = measured
        defer { measured = i }
        while i < pending.count {
            guard let e = pending[i].estimate else { return }
            if pending[i].perturbationKnown { i += 1; continue }
            guard e.voiced else { pending[i].perturbationKnown = true; i += 1; continue }
            // A voiced stretch: wait until it has ended (an unvoiced frame after it, or the end), or until it is
            // `longestStretchFrames` long (a hum or a held tone of minutes): then it is measured in pieces, so that
            // its samples never pile up. Speech never voices that long, so its values are those of the whole stretch.
            var end = i
            while end < pending.count, end - i < Self.longestStretchFrames, let next = pending[end].estimate, next.voiced { end += 1 }
            guard end - i >= Self.longestStretchFrames || end < pending.count && pending[end].estimate != nil || finished else { return }
            let frames = (firstPending + i)..<(firstPending + end)
            let track = pending[i..<end].map { Double($0.estimate?.f0 ?? 0) }
            let hop = settings.hop
            let from = max(sampleBase, frames.lowerBound * hop - hop), to = min(total, frames.upperBound * hop + hop)
            let pulses: GlottalPulses = samples.withUnsafeBufferPointer { x in
                guard to > from else { return GlottalPulses(pulses: []) }
                let slice = UnsafeBufferPointer(rebasing: x[(from - sampleBase)..<(to - sampleBase)])
                // The track indexed from the stretch's first frame, with the slice starting at `from`.
                return GlottalPulses.find(in: slice, sampleRate: settings.sampleRate,
                                          f0: track, hop: hop, firstSample: from - frames.lowerBound * hop)
                    .shifted(bySeconds: Double(frames.lowerBound * hop) / Double(settings.sampleRate))
            }
            // Each frame's pulses within ±30 ms of its centre (the pulses are in time order).
            let all = pulses.pulses
            var lower = 0, upper = 0
            for k in i..<end {
                let t = Double((firstPending + k) * settings.hop) / Double(settings.sampleRate)
                while lower < all.count, all[lower].time < t - 0.03 { lower += 1 }
                upper = max(upper, lower)
                while upper < all.count, all[upper].time <= t + 0.03 { upper += 1 }
                let near = pulses.perturbation(in: lower..<upper)
                pending[k].jitter = Float(near.jitterLocal ?? 0)
                pending[k].shimmer = Float(near.shimmerLocal?.dB ?? 0)
                pending[k].perturbationKnown = true
            }
            i = end
        }
    }

    /// The frames whose every value is known, in order. The two frames before the next one to leave stay
    /// at the front of `pending` (already emitted) as context for its deltas.
    private func emit() -> [FrameFeatures] {
        let ready = pending.prefix { $0.estimate != nil && $0.perturbationKnown }.count
        if defersFloor {
            deferReady(ready)
            return []
        }
        for k in 0..<ready where pending[k].mfcc.isEmpty { pending[k].mfcc = cepstrum(k, floorReference: nil) }
        let end = finished ? ready : max(emittedContext, ready - 2)
        var out: [FrameFeatures] = []
        out.reserveCapacity(max(0, end - emittedContext))
        for k in emittedContext..<max(emittedContext, end) {
            let p = pending[k], e = p.estimate ?? PitchTracker.Estimate(f0: 0, strength: 0)
            out.append(FrameFeatures(timeMs: timeMs(ofFrame: firstPending + k), rmsDB: p.row.rmsDB, loudness: p.row.loudness, zcr: p.row.zcr,
                                     spectralCentroidHz: p.row.centroid, spectralFlux: p.row.flux, spectralRolloffHz: p.row.rolloff,
                                     spectralFlatness: p.row.flatness, mfcc: p.mfcc, mfccDelta: delta(k),
                                     f0Hz: Float(e.f0), voiced: e.voiced, hnrDB: Float(e.hnrDB), jitterLocal: p.jitter,
                                     shimmerLocalDB: p.shimmer, speech: p.speech))
        }
        let drop = finished ? pending.count : max(0, end - 2)
        pending.removeFirst(drop)
        logMels.removeFirst(drop * settings.bands)
        firstPending += drop
        measured = max(0, measured - drop)
        emittedContext = finished ? 0 : max(0, end - drop)
        return out
    }

    /// Frames at the front of `pending` that were already emitted (kept as delta context).
    private var emittedContext = 0

    /// The cepstrum of pending frame `k` from its log-mel bands.
    private func cepstrum(_ k: Int, floorReference: Float?) -> [Float] {
        logMels.withUnsafeBufferPointer { mels in
            cepstrum(mels.baseAddress.map { $0 + k * settings.bands }, floorReference: floorReference ?? pending[k].runningMax,
                     logEnergy: pending[k].row.logEnergy)
        }
    }

    /// The cepstrum of one frame's log-mel bands at `mels`, floored 80 dB under `floorReference` (librosa).
    private func cepstrum(_ mels: UnsafePointer<Float>?, floorReference: Float, logEnergy: Float) -> [Float] {
        let floor: Float = settings.style == .librosa ? floorReference - 80 : -Float.infinity
        var c = dct.apply(mels, count: settings.bands, floor: floor)
        if settings.style == .htk {
            for k in c.indices { c[k] *= lifter[k] }
            if !c.isEmpty { c[0] = logEnergy }
        }
        return c
    }

    /// HTK's delta regression over ±2 frames, the signal's first and last frames repeated at its edges.
    private func delta(_ k: Int) -> [Float] {
        let upper = pending.count - 1
        func c(_ j: Int) -> [Float] { pending[min(max(j, -firstPending, 0), upper)].mfcc }
        return Self.delta(c(k - 2), c(k - 1), c(k + 1), c(k + 2), coefficients: settings.coefficients)
    }

    /// The delta regression of the cepstra two and one frames before and after a frame.
    private static func delta(_ m2: [Float], _ m1: [Float], _ p1: [Float], _ p2: [Float], coefficients: Int) -> [Float] {
        var out = [Float](repeating: 0, count: coefficients)
        for i in out.indices where i < m2.count && i < p2.count { out[i] = (p1[i] - m1[i] + 2 * (p2[i] - m2[i])) / 10 }
        return out
    }

    /// Moves the first `ready` pending frames (every value known but the MFCC) to the spill.
    private func deferReady(_ ready: Int) {
        guard ready > 0 else { return }
        var record = [Float]()
        record.reserveCapacity(deferred.width)
        for k in 0..<ready {
            record.removeAll(keepingCapacity: true)
            DeferredFrame.write(pending[k], mels: logMels[(k * settings.bands)..<((k + 1) * settings.bands)], into: &record)
            deferred.append(record)
        }
        pending.removeFirst(ready)
        logMels.removeFirst(ready * settings.bands)
        firstPending += ready
        measured = max(0, measured - ready)
    }

    /// At the end: every deferred frame's MFCC under the whole signal's floor, and its deltas, in order.
    private func drainDeferred(_ body: ([FrameFeatures]) -> Void) {
        let total = deferred.count, bands = settings.bands, coefficients = settings.coefficients
        guard total > 0 else { return }
        // A window of the last five frames: frame f leaves once the cepstrum of f + 2 is known.
        var window: [(frame: FrameFeatures, mfcc: [Float])] = []
        var index = 0, emitted = 0
        var out: [FrameFeatures] = []
        func release(_ f: Int) {
            // `window` holds frames index-5+1 ... index-1 (those not yet dropped); the edges repeat.
            func c(_ j: Int) -> [Float] {
                let clamped = min(max(j, 0), total - 1)
                return window[clamped - (index - window.count)].mfcc
            }
            var frame = window[f - (index - window.count)].frame
            frame.mfcc = c(f)
            frame.mfccDelta = Self.delta(c(f - 2), c(f - 1), c(f + 1), c(f + 2), coefficients: coefficients)
            out.append(frame)
            if out.count >= 4096 { body(out); out.removeAll(keepingCapacity: true) }
        }
        deferred.forEachBatch { records in
            var start = 0
            while start + deferred.width <= records.count {
                let record = UnsafeBufferPointer(rebasing: records[start..<(start + deferred.width)])
                let frame = DeferredFrame.read(record, bands: bands, timeMs: timeMs(ofFrame: index))
                let mfcc = cepstrum(record.baseAddress.map { $0 + DeferredFrame.fields }, floorReference: runningMax, logEnergy: 0)
                window.append((frame, mfcc))
                index += 1
                if index - emitted > 2 { release(emitted); emitted += 1 }
                if window.count > 5 { window.removeFirst() }
                start += deferred.width
            }
        }
        while emitted < total { release(emitted); emitted += 1 }
        if !out.isEmpty { body(out) }
    }

    /// Forgets samples no frame still to come will read.
    private func trimSamples() {
        var keepFrom = (settings.style == .librosa ? nextSpectral * settings.hop - settings.fft / 2 : nextSpectral * settings.hop) - 1
        if measured < pending.count {
            keepFrom = min(keepFrom, (firstPending + measured) * settings.hop - settings.hop)
        }
        if keepFrom - sampleBase > 8192 {
            samples.removeFirst(keepFrom - sampleBase)
            sampleBase = keepFrom
        }
    }
}

/// How a frame waiting for the floor is kept in the spill: every value but the MFCC, then its log-mel bands.
private enum DeferredFrame {
    static let fields = 13

    static func width(bands: Int) -> Int { fields + bands }

    static func write(_ p: FeatureExtractor.Pending, mels: ArraySlice<Float>, into record: inout [Float]) {
        let e = p.estimate ?? PitchTracker.Estimate(f0: 0, strength: 0)
        // One value at a time: a literal array would be allocated for every frame.
        record.append(p.row.rmsDB); record.append(p.row.loudness); record.append(p.row.zcr); record.append(p.row.centroid)
        record.append(p.row.flux); record.append(p.row.rolloff); record.append(p.row.flatness)
        record.append(Float(e.f0)); record.append(e.voiced ? 1 : 0); record.append(Float(e.hnrDB))
        record.append(p.jitter); record.append(p.shimmer); record.append(p.speech ? 1 : 0)
        record += mels
    }

    /// The frame a record holds, its MFCC and deltas still empty.
    static func read(_ r: UnsafeBufferPointer<Float>, bands: Int, timeMs: Int) -> FrameFeatures {
        FrameFeatures(timeMs: timeMs, rmsDB: r[0], loudness: r[1], zcr: r[2], spectralCentroidHz: r[3], spectralFlux: r[4],
                      spectralRolloffHz: r[5], spectralFlatness: r[6], mfcc: [], mfccDelta: [], f0Hz: r[7], voiced: r[8] != 0,
                      hnrDB: r[9], jitterLocal: r[10], shimmerLocalDB: r[11], speech: r[12] != 0)
    }
}

extension GlottalPulses {
    /// The same pulses, their times moved by `seconds`.
    func shifted(bySeconds seconds: Double) -> GlottalPulses {
        GlottalPulses(pulses: pulses.map { Pulse(time: $0.time + seconds, amplitude: $0.amplitude) })
    }
}
