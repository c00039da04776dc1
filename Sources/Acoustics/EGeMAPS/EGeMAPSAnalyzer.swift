import Foundation

/// The 25 eGeMAPS descriptors of one channel, frame by frame, computed the way openSMILE's eGeMAPSv02
/// configuration computes them: frames every 10 ms starting at 0; a 20 ms Hamming frame for loudness,
/// the spectral descriptors, MFCC and formants; a 60 ms Gaussian frame (σ = 0.4) for pitch (subharmonic
/// summation and Viterbi smoothing, silenced below an RMS of 0.001), HNR and the harmonic amplitudes;
/// jitter and shimmer by waveform period matching along the smoothed pitch.
///
/// The signal may arrive in blocks (`append`, `finish`): a frame leaves once the Viterbi search has
/// decided its pitch (at most 40 frames later), and only the samples of the frames still waiting are
/// kept, so a call of any length takes the same small memory. The rows are the same however the signal
/// is cut into blocks.
final class EGeMAPSAnalyzer {
    /// The unsmoothed descriptors of every frame (see `EGeMAPS.lowLevelNames` for the order), the mean
    /// square of each 20 ms frame (for the equivalent sound level) and whether the frame is voiced.
    struct Analysis {
        var values: [[Double]] = []
        var voiced: [Bool] = []
        var meanSquare: [Double] = []
    }

    /// One frame's unsmoothed descriptors.
    struct Row {
        var values: [Double]
        var voiced: Bool
        var meanSquare: Double
    }

    let sampleRate: Int
    let hop: Int, shortLength: Int, shortSize: Int, longLength: Int, longSize: Int

    private let longWindow: [Double], shortWindow: [Double]
    private let longPlan: FFTPlan, shortPlan: FFTPlan
    private let shs: SubharmonicSummation
    private let spectral: ShortFrameDescriptors
    private let resampler: SpectralResampler
    private let harmonics: HarmonicAnalysis
    private var longPower: [Float]
    private var shortSpectrum: [Float]
    private var previousMagnitude: [Double]
    private var smoother = PitchCandidateViterbi.Smoother()
    private var periods: WaveformPeriodMatcher.Tracker

    /// Samples from `base` on; `total` arrived in all.
    private var samples: [Float] = []
    private var base = 0, total = 0
    private var finished = false

    /// A frame between its first pass and its row: the 20 ms descriptors, the formants, the 60 ms RMS.
    private struct Pending {
        var row: [Double]
        var formants: [Double]
        var longRMS: Double
        var meanSquare: Double
        var f0: Double?
    }
    /// Frames from `firstPending` on whose rows have not left.
    private var pending: [Pending] = []
    private var firstPending = 0
    /// The next frame to take through the first pass.
    private var nextFrame = 0

    init(sampleRate: Int) {
        self.sampleRate = sampleRate
        hop = max(1, sampleRate / 100)
        shortLength = max(2, sampleRate / 50)
        longLength = max(4, sampleRate * 3 / 50)
        func powerOfTwo(_ n: Int) -> Int { var s = 4; while s < n { s *= 2 }; return s }
        shortSize = powerOfTwo(shortLength)
        longSize = powerOfTwo(longLength)
        let long = longLength, short = shortLength
        longWindow = (0..<long).map { i -> Double in
            let mid = Double(long - 1) / 2
            let e = (Double(i) - mid) / (0.4 * mid)
            return exp(-0.5 * e * e)
        }
        shortWindow = (0..<short).map { 0.54 - 0.46 * cos(2 * Double.pi * Double($0) / Double(short - 1)) }
        longPlan = FFTPlan(size: longSize)
        shortPlan = FFTPlan(size: shortSize)
        shs = SubharmonicSummation(sampleRate: sampleRate, fftSize: longSize)
        spectral = ShortFrameDescriptors(sampleRate: sampleRate, fftSize: shortSize)
        resampler = SpectralResampler(frameLength: shortLength, fftSize: shortSize, sampleRate: sampleRate, targetRate: LinearPrediction.analysisRate)
        harmonics = HarmonicAnalysis(sampleRate: sampleRate, fftSize: longSize)
        longPower = [Float](repeating: 0, count: longSize / 2 + 1)
        shortSpectrum = [Float](repeating: 0, count: shortSize + 2)
        previousMagnitude = [Double](repeating: 0, count: shortSize / 2 + 1)
        periods = WaveformPeriodMatcher.Tracker(hop: hop, frameLength: longLength, sampleRate: sampleRate)
    }

    /// The number of frames of `count` samples: every hop at which a 20 ms frame fits.
    func frameCount(_ count: Int) -> Int { count >= shortLength ? (count - shortLength) / hop + 1 : 0 }

    /// The descriptors of a whole signal.
    func analyse(_ signal: [Float]) -> Analysis {
        var analysis = Analysis()
        let rows = append(signal) + finish()
        analysis.values = rows.map(\.values)
        analysis.voiced = rows.map(\.voiced)
        analysis.meanSquare = rows.map(\.meanSquare)
        return analysis
    }

    /// Takes the next samples; returns the rows of the frames now complete, in order.
    func append(_ chunk: [Float]) -> [Row] {
        precondition(!finished, "append after finish")
        samples += chunk
        total += chunk.count
        return advance()
    }

    /// Ends the signal; returns the remaining rows.
    func finish() -> [Row] {
        guard !finished else { return [] }
        finished = true
        return advance()
    }

    private func sample(_ j: Int) -> Double {
        j >= base && j < total && samples[j - base].isFinite ? Double(samples[j - base]) : 0
    }

    /// Writes frame `i` (`window.count` samples from i × hop), windowed and zero-padded to `size`, into
    /// an FFT input; returns the energy of the raw and of the windowed samples.
    private func fill(_ input: UnsafeMutablePointer<Float>, frame i: Int, window: [Double], size: Int) -> (raw: Double, windowed: Double) {
        var raw = 0.0, windowed = 0.0
        for k in 0..<size { input[k] = 0 }
        for k in 0..<window.count {
            let v = sample(i * hop + k), w = v * window[k]
            raw += v * v; windowed += w * w
            input[k] = Float(w)
        }
        return (raw, windowed)
    }

    /// The magnitude spectrum of the Gaussian frame at `i` and its RMS.
    private func longSpectrum(_ i: Int) -> (magnitude: [Double], rms: Double) {
        var energy = 0.0
        longPower.withUnsafeMutableBufferPointer { p in
            guard let out = p.baseAddress else { return }
            longPlan.power(filling: { energy = fill($0, frame: i, window: longWindow, size: longSize).windowed }, into: out)
        }
        return (longPower.map { Double($0).squareRoot() }, (energy / Double(longLength)).squareRoot())
    }

    private func advance() -> [Row] {
        // First pass, for every frame whose 60 ms are all here (at the end, every frame there is): the
        // pitch candidates and energy of the 60 ms frame, every descriptor of the 20 ms frame.
        let last = finished ? frameCount(total) : Int.max
        var decided: [Double] = []
        while nextFrame < last, finished || nextFrame * hop + longLength <= total {
            let i = nextFrame
            let (magnitude, rms) = longSpectrum(i)
            var frame = PitchCandidateViterbi.Frame()
            let found = shs.candidates(magnitude: magnitude)
            for (k, c) in found.prefix(6).enumerated() { frame.f0[k] = c.f0; frame.voicing[k] = c.voicing }
            if let best = found.first, best.voicing > PitchCandidateViterbi.voicingCutoff { frame.clippedVoicing = best.voicing }
            decided += smoother.push(frame)

            var meanSquare = 0.0
            shortSpectrum.withUnsafeMutableBufferPointer { p in
                guard let out = p.baseAddress else { return }
                shortPlan.spectrum(filling: { meanSquare = fill($0, frame: i, window: shortWindow, size: shortSize).raw }, into: out)
            }
            let power = (0...(shortSize / 2)).map { k -> Double in
                let re = Double(shortSpectrum[2 * k]), im = Double(shortSpectrum[2 * k + 1])
                return re * re + im * im
            }
            var row = spectral.describe(power: power, previousMagnitude: &previousMagnitude)
            let found3 = LinearPrediction.formants(frame: resampler.resample(shortSpectrum))
            var f: [Double] = []
            for k in 0..<3 { f += k < found3.count ? [found3[k].frequency, found3[k].bandwidth] : [0, 0] }
            row += [Double](repeating: 0, count: 15)
            pending.append(Pending(row: row, formants: f, longRMS: rms, meanSquare: meanSquare / Double(shortLength), f0: nil))
            nextFrame += 1
        }
        if finished { decided += smoother.finish() }
        // The smoothed pitch, silenced where the 60 ms frame is quiet, for the frames it decided.
        var k = pending.firstIndex { $0.f0 == nil } ?? pending.count
        for f0 in decided where k < pending.count {
            pending[k].f0 = pending[k].longRMS <= 0.001 ? 0 : f0
            k += 1
        }
        // Second pass, for the frames with their pitch: perturbation, harmonic descriptors and formants.
        var out: [Row] = []
        while let first = pending.first, let f0 = first.f0 {
            let i = firstPending
            let perturbation = periods.next(f0: f0) { from, to in
                let a = max(from, base), b = min(to, total)
                return a < b ? samples[(a - base)..<(b - base)].map { $0.isFinite ? Double($0) : 0 } : []
            }
            var row = first.row
            let formants = first.formants
            let (f1, b1, f2, b2, f3, b3) = (formants[0], formants[1], formants[2], formants[3], formants[4], formants[5])
            if f0 > 0 {
                let h = harmonics.analyse(magnitude: longSpectrum(i).magnitude, f0: f0, formants: [f1, f2, f3])
                let semitone = f0 > 29.136 ? 12 * log2(f0 / 27.5) : 1
                row.replaceSubrange(10..<25, with: [semitone, perturbation.jitter, perturbation.shimmerDB, h.hnrDB, h.h1h2, h.h1a3,
                                                    f1, b1, h.formantAmplitudes[0], f2, b2, h.formantAmplitudes[1], f3, b3, h.formantAmplitudes[2]])
            } else {
                row.replaceSubrange(10..<25, with: [0, 0, 0, 0, 0, 0, f1, b1, HarmonicAnalysis.unvoicedFloor,
                                                    f2, b2, HarmonicAnalysis.unvoicedFloor, f3, b3, HarmonicAnalysis.unvoicedFloor])
            }
            out.append(Row(values: row, voiced: f0 > 0, meanSquare: first.meanSquare))
            pending.removeFirst()
            firstPending += 1
        }
        trimSamples()
        return out
    }

    /// Forgets the samples no frame still to come will read: the waiting frames' own, and the period
    /// matcher's, which may reach back before its frame.
    private func trimSamples() {
        let keepFrom = min(firstPending * hop, periods.earliestSample, nextFrame * hop)
        if keepFrom - base > 65536 {
            samples.removeFirst(keepFrom - base)
            base = keepFrom
        }
    }
}
