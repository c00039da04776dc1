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

    public init(frames: [FrameFeatures], hopMs: Double) {
        self.frames = frames.count
        durationMs = Int(Double(frames.count) * hopMs)
        let columns = FrameFeatures.columns(coefficients: frames.first?.mfcc.count ?? 13)
        let rows = frames.map(\.values)
        let times = frames.map(\.timeMs)
        let speech = frames.indices.filter { frames[$0].speech }
        let voiced = frames.indices.filter { frames[$0].voiced }
        var descriptors: [(String, Functionals)] = []
        for (c, name) in columns.enumerated() where !["time_ms", "voiced", "speech"].contains(name) {
            let chosen = Self.overVoiced.contains(name) ? voiced : speech
            descriptors.append((name, Functionals(chosen.map { rows[$0][c] }, timesMs: chosen.map { times[$0] })))
        }
        self.descriptors = descriptors
        speechRatio = frames.isEmpty ? 0 : Double(speech.count) / Double(frames.count)
        // Pauses: runs of non-speech between speech.
        var pauses: [Int] = []
        var run = 0, seenSpeech = false
        for f in frames {
            if f.speech {
                if seenSpeech, Double(run) * hopMs >= Double(Self.minimumPauseMs) { pauses.append(Int(Double(run) * hopMs)) }
                run = 0
                seenSpeech = true
            } else if seenSpeech {
                run += 1
            }
        }
        pauseCount = pauses.count
        meanPauseMs = pauses.isEmpty ? 0 : Double(pauses.reduce(0, +)) / Double(pauses.count)
        speakingRate = Self.syllableRate(frames, hopMs: hopMs)
    }

    /// Loudness peaks (in dB) in voiced speech, each at least 2 dB above the lowest point since the last.
    static func syllableRate(_ frames: [FrameFeatures], hopMs: Double) -> Double {
        let speechSeconds = Double(frames.filter(\.speech).count) * hopMs / 1000
        guard speechSeconds > 0 else { return 0 }
        let level = frames.map { 10 * log10(max(Double($0.loudness), 1e-6)) }
        var peaks = 0
        var valley = Double.infinity
        var i = 1
        while i < frames.count - 1 {
            valley = min(valley, level[i])
            if frames[i].voiced, frames[i].speech, level[i] >= level[i - 1], level[i] > level[i + 1], level[i] - valley >= 2 {
                peaks += 1
                valley = level[i]
            }
            i += 1
        }
        return Double(peaks) / speechSeconds
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
        let counts = channels.map { $0.prefix(n).filter { $0 }.count }
        let all = max(1, counts.reduce(0, +))
        talkShare = counts.map { Double($0) / Double(all) }
        overlapRatio = n == 0 ? 0 : Double((0..<n).filter { f in channels.filter { $0[f] }.count >= 2 }.count) / Double(n)
        // Hand-overs: a party starts after the other stopped, with nobody speaking in between.
        var latencies: [Double] = []
        var lastSpeaker: Int?, lastEnd = 0
        for f in 0..<n {
            let speaking = channels.indices.filter { channels[$0][f] }
            if speaking.count == 1, let who = speaking.first {
                if let last = lastSpeaker, last != who, f > 0, !channels[who][f - 1] {
                    let gap = Double(f - lastEnd) * hopMs
                    if gap <= 3000 { latencies.append(gap) }
                }
                lastSpeaker = who
                lastEnd = f
            } else if speaking.count > 1 {
                lastEnd = f
            }
        }
        latencies.sort()
        responseLatencyMs = latencies.isEmpty ? 0 : latencies[latencies.count / 2]
    }
}
