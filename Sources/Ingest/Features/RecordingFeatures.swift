import Acoustics
import AudioIO
import Foundation
import Synchronization

/// Runs the feature engine over a recording, one channel at a time (each channel is a party when the
/// call has them on separate channels), reading the file in blocks and handing each frame on as it is
/// made: memory stays within a few megabytes whatever the length of the call.
public struct RecordingFeatures: Sendable {
    /// Rates below this hold too little of the voice to analyse.
    public static let lowestSampleRate = 2000
    /// Samples read from the file at a time (per channel).
    static let blockFrames = 32768

    public let path: String
    public let info: AudioFileInfo
    public let settings: FeatureSettings
    public var hopMs: Double { settings.hopMs }

    /// Opens `path` with `configure` applied to the settings for its rate.
    public init(path: String, configure: (inout FeatureSettings) -> Void = { _ in }) throws {
        let file = try AudioFile(path: path)
        guard file.info.sampleRate >= Self.lowestSampleRate else {
            throw IngestError(path: path, reason: "a sample rate of \(file.info.sampleRate) Hz is too low to analyse speech (at least \(Self.lowestSampleRate) Hz)")
        }
        var settings = FeatureSettings(sampleRate: file.info.sampleRate)
        configure(&settings)
        self.path = path
        info = file.info
        self.settings = settings
    }

    /// Calls `body` with channel `channel`'s samples, block by block, from the start of the file.
    public func forEachBlock(channel: Int, _ body: ([Float]) -> Void) throws {
        try AudioFile(path: path).forEachBlock(channel: channel, maxFrames: Self.blockFrames, body)
    }

    /// Calls `body` with channel `channel`'s frames in order, a block's worth at a time.
    public func forEachFrame(channel: Int, _ body: ([FrameFeatures]) -> Void) throws {
        let engine = FeatureExtractor(settings: settings)
        try forEachBlock(channel: channel) { samples in
            let frames = engine.append(samples)
            if !frames.isEmpty { body(frames) }
        }
        engine.finish(body)
    }

    /// Every channel's summary of the call and of each of `segments` (milliseconds), with the turn-taking
    /// of two or more channels; the channels are analysed at once on `threads` threads.
    public func summarise(segments: [Range<Int>] = [], threads: Int = 1) throws -> RecordingSummary {
        let spans: [Range<Int>?] = [nil] + segments.map(Optional.some)
        let count = max(1, info.channels)
        let results = Mutex([Result<ChannelSummary, Error>?](repeating: nil, count: count))
        let analyse = { @Sendable (c: Int) in
            let result = Result {
                let builders = spans.map { _ in FeatureSummaryBuilder(hopMs: settings.hopMs) }
                var speech = spans.map { _ in [Bool]() }
                try forEachFrame(channel: c) { frames in
                    for f in frames {
                        for (s, span) in spans.enumerated() where span?.contains(f.timeMs) ?? true {
                            builders[s].add(f)
                            speech[s].append(f.speech)
                        }
                    }
                }
                return ChannelSummary(index: c, summaries: builders.map { $0.finish() }, speech: speech)
            }
            results.withLock { $0[c] = result }
        }
        if threads > 1, count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: analyse)
        } else {
            for c in 0..<count { analyse(c) }
        }
        let channels = try (0..<count).map { c -> ChannelSummary in
            guard let result = results.withLock({ $0[c] }) else { throw IngestError(path: path, reason: "channel \(c) was not analysed") }
            return try result.get()
        }
        let turnTaking = spans.indices.map { s in
            channels.count >= 2 ? TurnTaking(speech: channels.map { $0.speech[s] }, hopMs: settings.hopMs) : nil
        }
        return RecordingSummary(path: path, info: info, hopMs: settings.hopMs, segments: segments, channels: channels, turnTaking: turnTaking)
    }
}

/// One channel's summaries: `summaries[0]` of the whole call, then one per segment asked for, and the
/// speech flags of the frames behind each (for turn-taking).
public struct ChannelSummary: Sendable {
    public var index: Int
    public var summaries: [FeatureSummary]
    var speech: [[Bool]]
}

/// The summaries of a recording's channels, of the whole call and of segments of it.
public struct RecordingSummary: Sendable {
    public let path: String
    public let info: AudioFileInfo
    public let hopMs: Double
    public let segments: [Range<Int>]
    public let channels: [ChannelSummary]
    /// Talk share, response latency and overlap when the parties are on separate channels: `[0]` the
    /// whole call, then one per segment.
    public let turnTaking: [TurnTaking?]
}
