import CPulse

/// Capture from a PulseAudio (or PipeWire) source: a microphone, the desk's telephony interface, or a
/// sink's monitor. Opens at the device's own rate unless one is asked for.
public final class PulseInput: AudioInput {
    private let stream: PulseStream
    public var deviceName: String { stream.device }
    public var format: AudioStreamFormat { stream.format }

    /// Opens `device` (nil: the server's default source) with `channels` channels. Checks first that a
    /// server answers and the device exists, so a desk without one gets a clear message.
    public init(device: String?, channels: Int, sampleRate: Int? = nil, latencyMs: Int = 20) throws {
        let directory = try PulseDirectory.list()
        let chosen = try directory.input(named: device)
        let format = AudioStreamFormat(sampleRate: sampleRate ?? chosen.sampleRate, channels: channels)
        stream = try PulseStream(direction: PA_STREAM_RECORD, device: chosen.name, format: format, latencyMs: latencyMs, purpose: "call recording")
    }

    public func read(frames: Int) throws -> [Float] { try stream.read(frames: frames) }

    public func close() {}
}

/// Playback to a PulseAudio (or PipeWire) sink, for listening to recorded calls.
public final class PulseOutput: AudioOutput {
    private let stream: PulseStream
    public var deviceName: String { stream.device }
    public var format: AudioStreamFormat { stream.format }

    /// Opens `device` (nil: the server's default sink) for audio of `format`.
    public init(device: String?, format: AudioStreamFormat, latencyMs: Int = 50) throws {
        let directory = try PulseDirectory.list()
        let chosen = try directory.output(named: device)
        stream = try PulseStream(direction: PA_STREAM_PLAYBACK, device: chosen.name, format: format, latencyMs: latencyMs, purpose: "call playback")
    }

    public func write(_ interleaved: [Float]) throws { try stream.write(interleaved) }

    public func flush() { stream.flush() }

    public func close() {}
}
