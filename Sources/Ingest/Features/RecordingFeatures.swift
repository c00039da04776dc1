import Acoustics
import AudioIO
import Foundation

/// Runs the feature engine over a recording, one channel at a time (each channel is a party when the
/// call has them on separate channels), reading the file in blocks.
public struct RecordingFeatures {
    /// Rates below this hold too little of the voice to analyse.
    public static let lowestSampleRate = 2000

    public struct Channel: Sendable {
        public var index: Int
        /// The engine's frames (empty when only the samples were asked for).
        public var frames: [FrameFeatures]
        /// The channel's samples, when asked for (eGeMAPS has its own framing and analysis).
        public var samples: [Float]
    }

    /// What to keep of each channel: the engine's frames, or the samples (for eGeMAPS).
    public enum Content: Sendable { case frames, samples }

    public let path: String
    public let info: AudioFileInfo
    public let channels: [Channel]

    /// Extracts every channel of `path` with `configure` applied to the settings for its rate (or, for
    /// `.samples`, reads them without running the engine).
    public init(path: String, content: Content = .frames, configure: (inout FeatureSettings) -> Void = { _ in }) throws {
        let file = try AudioFile(path: path)
        guard file.info.sampleRate >= Self.lowestSampleRate else {
            throw IngestError(path: path, reason: "a sample rate of \(file.info.sampleRate) Hz is too low to analyse speech (at least \(Self.lowestSampleRate) Hz)")
        }
        var settings = FeatureSettings(sampleRate: file.info.sampleRate)
        configure(&settings)
        let count = file.info.channels
        let engines = content == .frames ? (0..<count).map { _ in FeatureExtractor(settings: settings) } : []
        var frames = [[FrameFeatures]](repeating: [], count: count)
        var kept = [[Float]](repeating: [], count: count)
        var block: [Float] = []
        var channel = [Float]()
        while true {
            let n = try file.read(into: &block, maxFrames: 32768)
            if n == 0 { break }
            for c in 0..<count {
                channel.removeAll(keepingCapacity: true)
                for i in 0..<n { channel.append(block[i * count + c]) }
                if content == .frames { frames[c] += engines[c].append(channel) } else { kept[c] += channel }
            }
        }
        for (c, engine) in engines.enumerated() { frames[c] += engine.finish() }
        self.path = path
        info = file.info
        channels = frames.enumerated().map { Channel(index: $0.offset, frames: $0.element, samples: kept[$0.offset]) }
        hopMs = settings.hopMs
    }

    public let hopMs: Double

    /// Each channel's frames centred within `span` (milliseconds; nil: the whole call).
    public func frames(during span: Range<Int>?) -> [[FrameFeatures]] {
        channels.map { c in span.map { span in c.frames.filter { span.contains($0.timeMs) } } ?? c.frames }
    }

    /// Each channel's summary of the call, or of the frames within `span`.
    public func summaries(during span: Range<Int>? = nil) -> [FeatureSummary] {
        frames(during: span).map { FeatureSummary(frames: $0, hopMs: hopMs) }
    }

    /// Talk share, response latency and overlap when the parties are on separate channels (over `span`).
    public func turnTaking(during span: Range<Int>? = nil) -> TurnTaking? {
        channels.count >= 2 ? TurnTaking(speech: frames(during: span).map { $0.map(\.speech) }, hopMs: hopMs) : nil
    }
}
