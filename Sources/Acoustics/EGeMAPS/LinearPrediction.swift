import Foundation

/// Formants by linear prediction: the autocorrelation method (Levinson–Durbin) on a pre-emphasised,
/// Hamming-windowed frame, the roots of the predictor polynomial by Aberth–Ehrlich iteration, and each
/// root above 90 Hz with a bandwidth under 600 Hz taken as a formant (frequency, bandwidth).
enum LinearPrediction {
    static func coefficients(_ frame: [Double], order: Int) -> [Double]? {
        let n = frame.count
        guard n > order else { return nil }
        var r = [Double](repeating: 0, count: order + 1)
        for lag in 0...order { for i in lag..<n { r[lag] += frame[i] * frame[i - lag] } }
        guard r[0] > 1e-12 else { return nil }
        r[0] *= 1 + 1e-9
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

    /// Formant frequencies and bandwidths (Hz), lowest first.
    static func formants(_ frame: [Double], sampleRate: Int, order: Int) -> [(frequency: Double, bandwidth: Double)] {
        guard let a = coefficients(frame, order: order) else { return [] }
        let roots = Self.roots(a)
        let rate = Double(sampleRate)
        return roots.compactMap { z -> (Double, Double)? in
            guard z.im > 0 else { return nil }
            let frequency = atan2(z.im, z.re) * rate / (2 * .pi)
            let radius = (z.re * z.re + z.im * z.im).squareRoot()
            let bandwidth = -log(max(radius, 1e-9)) * rate / .pi
            return frequency > 90 && frequency < rate / 2 - 50 && bandwidth < 600 ? (frequency, bandwidth) : nil
        }.sorted { $0.0 < $1.0 }
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
