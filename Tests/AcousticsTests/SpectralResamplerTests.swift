@testable import Acoustics
import Foundation
import Testing

/// The resampler's two paths (an inverse FFT when the period is whole, a direct sum when it is not, as at
/// 44.1 kHz) give openSMILE's inverse DFT: DC plus, for each kept bin, re·cos − im·sin.
@Suite struct SpectralResamplerTests {
    @Test(arguments: [8000, 16000, 44100])
    func bothPathsGiveTheInverseDFT(sampleRate: Int) {
        let frameLength = sampleRate / 50
        var fftSize = 4
        while fftSize < frameLength { fftSize *= 2 }
        let resampler = SpectralResampler(frameLength: frameLength, fftSize: fftSize, sampleRate: sampleRate, targetRate: 11_000)
        let spectrum = (0..<(fftSize + 2)).map { Float(sin(Double($0) * 0.37) + cos(Double($0) * 0.11)) }
        let out = resampler.resample(spectrum)
        #expect(out.count == 220)
        var worst = 0.0, largest = 0.0
        for (i, value) in out.enumerated() {
            var expected = Double(spectrum[0])
            for k in 1..<resampler.keptBins {
                let angle = 2 * Double.pi * Double(k * i) / resampler.period
                expected += Double(spectrum[2 * k]) * cos(angle) - Double(spectrum[2 * k + 1]) * sin(angle)
            }
            worst = max(worst, abs(value - expected)); largest = max(largest, abs(expected))
        }
        #expect(worst < 1e-4 * largest, "worst difference \(worst) against \(largest)")
    }
}
