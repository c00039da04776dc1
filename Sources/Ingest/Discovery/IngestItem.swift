/// One call to ingest: a recording and/or a transcript, and the metadata sidecar beside them.
public struct IngestItem: Sendable, Equatable {
    /// The recording, if the call has one.
    public var audioPath: String?
    /// The transcript sidecar (or a transcript given on its own).
    public var transcriptPath: String?
    /// The `.meta.json` sidecar.
    public var metadataPath: String?

    public init(audioPath: String? = nil, transcriptPath: String? = nil, metadataPath: String? = nil) {
        self.audioPath = audioPath; self.transcriptPath = transcriptPath; self.metadataPath = metadataPath
    }

    /// The file that names this call in messages: the recording, else the transcript.
    public var primaryPath: String { audioPath ?? transcriptPath ?? metadataPath ?? "?" }
}
