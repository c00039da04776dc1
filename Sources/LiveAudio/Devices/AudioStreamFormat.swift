/// The shape of a live audio stream: sample rate and channels (one party per channel when the desk's
/// telephony hardware separates them). Samples travel as interleaved `Float` in [-1, 1].
public struct AudioStreamFormat: Sendable, Equatable, CustomStringConvertible {
    public var sampleRate: Int
    public var channels: Int

    public init(sampleRate: Int, channels: Int) {
        self.sampleRate = sampleRate; self.channels = channels
    }

    /// Frames in `milliseconds` of audio.
    public func frames(milliseconds: Int) -> Int { max(1, sampleRate * milliseconds / 1000) }

    /// Milliseconds in `frames` frames (rounded down).
    public func milliseconds(frames: Int64) -> Int64 { frames * 1000 / Int64(max(1, sampleRate)) }

    public var description: String { "\(sampleRate) Hz, \(channels == 1 ? "mono" : "\(channels) channels")" }
}
