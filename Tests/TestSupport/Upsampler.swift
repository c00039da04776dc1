import Foundation

/// Doubles a signal's sample rate: zeros between the samples, then a windowed-sinc low-pass at the old
/// Nyquist frequency (Kaiser window, β 5, 41 taps), as scipy's `resample_poly(x, 2, 1)` does in kind.
public enum Upsampler {
    public static func double(_ x: [Float]) -> [Float] {
        let taps = 41, centre = Double(taps - 1) / 2, beta = 5.0
        func bessel0(_ v: Double) -> Double {
            var sum = 1.0, term = 1.0
            for k in 1..<30 { term *= (v / 2) / Double(k); sum += term * term }
            return sum
        }
        let h: [Double] = (0..<taps).map { n in
            let t = Double(n) - centre
            let sinc = t == 0 ? 1 : sin(.pi * t / 2) / (.pi * t / 2)
            let r = t / centre
            return sinc * bessel0(beta * (1 - r * r).squareRoot()) / bessel0(beta)
        }
        var y = [Float](repeating: 0, count: x.count * 2)
        for i in 0..<y.count {
            var sum = 0.0
            // Only the taps that land on original samples (even positions of the stuffed signal).
            for (k, weight) in h.enumerated() {
                let j = i - k + Int(centre)
                if j >= 0, j < y.count, j % 2 == 0 { sum += weight * Double(x[j / 2]) }
            }
            y[i] = Float(sum)
        }
        return y
    }
}
