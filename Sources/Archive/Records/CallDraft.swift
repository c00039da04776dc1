import TriageCore

/// A call about to be archived: everything ingest learned about one recording or transcript.
public struct CallDraft: Sendable {
    /// What the content hash was taken of.
    public enum ContentKind: String, Sendable {
        case audio, transcript
    }

    public var sha256: String
    public var contentKind: ContentKind
    public var sourcePath: String
    public var audioFormat: String?
    public var sampleRate: Int?
    public var channels: Int
    public var frames: Int64?
    public var durationMs: Int?
    public var metadata: CallMetadata
    /// The metadata file's JSON as read (kept whole, for fields the schema has no column for yet).
    public var metadataJSON: String?
    public var transcriptPath: String?
    public var transcriptFormat: String?
    public var turns: [Turn]
    /// Acoustic summaries computed on ingest, stored in the same transaction.
    public var features: [CallFeatureRecord] = []

    public init(sha256: String, contentKind: ContentKind, sourcePath: String, audioFormat: String? = nil,
                sampleRate: Int? = nil, channels: Int = 0, frames: Int64? = nil, durationMs: Int? = nil,
                metadata: CallMetadata = CallMetadata(), metadataJSON: String? = nil, transcriptPath: String? = nil,
                transcriptFormat: String? = nil, turns: [Turn] = []) {
        self.sha256 = sha256; self.contentKind = contentKind; self.sourcePath = sourcePath
        self.audioFormat = audioFormat; self.sampleRate = sampleRate; self.channels = channels
        self.frames = frames; self.durationMs = durationMs; self.metadata = metadata
        self.metadataJSON = metadataJSON; self.transcriptPath = transcriptPath
        self.transcriptFormat = transcriptFormat; self.turns = turns
    }
}
