/// A telephone contact as the archive knows it: its recording (if any), transcript and metadata.
public struct Call: Sendable, Equatable {
    /// The archive's id for the call.
    public var id: Int64
    /// SHA-256 of the recording's bytes, or of the transcript's when the call has no audio.
    public var sha256: String
    /// Path of the file the call was ingested from.
    public var path: String
    /// The audio's container and encoding ("WAV PCM_16", "FLAC PCM_16"), `nil` without audio.
    public var format: String?
    /// Samples per second of the recording, `nil` without audio.
    public var sampleRate: Int?
    /// Channels in the recording (0 without audio).
    public var channels: Int
    /// Length of the recording in sample frames.
    public var frames: Int64?
    /// Length of the call in milliseconds (from the audio, else the transcript's last turn).
    public var durationMs: Int?
    /// The caller's record and the call's circumstances.
    public var metadata: CallMetadata
    /// Transcript file the turns came from, if any.
    public var transcriptPath: String?

    public init(id: Int64, sha256: String, path: String, format: String?, sampleRate: Int?, channels: Int,
                frames: Int64?, durationMs: Int?, metadata: CallMetadata, transcriptPath: String?) {
        self.id = id; self.sha256 = sha256; self.path = path; self.format = format
        self.sampleRate = sampleRate; self.channels = channels; self.frames = frames
        self.durationMs = durationMs; self.metadata = metadata; self.transcriptPath = transcriptPath
    }
}
