/// One label as an interchange file holds it: who gave it, its range in integer milliseconds, the taxonomy code, a
/// note, the audio channel where the format holds one, and where in the file it was read (for one-line errors).
public struct InterchangeLabel: Sendable, Equatable {
    /// The annotator the file names (a tier, a voice, a user), or nil where the format holds none.
    public var annotator: String?
    public var startMs: Int
    public var endMs: Int
    public var code: String
    public var note: String?
    public var channel: Int?
    /// Where it was read: `line 12`, `task 2, result 1`; nil for a label about to be written.
    public var place: String?

    public init(annotator: String?, startMs: Int, endMs: Int, code: String, note: String? = nil, channel: Int? = nil, place: String? = nil) {
        self.annotator = annotator; self.startMs = startMs; self.endMs = endMs; self.code = code; self.note = note
        self.channel = channel; self.place = place
    }
}

/// A call's labels to write into one file: the call, how long it is (an interval tier must cover the whole call)
/// and its labels, every annotator's.
public struct LabelSheet: Sendable, Equatable {
    public var callID: Int64
    /// The recording's length, when known; the sheet then spans at least this long.
    public var durationMs: Int?
    /// The name the file gives the recording (Label Studio's `audio`, ELAN's media), e.g. `call-3.flac`.
    public var mediaName: String?
    public var labels: [InterchangeLabel]

    public init(callID: Int64, durationMs: Int?, mediaName: String? = nil, labels: [InterchangeLabel]) {
        self.callID = callID; self.durationMs = durationMs; self.mediaName = mediaName; self.labels = labels
    }

    /// Where the sheet ends: the recording's end, or the last label's if that is later.
    public var endMs: Int { max(durationMs ?? 0, labels.map(\.endMs).max() ?? 0) }
}

/// A file's labels as read, for one call (`callID` nil when the file does not say which: the import's `--call` does).
public struct ReadLabels: Sendable, Equatable {
    public var callID: Int64?
    public var labels: [InterchangeLabel]
    /// What the file held that is not a label and was passed over (a point tier), said on standard error.
    public var notices: [String]

    public init(callID: Int64? = nil, labels: [InterchangeLabel], notices: [String] = []) {
        self.callID = callID; self.labels = labels; self.notices = notices
    }
}

/// A written file: its text, and what the format could not hold as given, said on standard error.
public struct WrittenLabels: Sendable, Equatable {
    public var text: String
    public var notices: [String]

    public init(text: String, notices: [String] = []) { self.text = text; self.notices = notices }
}
