/// Follows one party's channel as it arrives and finds its sustained non-speech episodes
/// (`VocalEpisodeDetector`) at any moment. Keeps two numbers per second of audio and a fixed level
/// histogram for the noise floor, so a two-hour call costs kilobytes.
public struct EpisodeTracker: Sendable {
    public let detector: VocalEpisodeDetector
    public let layout: FrameLayout
    private var frames: FrameStream
    private var framesPerSecond: Int
    private var second: [Float] = []
    private var seconds: [VocalEpisodeDetector.Second] = []
    /// Frame levels in 0.1 dB bins from -120 to 0 dB.
    private var histogram = [Int](repeating: 0, count: 1201)
    private var levelCount = 0

    public init(sampleRate: Int, detector: VocalEpisodeDetector = VocalEpisodeDetector()) {
        self.detector = detector
        layout = FrameLayout(sampleRate: max(1, sampleRate))
        frames = FrameStream(layout: layout)
        framesPerSecond = max(1, Int((1000 / layout.hopMs).rounded()))
        second.reserveCapacity(framesPerSecond)
    }

    /// Milliseconds of audio taken in (whole frames).
    public var audioMs: Int { Int(Double(frames.framesOut) * layout.hopMs) }

    /// Takes the next samples of the channel; `onLevel` gets each new frame's level (dB).
    public mutating func append(_ samples: some Collection<Float>, onLevel: (Float) -> Void = { _ in }) {
        var newLevels: [Float] = []
        frames.append(samples) { frame in newLevels.append(FrameEnergy.level(of: frame)) }
        for level in newLevels {
            onLevel(level)
            histogram[Int(((min(0, level) - FrameEnergy.floorDB) * 10).rounded())] += 1
            levelCount += 1
            second.append(level)
            if second.count == framesPerSecond {
                second.sort()
                seconds.append(.init(p20: second[second.count / 5], p80: second[second.count * 4 / 5]))
                second.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The level below which a tenth of the frames so far lie.
    public var noiseFloor: Float {
        guard levelCount > 0 else { return FrameEnergy.floorDB }
        var seen = 0
        for (bin, n) in histogram.enumerated() {
            seen += n
            if seen > levelCount / 10 { return FrameEnergy.floorDB + Float(bin) / 10 }
        }
        return 0
    }

    /// The episodes in the whole seconds so far.
    public func summary() -> EpisodeSummary {
        detector.episodes(in: seconds, noiseFloor: noiseFloor)
    }
}
