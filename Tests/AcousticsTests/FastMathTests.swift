@testable import Acoustics
import Foundation
import Testing

/// The inlined log2 and exp2 of the per-band loops against Foundation's over the range a power spectrum
/// and its loudness take.
@Suite struct FastMathTests {
    @Test func log2MatchesFoundationToAFewUlp() {
        var worst: Float = 0
        var x: Float = 1e-30
        while x < 1e30 {
            let error = abs(FastMath.log2(x) - Foundation.log2(x))
            worst = max(worst, error / max(1, abs(Foundation.log2(x))))
            x *= 1.0137
        }
        #expect(worst < 4e-7, "worst relative error \(worst)")
        #expect(FastMath.log2(1) == 0)
        #expect(FastMath.log2(Float.leastNormalMagnitude) == -126)
    }

    @Test func exp2MatchesFoundationToAFewUlp() {
        var worst: Float = 0
        var y: Float = -120
        while y < 120 {
            let exact = Foundation.exp2(y)
            worst = max(worst, abs(FastMath.exp2(y) - exact) / exact)
            y += 0.0173
        }
        #expect(worst < 4e-7, "worst relative error \(worst)")
        #expect(FastMath.exp2(0) == 1)
        #expect(FastMath.exp2(1000).isFinite && FastMath.exp2(-1000) > 0)
    }
}
