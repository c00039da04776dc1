import TriageCore

/// A researcher's label on a time range of a call: a taxonomy code, by an annotator, with the taxonomy
/// version it was given under.
public struct AnnotationRecord: Sendable, Equatable, Codable {
    public var id: Int64?
    public var callID: Int64
    public var annotator: String
    public var channel: Int?
    public var startMs: Int
    public var endMs: Int
    public var code: LabelCode
    public var taxonomyID: String
    public var taxonomyVersion: String
    public var note: String?

    public init(id: Int64? = nil, callID: Int64, annotator: String, channel: Int? = nil, startMs: Int, endMs: Int, code: LabelCode,
                taxonomyID: String, taxonomyVersion: String, note: String? = nil) {
        self.id = id; self.callID = callID; self.annotator = annotator; self.channel = channel; self.startMs = startMs
        self.endMs = endMs; self.code = code; self.taxonomyID = taxonomyID; self.taxonomyVersion = taxonomyVersion; self.note = note
    }
}
