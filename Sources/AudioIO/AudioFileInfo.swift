/// What a recording is: its length, rate, channels and encoding.
public struct AudioFileInfo: Sendable, Equatable {
    /// Sample frames (one sample per channel each).
    public var frames: Int64
    /// Frames per second.
    public var sampleRate: Int
    public var channels: Int
    /// Container and encoding as libsndfile names them, e.g. "WAV PCM_16" or "FLAC PCM_16".
    public var format: String

    public init(frames: Int64, sampleRate: Int, channels: Int, format: String) {
        self.frames = frames; self.sampleRate = sampleRate; self.channels = channels; self.format = format
    }

    /// Length in whole milliseconds (rounded down), as the archive stores it.
    public var durationMs: Int {
        sampleRate > 0 ? Int(frames * 1000 / Int64(sampleRate)) : 0
    }
}
