import Foundation

/// One party's (channel's) summary of a call or a segment: the functionals of every descriptor (pitch,
/// HNR, jitter and shimmer over voiced frames; the others over speech frames), the speech ratio, the
/// pauses and the speaking rate.
public struct FeatureSummary: Sendable, Equatable {
    public var frames: Int
    public var durationMs: Int
    /// Descriptor name → its functionals, in `FrameFeatures.columns` order.
    public var descriptors: [(name: String, functionals: Functionals)]
    /// Share of frames with speech.
    public var speechRatio: Double
    /// Silences of at least `minimumPauseMs` between two stretches of speech.
    public var pauseCount: Int
    public var meanPauseMs: Double
    /// Syllable nuclei per second of speech (loudness peaks in voiced speech standing 2 dB above their
    /// surroundings, after de Jong and Wempe 2009).
    public var speakingRate: Double

    public static let minimumPauseMs = 250

    public static func == (a: FeatureSummary, b: FeatureSummary) -> Bool {
        a.frames == b.frames && a.durationMs == b.durationMs && a.speechRatio == b.speechRatio && a.pauseCount == b.pauseCount
            && a.meanPauseMs == b.meanPauseMs && a.speakingRate == b.speakingRate
            && a.descriptors.map(\.name) == b.descriptors.map(\.name) && a.descriptors.map(\.functionals) == b.descriptors.map(\.functionals)
    }

    /// Descriptors summarised over voiced frames only.
    static let overVoiced: Set<String> = ["f0_hz", "hnr_db", "jitter_local", "shimmer_local_db"]

    /// The summary of `frames`, `hopMs` apart.
    public init(frames: [FrameFeatures], hopMs: Double) {
        let builder = FeatureSummaryBuilder(hopMs: hopMs)
        for f in frames { builder.add(f) }
        self = builder.finish()
    }

    public init(frames: Int, durationMs: Int, descriptors: [(name: String, functionals: Functionals)], speechRatio: Double,
                pauseCount: Int, meanPauseMs: Double, speakingRate: Double) {
        self.frames = frames; self.durationMs = durationMs; self.descriptors = descriptors; self.speechRatio = speechRatio
        self.pauseCount = pauseCount; self.meanPauseMs = meanPauseMs; self.speakingRate = speakingRate
    }
}

/// Who talks when, for a call with one party per channel.
public struct TurnTaking: Sendable, Equatable {
    /// Each channel's share of all speech frames.
    public var talkShare: [Double]
    /// Median milliseconds from one party stopping to the other starting (gaps under 3 s).
    public var responseLatencyMs: Double
    /// Share of the call during which both talk at once.
    public var overlapRatio: Double

    /// `channels[c][f]`: channel c speaks in frame f.
    public init(speech channels: [[Bool]], hopMs: Double) {
        let n = channels.map(\.count).min() ?? 0
        var counts = [Int](repeating: 0, count: channels.count)
        var overlapping = 0
        // Hand-overs: a party starts after the other stopped, with nobody speaking in between.
        var latencies: [Double] = []
        var lastSpeaker: Int?, lastEnd = 0
        for f in 0..<n {
            var speakers = 0, who = 0
            for c in channels.indices where channels[c][f] {
                counts[c] += 1
                speakers += 1
                who = c
            }
            if speakers >= 2 { overlapping += 1 }
            if speakers == 1 {
                if let last = lastSpeaker, last != who, f > 0, !channels[who][f - 1] {
                    let gap = Double(f - lastEnd) * hopMs
                    if gap <= 3000 { latencies.append(gap) }
                }
                lastSpeaker = who
                lastEnd = f
            } else if speakers > 1 {
                lastEnd = f
            }
        }
        let all = max(1, counts.reduce(0, +))
        talkShare = counts.map { Double($0) / Double(all) }
        overlapRatio = n == 0 ? 0 : Double(overlapping) / Double(n)
        latencies.sort()
        responseLatencyMs = latencies.isEmpty ? 0 : latencies[latencies.count / 2]
    }
}
