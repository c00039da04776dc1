import Foundation

/// Formants by linear prediction as eGeMAPS finds them: the autocorrelation of the frame resampled to
/// 11 kHz (`SpectralResampler`), an order-11 predictor by Levinson–Durbin, the roots of the
/// polynomial with the predictor's coefficients negated, as openSMILE forms it (Aberth–Ehrlich iteration),
/// reflected into the unit circle, and every root with a
/// non-negative imaginary part between 50 and 5,450 Hz taken as a formant (frequency, bandwidth −ln|z|·fs/π),
/// at most five, lowest first.
enum LinearPrediction {
    static let analysisRate = 11_000.0, order = 11, lowest = 50.0, highest = 5450.0, maximumCount = 5

    /// The predictor 1, a1 … ap from autocorrelation values r0 … rp, or nil when the signal is silent.
    static func coefficients(autocorrelation r: [Double]) -> [Double]? {
        let order = r.count - 1
        guard order > 0, r[0] > 1e-20 else { return nil }
        var a = [Double](repeating: 0, count: order + 1)
        a[0] = 1
        var error = r[0]
        for i in 1...order {
            var k = -r[i]
            for j in 1..<i { k -= a[j] * r[i - j] }
            k /= error
            let previous = a
            for j in 1..<i { a[j] = previous[j] + k * previous[i - j] }
            a[i] = k
            error *= 1 - k * k
            if error <= 0 { return nil }
        }
        return a
    }

    /// The formants of a frame sampled at `analysisRate` (see `SpectralResampler`).
    static func formants(frame x: [Double]) -> [(frequency: Double, bandwidth: Double)] {
        guard x.count > order else { return [] }
        var r = [Double](repeating: 0, count: order + 1)
        for lag in 0...order { for i in lag..<x.count { r[lag] += x[i] * x[i - lag] } }
        guard var a = coefficients(autocorrelation: r) else { return [] }
        // openSMILE hands the root finder the predictor with its coefficients' signs flipped
        // (z^p − a1 z^(p−1) − … − ap); eGeMAPS's formants are that polynomial's roots.
        for k in 1..<a.count { a[k] = -a[k] }
        var found: [(Double, Double)] = []
        for var z in roots(a) {
            let radius2 = z.re * z.re + z.im * z.im
            if radius2 > 1 { z = Complex(re: z.re / radius2, im: z.im / radius2) }
            guard z.im >= 0 else { continue }
            let frequency = abs(atan2(z.im, z.re)) * analysisRate / (2 * .pi)
            guard frequency >= lowest, frequency <= highest else { continue }
            let radius = (z.re * z.re + z.im * z.im).squareRoot()
            found.append((frequency, -log(max(radius, 1e-12)) * analysisRate / .pi))
            if found.count == maximumCount { break }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    struct Complex { var re: Double; var im: Double }

    /// Roots of 1 + a1 z^-1 + … + ap z^-p, i.e. of z^p + a1 z^(p-1) + … + ap.
    static func roots(_ a: [Double]) -> [Complex] {
        let p = a.count - 1
        guard p > 0 else { return [] }
        func mul(_ x: Complex, _ y: Complex) -> Complex { Complex(re: x.re * y.re - x.im * y.im, im: x.re * y.im + x.im * y.re) }
        func div(_ x: Complex, _ y: Complex) -> Complex {
            let d = y.re * y.re + y.im * y.im
            return d == 0 ? Complex(re: 0, im: 0) : Complex(re: (x.re * y.re + x.im * y.im) / d, im: (x.im * y.re - x.re * y.im) / d)
        }
        func value(_ z: Complex) -> (Complex, Complex) {
            var f = Complex(re: 1, im: 0), d = Complex(re: 0, im: 0)
            for k in 1...p {
                d = Complex(re: mul(d, z).re + f.re, im: mul(d, z).im + f.im)
                let fz = mul(f, z)
                f = Complex(re: fz.re + a[k], im: fz.im)
            }
            return (f, d)
        }
        var z = (0..<p).map { k -> Complex in
            let angle = 2 * Double.pi * Double(k) / Double(p) + 0.4
            return Complex(re: 0.9 * cos(angle), im: 0.9 * sin(angle))
        }
        for _ in 0..<40 {
            var moved = 0.0
            for i in 0..<p {
                let (f, d) = value(z[i])
                let ratio = div(f, d)
                var sum = Complex(re: 0, im: 0)
                for j in 0..<p where j != i {
                    let inv = div(Complex(re: 1, im: 0), Complex(re: z[i].re - z[j].re, im: z[i].im - z[j].im))
                    sum.re += inv.re; sum.im += inv.im
                }
                let denominator = Complex(re: 1 - mul(ratio, sum).re, im: -mul(ratio, sum).im)
                let step = div(ratio, denominator)
                z[i].re -= step.re; z[i].im -= step.im
                moved = max(moved, abs(step.re) + abs(step.im))
            }
            if moved < 1e-7 { break }
        }
        return z
    }
}
