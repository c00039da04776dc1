import TriageCore

/// A call's transcript: its turns in time order and the format it was read from.
public struct Transcript: Sendable, Equatable {
    public var turns: [Turn]
    public var format: TranscriptFormat

    public init(turns: [Turn], format: TranscriptFormat) {
        self.turns = turns
        self.format = format
    }

    /// End of the last timed turn in milliseconds, if any turn is timed.
    public var endMs: Int? { turns.compactMap { $0.endMs ?? $0.startMs }.max() }
}
