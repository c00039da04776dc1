import Acoustics
import Archive
import Triage
import TriageCore

/// One tenth of a second of the caller's channel, for the live waveform and speech strip.
public struct LiveColumn: Sendable, Equatable {
    /// Peak frame level as an amplitude in [0, 1].
    public var peak: Float
    /// Most of the tenth was speech.
    public var speech: Bool

    public init(peak: Float, speech: Bool) { self.peak = peak; self.speech = speech }
}

/// What a live call looks like at one moment: the audio so far, the transcript so far and the
/// suggestion made from both. Screens draw it; nothing in it changes after it is made.
public struct LiveSnapshot: Sendable {
    /// Audio taken in so far.
    public var audioMs: Int
    /// The last columns of the caller's channel (oldest first), 100 ms each.
    public var columns: [LiveColumn]
    /// The audio time of the first column.
    public var firstColumnMs: Int
    /// Contraction-like episodes so far.
    public var episodes: EpisodeSummary
    /// Transcript turns and typed notes so far (an interim hypothesis last).
    public var turns: [Turn]
    /// The suggestion from all of it; nil before there is any text.
    public var assessment: Assessment?
    /// The suggestion as the archive would store it (for screens that draw stored suggestions).
    public var record: AssessmentRecord?
    /// Increases with every change.
    public var version: Int
    /// Problems with the live inputs (a transcript line that could not be read).
    public var problems: [String]
    /// The caller's median F0 over her voiced frames of the last ten seconds (the streaming feature engine).
    public var recentF0Hz: Double?

    public static let empty = LiveSnapshot(audioMs: 0, columns: [], firstColumnMs: 0, episodes: EpisodeSummary(episodes: []), turns: [],
                                           assessment: nil, record: nil, version: 0, problems: [], recentF0Hz: nil)
}
