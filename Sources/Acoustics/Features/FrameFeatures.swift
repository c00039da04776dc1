/// The low-level descriptors of one frame. Unvoiced frames have F0, HNR, jitter and shimmer 0.
public struct FrameFeatures: Sendable, Equatable {
    /// The frame's centre in milliseconds (frame index × hop for centred frames).
    public var timeMs: Int
    /// RMS level in dB full scale (floored at -120).
    public var rmsDB: Float
    /// Loudness: the sum of mel band powers raised to 0.3 (Stevens' power law), a sone-like scale.
    public var loudness: Float
    /// Zero crossings per sample in the window.
    public var zcr: Float
    public var spectralCentroidHz: Float
    /// L2 distance between this frame's and the previous frame's magnitude spectra, each normalised to sum 1.
    public var spectralFlux: Float
    /// Frequency below which 85 % of the magnitude lies.
    public var spectralRolloffHz: Float
    /// Geometric over arithmetic mean of the power spectrum (0 tonal … 1 noise).
    public var spectralFlatness: Float
    /// MFCC 1–13 (coefficient 0 first) and their deltas (HTK regression over ±2 frames).
    public var mfcc: [Float]
    public var mfccDelta: [Float]
    public var f0Hz: Float
    public var voiced: Bool
    public var hnrDB: Float
    /// Local jitter (fraction) and shimmer (dB) of the glottal pulses within ±30 ms.
    public var jitterLocal: Float
    public var shimmerLocalDB: Float
    /// Voice activity (with hangover).
    public var speech: Bool

    /// Column names for the frame table, in the order of `values`.
    public static func columns(coefficients: Int) -> [String] {
        ["time_ms", "rms_db", "loudness", "zcr", "spectral_centroid_hz", "spectral_flux", "spectral_rolloff_hz", "spectral_flatness"]
            + (1...max(1, coefficients)).map { "mfcc_\($0)" } + (1...max(1, coefficients)).map { "mfcc_delta_\($0)" }
            + ["f0_hz", "voiced", "hnr_db", "jitter_local", "shimmer_local_db", "speech"]
    }

    /// The row's values in column order (booleans as 0/1).
    public var values: [Double] {
        [Double(timeMs), Double(rmsDB), Double(loudness), Double(zcr), Double(spectralCentroidHz), Double(spectralFlux),
         Double(spectralRolloffHz), Double(spectralFlatness)] + mfcc.map(Double.init) + mfccDelta.map(Double.init)
            + [Double(f0Hz), voiced ? 1 : 0, Double(hnrDB), Double(jitterLocal), Double(shimmerLocalDB), speech ? 1 : 0]
    }
}
