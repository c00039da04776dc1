import Foundation

/// Pitch candidates by subharmonic summation (Hermes 1988) as eGeMAPS computes them: the magnitude
/// spectrum of a Gaussian-windowed 60 ms frame, peak-enhanced and smoothed, resampled by a natural cubic
/// spline onto a log2 (octave) frequency axis from 25 Hz to the Nyquist frequency with an auditory
/// weighting, then summed with its 15 octave-shifted, successively compressed (0.85) copies. Peaks of the
/// sum are the candidates; a candidate's voicing is 1 − mean/peak.
struct SubharmonicSummation {
    struct Candidate: Equatable {
        var f0: Double
        var voicing: Double
        var score: Double
    }

    static let harmonics = 15, compression = 0.85, candidateCount = 6
    static let minPitch = 55.0, maxPitch = 1000.0, lowestFrequency = 25.0

    let bins: Int
    private let sourceAxis: [Double]           // log2 frequency of each FFT bin
    private let targetStart: Double, targetStep: Double
    private let splineLower: [Int]            // for each target point, the source interval it falls in
    private let splineCoefficients: [(a: Double, c: Double, d: Double)]
    private let splineSigma: [Double], splineDiff1: [Double], splineDiff2: [Double]
    private let auditoryWeight: [Double]
    private let shifts: [Int]

    /// For an FFT of `fftSize` points at `sampleRate`.
    init(sampleRate: Int, fftSize: Int) {
        bins = fftSize / 2 + 1
        let deltaF = Double(sampleRate) / Double(fftSize)
        let maxF = deltaF * Double(bins - 1)
        var axis = [Double](repeating: 0, count: bins)
        for i in 1..<bins { axis[i] = log2(Double(i) * deltaF) }
        axis[0] = 2 * axis[1] - axis[2]
        sourceAxis = axis
        targetStart = log2(Self.lowestFrequency)
        targetStep = (log2(maxF) - targetStart) / Double(bins - 1)
        var sigma = [Double](repeating: 0, count: bins), d1 = sigma, d2 = sigma
        for i in 1..<(bins - 1) {
            sigma[i] = (axis[i] - axis[i - 1]) / (axis[i + 1] - axis[i - 1])
            d1[i] = (axis[i + 1] - axis[i]) * (axis[i + 1] - axis[i - 1])
            d2[i] = (axis[i] - axis[i - 1]) * (axis[i + 1] - axis[i - 1])
        }
        splineSigma = sigma; splineDiff1 = d1; splineDiff2 = d2
        var lower: [Int] = [], coefficients: [(Double, Double, Double)] = []
        var upper = 1
        for i in 0..<bins {
            let x = min(targetStart + Double(i) * targetStep, axis[bins - 1])
            while upper < bins - 1, axis[upper] < x { upper += 1 }
            let range = axis[upper] - axis[upper - 1]
            let a = (axis[upper] - x) / range, b = 1 - a
            lower.append(upper - 1)
            coefficients.append((a, (a * a * a - a) * range * range / 6, (b * b * b - b) * range * range / 6))
        }
        splineLower = lower
        splineCoefficients = coefficients
        let octaves = log2(maxF / Self.lowestFrequency)
        let perOctave = Double(bins) / octaves
        let centre = perOctave * log2(65.0 / 50.0) - 1
        auditoryWeight = (0..<bins).map { 0.5 + atan(3 * (Double($0 + 1) - centre) / perOctave) / .pi }
        shifts = (2...Self.harmonics).map { Int(floor(perOctave * log2(Double($0)))) }
    }

    /// The candidates of one frame's magnitude spectrum (`bins` values), best score first, within 55–1000 Hz.
    func candidates(magnitude: [Double]) -> [Candidate] {
        var y = magnitude
        Self.enhancePeaks(&y)
        Self.smooth(&y)
        let scaled = octaveScaled(y)
        let n = scaled.count
        var sum = scaled
        var scale = Self.compression
        for shift in shifts {
            if shift < n { for j in shift..<n { sum[j - shift] += scaled[j] * scale } }
            scale *= Self.compression
        }
        for j in 0..<n { sum[j] = max(0, sum[j] / Double(Self.harmonics)) }
        // Every local maximum, kept in descending order of height (at most six).
        var peaks: [(index: Int, height: Double)] = []
        var total = sum[0]
        if n > 2 {
            for i in 1..<(n - 1) {
                if sum[i - 1] < sum[i], sum[i] > sum[i + 1] {
                    if let slot = (0..<Self.candidateCount).first(where: { $0 >= peaks.count || peaks[$0].height < sum[i] }) {
                        peaks.insert((i, sum[i]), at: slot)
                        if peaks.count > Self.candidateCount { peaks.removeLast() }
                    }
                }
                total += sum[i]
            }
            total += sum[n - 1]
        }
        let mean = total / Double(n)
        var out: [Candidate] = peaks.map { peak in
            let j = peak.index
            let x1 = targetStart + Double(j - 1) * targetStep, x2 = x1 + targetStep, x3 = x2 + targetStep
            let (x, score) = Parabola.vertex(x1, sum[j - 1], x2, sum[j], x3, sum[j + 1])
            let voicing = score > 0 && score > mean ? 1 - mean / score : 0
            return Candidate(f0: pow(2, x), voicing: voicing, score: score)
        }
        out.removeAll { $0.f0 > Self.maxPitch || $0.f0 < Self.minPitch }
        if let best = out.indices.max(by: { out[$0].score < out[$1].score }), best > 0 { out.swapAt(0, best) }
        return out
    }

    /// Zeroes the spectrum between peaks, more than two bins from either (openSMILE's SHS peak enhancement).
    static func enhancePeaks(_ a: inout [Double]) {
        let n = a.count
        guard n > 2 else { return }
        var peaks: [Int] = []
        if a[0] > a[1] { peaks.append(0) }
        for i in 1..<(n - 1) where a[i] > a[i - 1] && a[i] >= a[i + 1] { peaks.append(i) }
        if a[n - 1] > a[n - 2] { peaks.append(n - 1) }
        if peaks.count == 1 {
            // openSMILE reads the second (absent, zero) peak position here: all but the first three bins go.
            for j in 3..<n { a[j] = 0 }
            return
        }
        for (left, right) in zip(peaks, peaks.dropFirst()) where left + 3 <= right - 3 {
            for j in (left + 3)...(right - 3) { a[j] = 0 }
        }
    }

    /// A [1 2 1]/4 smoothing of the spectrum (the last bin kept).
    static func smooth(_ a: inout [Double]) {
        var previous = 0.0
        for i in 0..<max(0, a.count - 1) {
            let current = a[i]
            a[i] = (previous + 2 * current + a[i + 1]) / 4
            previous = current
        }
    }

    /// The spectrum on the log2 axis (natural cubic spline), auditorily weighted and floored at zero.
    private func octaveScaled(_ y: [Double]) -> [Double] {
        let n = bins
        var second = [Double](repeating: 0, count: n), u = [Double](repeating: 0, count: n)
        for i in 1..<(n - 1) {
            let p = 1 / (splineSigma[i] * second[i - 1] + 2)
            second[i] = (splineSigma[i] - 1) * p
            let t = (y[i + 1] - y[i]) / splineDiff1[i] - (y[i] - y[i - 1]) / splineDiff2[i]
            u[i] = p * (6 * t - splineSigma[i] * u[i - 1])
        }
        second[n - 1] = 0
        for j in stride(from: n - 2, through: 0, by: -1) { second[j] = second[j] * second[j + 1] + u[j] }
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let k = splineLower[i], (a, c, d) = splineCoefficients[i]
            let v = a * y[k] + (1 - a) * y[k + 1] + c * second[k] + d * second[k + 1]
            out[i] = v > 0 ? v * auditoryWeight[i] : 0
        }
        return out
    }
}
