/// A stretch of a party's channel without speech inside the call: breathing, a sustained voiced sound
/// (moaning), or silence, 20 to 90 seconds long. In a labour call, this is when she goes quiet or moans
/// through a contraction.
public struct VocalEpisode: Sendable, Equatable {
    public enum Character: String, Sendable {
        /// Mostly sound without the rhythm of syllables: breathing, moaning.
        case sustained
        /// Mostly silence.
        case silent
    }

    public var startMs: Int
    public var endMs: Int
    public var character: Character

    public init(startMs: Int, endMs: Int, character: Character) {
        self.startMs = startMs; self.endMs = endMs; self.character = character
    }

    public var durationMs: Int { endMs - startMs }
}

/// The episodes of a channel and what they suggest.
public struct EpisodeSummary: Sendable, Equatable {
    public var episodes: [VocalEpisode]

    public init(episodes: [VocalEpisode]) { self.episodes = episodes }

    /// The episodes with sound in them (breathing, moaning): what a contraction sounds like on the phone.
    public var sustained: [VocalEpisode] { episodes.filter { $0.character == .sustained } }

    /// Median minutes between the starts of consecutive sustained episodes: a contraction-frequency
    /// estimate. Silent stretches are left out: on the phone they are as often the midwife looking
    /// something up as a contraction.
    public var intervalMinutes: Double? {
        let sounding = sustained
        guard sounding.count >= 2 else { return nil }
        let gaps = zip(sounding.dropFirst(), sounding).map { Double($0.startMs - $1.startMs) / 60000 }.sorted()
        return gaps[gaps.count / 2]
    }
}
