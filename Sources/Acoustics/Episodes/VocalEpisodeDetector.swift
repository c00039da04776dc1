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

    public func episodes(in samples: [Float], sampleRate: Int) -> EpisodeSummary {
        let layout = FrameLayout(sampleRate: sampleRate)
        let levels = FrameEnergy.rmsDB(samples, layout: layout)
        let framesPerSecond = max(1, Int((1000 / layout.hopMs).rounded()))
        let seconds = levels.count / framesPerSecond
        guard seconds > 0 else { return EpisodeSummary(episodes: []) }
        let sorted = levels.sorted()
        let noiseFloor = sorted[sorted.count / 10]

        enum Kind { case speech, sound, quiet }
        var kinds: [Kind] = []
        kinds.reserveCapacity(seconds)
        for s in 0..<seconds {
            let second = levels[(s * framesPerSecond)..<((s + 1) * framesPerSecond)].sorted()
            let p20 = second[second.count / 5], p80 = second[second.count * 4 / 5]
            if p80 < noiseFloor + activityDB { kinds.append(.quiet) }
            else if p80 - p20 >= syllableSpreadDB { kinds.append(.speech) }
            else { kinds.append(.sound) }
        }
        // Runs of non-speech, forgiving short speech-like blips inside them.
        var episodes: [VocalEpisode] = []
        var s = 0
        while s < seconds {
            guard kinds[s] != .speech else { s += 1; continue }
            let start = s
            var end = s
            var blip = 0
            var quiet = 0, sound = 0
            while end < seconds {
                if kinds[end] == .speech {
                    blip += 1
                    if blip > toleratedSpeechSeconds { end -= blip - 1; break }
                } else {
                    blip = 0
                    if kinds[end] == .quiet { quiet += 1 } else { sound += 1 }
                }
                end += 1
            }
            end = min(end, seconds)
            while end > start, kinds[end - 1] == .speech { end -= 1 }
            let inside = start > 0 && end < seconds
            let ms = (end - start) * 1000
            if inside, (minimumMs...maximumMs).contains(ms) {
                episodes.append(VocalEpisode(startMs: start * 1000, endMs: end * 1000, character: sound >= quiet ? .sustained : .silent))
            }
            s = max(end, start + 1)
        }
        return EpisodeSummary(episodes: episodes)
    }
}
