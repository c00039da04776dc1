/// How a signal is cut into frames: window and hop in samples at a sample rate.
public struct FrameLayout: Sendable, Equatable {
    public var sampleRate: Int
    /// Samples per frame.
    public var window: Int
    /// Samples between frame starts.
    public var hop: Int

    public init(sampleRate: Int, window: Int, hop: Int) {
        self.sampleRate = sampleRate; self.window = max(1, window); self.hop = max(1, hop)
    }

    /// The usual speech framing: 25 ms windows every 10 ms.
    public init(sampleRate: Int, windowMs: Double = 25, hopMs: Double = 10) {
        self.init(sampleRate: sampleRate, window: Int((windowMs * Double(sampleRate) / 1000).rounded()),
                  hop: Int((hopMs * Double(sampleRate) / 1000).rounded()))
    }

    /// Frames that fit in `samples` samples (a partial last frame is dropped).
    public func frameCount(samples: Int) -> Int { samples < window ? 0 : (samples - window) / hop + 1 }

    /// Milliseconds per hop.
    public var hopMs: Double { Double(hop) * 1000 / Double(sampleRate) }
}
