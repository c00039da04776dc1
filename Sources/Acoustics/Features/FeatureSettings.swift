/// How the feature engine frames and measures a signal. The defaults are the usual speech framing
/// (25 ms windows every 10 ms) and librosa's MFCC conventions.
public struct FeatureSettings: Sendable, Equatable {
    /// librosa: centred frames, periodic Hann window, power spectrum, Slaney mel filters, dB, orthonormal
    /// DCT-II. HTK (as python_speech_features and HTK/Kaldi make it): frames from the first sample,
    /// pre-emphasis 0.97, Hamming window, power spectrum / N, HTK mel filters, natural log, orthonormal
    /// DCT-II, cepstral lifter 22, and c0 replaced by the log frame energy.
    public enum Style: String, Sendable, CaseIterable { case librosa, htk }

    public var sampleRate: Int
    public var windowMs: Double = 25
    public var hopMs: Double = 10
    /// FFT size (nil: the next power of two at or above the window).
    public var fftSize: Int?
    /// Mel bands (nil: 40 for librosa, 26 for HTK).
    public var melBands: Int?
    public var coefficients = 13
    public var style: Style = .librosa
    public var pitch = PitchSettings()
    /// Measure F0, voicing, HNR, jitter and shimmer (false: every frame unvoiced, for spectral work alone).
    public var pitchEnabled = true
    /// librosa floors the log-mel 80 dB under the loudest value of the *whole* signal. True: do the same
    /// (MFCC come out when the signal ends); false (live calls): under the loudest value so far.
    public var wholeSignalFloor = true

    public init(sampleRate: Int) { self.sampleRate = max(1, sampleRate) }

    public var window: Int { max(1, Int((windowMs * Double(sampleRate) / 1000).rounded())) }
    public var hop: Int { max(1, Int((hopMs * Double(sampleRate) / 1000).rounded())) }
    public var fft: Int {
        if let fftSize { return max(fftSize, window) }
        var n = 1
        while n < window { n *= 2 }
        return n
    }
    public var bands: Int { melBands ?? (style == .librosa ? 40 : 26) }
}
