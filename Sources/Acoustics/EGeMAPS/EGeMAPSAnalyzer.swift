import Foundation

/// The 25 eGeMAPS descriptors of one channel, frame by frame, computed the way openSMILE's eGeMAPSv02
/// configuration computes them: frames every 10 ms starting at 0; a 20 ms Hamming frame for loudness,
/// the spectral descriptors, MFCC and formants; a 60 ms Gaussian frame (σ = 0.4) for pitch (subharmonic
/// summation and Viterbi smoothing, silenced below an RMS of 0.001), HNR and the harmonic amplitudes;
/// jitter and shimmer by waveform period matching along the smoothed pitch.
struct EGeMAPSAnalyzer {
    /// The unsmoothed descriptors of every frame (see `EGeMAPS.lowLevelNames` for the order), the mean
    /// square of each 20 ms frame (for the equivalent sound level) and whether the frame is voiced.
    struct Analysis {
        var values: [[Double]] = []
        var voiced: [Bool] = []
        var meanSquare: [Double] = []
    }

    let sampleRate: Int
    let hop: Int, shortLength: Int, shortSize: Int, longLength: Int, longSize: Int

    init(sampleRate: Int) {
        self.sampleRate = sampleRate
        hop = max(1, sampleRate / 100)
        shortLength = max(2, sampleRate / 50)
        longLength = max(4, sampleRate * 3 / 50)
        func powerOfTwo(_ n: Int) -> Int { var s = 4; while s < n { s *= 2 }; return s }
        shortSize = powerOfTwo(shortLength)
        longSize = powerOfTwo(longLength)
    }

    /// The number of frames of `count` samples: every hop at which a 20 ms frame fits.
    func frameCount(_ count: Int) -> Int { count >= shortLength ? (count - shortLength) / hop + 1 : 0 }

    func analyse(_ samples: [Float]) -> Analysis {
        let n = frameCount(samples.count)
        guard n > 0 else { return Analysis() }
        let longWindow = (0..<longLength).map { i -> Double in
            let mid = Double(longLength - 1) / 2
            let e = (Double(i) - mid) / (0.4 * mid)
            return exp(-0.5 * e * e)
        }
        let shortWindow = (0..<shortLength).map { 0.54 - 0.46 * cos(2 * Double.pi * Double($0) / Double(shortLength - 1)) }
        let longPlan = FFTPlan(size: longSize), shortPlan = FFTPlan(size: shortSize)
        let shs = SubharmonicSummation(sampleRate: sampleRate, fftSize: longSize)
        func sample(_ j: Int) -> Double { j >= 0 && j < samples.count && samples[j].isFinite ? Double(samples[j]) : 0 }
        /// Writes frame `i` (`window.count` samples from i × hop), windowed and zero-padded to `size`, into
        /// an FFT input; returns the energy of the raw and of the windowed samples.
        func fill(_ input: UnsafeMutablePointer<Float>, frame i: Int, window: [Double], size: Int) -> (raw: Double, windowed: Double) {
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
        var longPower = [Float](repeating: 0, count: longSize / 2 + 1)
        func longSpectrum(_ i: Int) -> (magnitude: [Double], rms: Double) {
            var energy = 0.0
            longPower.withUnsafeMutableBufferPointer { p in
                guard let out = p.baseAddress else { return }
                longPlan.power(filling: { energy = fill($0, frame: i, window: longWindow, size: longSize).windowed }, into: out)
            }
            return (longPower.map { Double($0).squareRoot() }, (energy / Double(longLength)).squareRoot())
        }

        // Pass 1: pitch candidates and energy of the 60 ms frames, all descriptors of the 20 ms frames.
        var candidates: [PitchCandidateViterbi.Frame] = [], longRMS: [Double] = []
        candidates.reserveCapacity(n); longRMS.reserveCapacity(n)
        var analysis = Analysis()
        analysis.values.reserveCapacity(n)
        var formants: [[Double]] = []
        let spectral = ShortFrameDescriptors(sampleRate: sampleRate, fftSize: shortSize)
        var shortSpectrum = [Float](repeating: 0, count: shortSize + 2)
        let resampler = SpectralResampler(frameLength: shortLength, fftSize: shortSize, sampleRate: sampleRate, targetRate: LinearPrediction.analysisRate)
        var previousMagnitude = [Double](repeating: 0, count: shortSize / 2 + 1)
        for i in 0..<n {
            let (magnitude, rms) = longSpectrum(i)
            longRMS.append(rms)
            var frame = PitchCandidateViterbi.Frame()
            let found = shs.candidates(magnitude: magnitude)
            for (k, c) in found.prefix(6).enumerated() { frame.f0[k] = c.f0; frame.voicing[k] = c.voicing }
            if let best = found.first, best.voicing > PitchCandidateViterbi.voicingCutoff { frame.clippedVoicing = best.voicing }
            candidates.append(frame)

            var meanSquare = 0.0
            shortSpectrum.withUnsafeMutableBufferPointer { p in
                guard let out = p.baseAddress else { return }
                shortPlan.spectrum(filling: { meanSquare = fill($0, frame: i, window: shortWindow, size: shortSize).raw }, into: out)
            }
            analysis.meanSquare.append(meanSquare / Double(shortLength))
            let power = (0...(shortSize / 2)).map { k -> Double in
                let re = Double(shortSpectrum[2 * k]), im = Double(shortSpectrum[2 * k + 1])
                return re * re + im * im
            }
            var row = spectral.describe(power: power, previousMagnitude: &previousMagnitude)
            let found3 = LinearPrediction.formants(frame: resampler.resample(shortSpectrum))
            var f: [Double] = []
            for k in 0..<3 { f += k < found3.count ? [found3[k].frequency, found3[k].bandwidth] : [0, 0] }
            formants.append(f)
            row += [Double](repeating: 0, count: 15)
            analysis.values.append(row)
        }

        // The smoothed pitch, silenced where the 60 ms frame is quiet.
        var f0 = PitchCandidateViterbi.smooth(candidates)
        for i in 0..<n where longRMS[i] <= 0.001 { f0[i] = 0 }
        analysis.voiced = f0.map { $0 > 0 }

        let perturbation = WaveformPeriodMatcher.perturbation(samples, f0: f0, hop: hop, frameLength: longLength, sampleRate: sampleRate)
        // Pass 2: the voiced frames' harmonic descriptors, perturbation and formants. The 60 ms spectrum is
        // taken again for them rather than kept for every frame in pass 1 (2 KB a frame, 740 MB an hour).
        let harmonics = HarmonicAnalysis(sampleRate: sampleRate, fftSize: longSize)
        for i in 0..<n {
            let (f1, b1, f2, b2, f3, b3) = (formants[i][0], formants[i][1], formants[i][2], formants[i][3], formants[i][4], formants[i][5])
            guard f0[i] > 0 else {
                analysis.values[i].replaceSubrange(10..<25, with: [0, 0, 0, 0, 0, 0, f1, b1, HarmonicAnalysis.unvoicedFloor,
                                                                   f2, b2, HarmonicAnalysis.unvoicedFloor, f3, b3, HarmonicAnalysis.unvoicedFloor])
                continue
            }
            let h = harmonics.analyse(magnitude: longSpectrum(i).magnitude, f0: f0[i], formants: [f1, f2, f3])
            let semitone = f0[i] > 29.136 ? 12 * log2(f0[i] / 27.5) : 1
            analysis.values[i].replaceSubrange(10..<25, with: [semitone, perturbation[i].jitter, perturbation[i].shimmerDB, h.hnrDB, h.h1h2, h.h1a3,
                                                               f1, b1, h.formantAmplitudes[0], f2, b2, h.formantAmplitudes[1], f3, b3, h.formantAmplitudes[2]])
        }
        return analysis
    }
}
