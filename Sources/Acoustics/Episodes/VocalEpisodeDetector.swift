/// Finds sustained non-speech episodes on one party's channel.
///
/// Each second of the channel is classed by its frame levels: *speech* has the rapid rise and fall of
/// syllables (a large spread of 10 ms frame levels within the second while the channel is active);
/// *sound* is active without that rhythm (breathing, a moan); *quiet* is near the channel's noise floor.
/// An episode is a run of sound-or-quiet seconds, 20 to 90 s long, with speech before and after it.
public struct VocalEpisodeDetector: Sendable {
    /// Shortest and longest episode.
    public var minimumMs = 20_000
    public var maximumMs = 90_000
    /// dB above the noise floor for a second to count as active.
    public var activityDB: Float = 12
    /// Spread (80th minus 20th percentile of frame levels, dB) that marks syllables.
    public var syllableSpreadDB: Float = 14
    /// Isolated speech-like seconds inside an episode that are forgiven (a groan); two in a row are speech.
    public var toleratedSpeechSeconds = 1

    public init() {}

    /// The episodes of a whole channel: the same as an `EpisodeTracker` fed the channel in chunks.
    public func episodes(in samples: [Float], sampleRate: Int) -> EpisodeSummary {
        var tracker = EpisodeTracker(sampleRate: sampleRate, detector: self)
        tracker.append(samples)
        return tracker.summary()
    }

    /// Level spread of one second of frames: its 20th and 80th percentile.
    public struct Second: Sendable, Equatable {
        public var p20: Float
        public var p80: Float
    }

    /// The episodes among `seconds`, given the channel's noise floor.
    func episodes(in seconds: [Second], noiseFloor: Float) -> EpisodeSummary {
        enum Kind { case speech, sound, quiet }
        let kinds: [Kind] = seconds.map { s in
            if s.p80 < noiseFloor + activityDB { return .quiet }
            return s.p80 - s.p20 >= syllableSpreadDB ? .speech : .sound
        }
        let count = kinds.count
        // Runs of non-speech, forgiving short speech-like blips inside them.
        var episodes: [VocalEpisode] = []
        var s = 0
        while s < count {
            guard kinds[s] != .speech else { s += 1; continue }
            let start = s
            var end = s
            var blip = 0
            var quiet = 0, sound = 0
            while end < count {
                if kinds[end] == .speech {
                    blip += 1
                    if blip > toleratedSpeechSeconds { end -= blip - 1; break }
                } else {
                    blip = 0
                    if kinds[end] == .quiet { quiet += 1 } else { sound += 1 }
                }
                end += 1
            }
            end = min(end, count)
            while end > start, kinds[end - 1] == .speech { end -= 1 }
            let inside = start > 0 && end < count
            let ms = (end - start) * 1000
            if inside, (minimumMs...maximumMs).contains(ms) {
                episodes.append(VocalEpisode(startMs: start * 1000, endMs: end * 1000, character: sound >= quiet ? .sustained : .silent))
            }
            s = max(end, start + 1)
        }
        return EpisodeSummary(episodes: episodes)
    }
}
