import AudioIO

/// A recorded file played as if it were the desk's capture device (`triage record --from FILE`):
/// chunks come out paced by a `Pacer`, and everything after this layer runs as for a live call.
public final class FileInput: AudioInput {
    public let deviceName: String
    public let format: AudioStreamFormat
    private let file: AudioFile
    private let pacer: Pacer
    private var delivered: Int64 = 0
    private var buffer: [Float] = []

    public init(path: String, pacer: Pacer) throws {
        file = try AudioFile(path: path)
        deviceName = "file:\(path)"
        format = AudioStreamFormat(sampleRate: file.info.sampleRate, channels: file.info.channels)
        self.pacer = pacer
    }

    /// The file's length in frames.
    public var totalFrames: Int64 { file.info.frames }

    public func read(frames: Int) throws -> [Float] {
        let n = try file.read(into: &buffer, maxFrames: frames)
        delivered += Int64(n)
        pacer.wait(untilAudioMs: format.milliseconds(frames: delivered))
        return Array(buffer[0..<(n * format.channels)])
    }

    public func close() {}
}
