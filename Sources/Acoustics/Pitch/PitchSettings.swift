/// The parameters of Praat's autocorrelation pitch ("To Pitch (ac)…"), with Praat's standard values.
public struct PitchSettings: Sendable, Equatable {
    public var floorHz: Double = 75
    public var ceilingHz: Double = 600
    /// Periods of the floor per analysis window (3 for the autocorrelation method: 40 ms at 75 Hz).
    public var periodsPerWindow: Double = 3
    public var maximumCandidates = 15
    public var silenceThreshold: Double = 0.03
    public var voicingThreshold: Double = 0.45
    public var octaveCost: Double = 0.01
    public var octaveJumpCost: Double = 0.35
    public var voicedUnvoicedCost: Double = 0.14
    /// Frames the path finder looks back before it settles a frame (a fixed-lag Viterbi search; Praat
    /// searches the whole sound, which a live call cannot wait for).
    public var pathLag = 50

    public init() {}
}

/// One frame's pitch candidates: the unvoiced candidate's strength and the voiced ones.
struct PitchFrame: Sendable {
    /// The frame's peak relative to the loudest so far (Praat's intensity), in [0, 1].
    var intensity: Double
    /// Voiced candidates: frequency (Hz) and strength (normalised autocorrelation, ≤ 1).
    var candidates: [(frequency: Double, strength: Double)]
}
