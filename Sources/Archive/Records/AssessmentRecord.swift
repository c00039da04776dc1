import TriageCore

/// A classifier's suggestion for a call, as the archive stores it: the ranked reasons, red flags and
/// disposition for statistics, the whole assessment (with its evidence) as JSON, and always the taxonomy and
/// model versions that produced it.
public struct AssessmentRecord: Sendable, Equatable, Codable {
    /// A reason with its score.
    public struct RankedReason: Sendable, Equatable, Codable {
        public var code: ReasonCode
        public var score: Double
        public init(code: ReasonCode, score: Double) { self.code = code; self.score = score }
    }

    public var callID: Int64
    public var taxonomyID: String
    public var taxonomyVersion: String
    public var modelVersion: String
    public var primaryReason: ReasonCode?
    public var disposition: Disposition
    /// Primary first.
    public var reasons: [RankedReason]
    public var redFlags: [RedFlagCode]
    public var resultJSON: String
    /// How sure the assistant was (0…1), kept beside the JSON for the confidence drift.
    public var confidence: Double?

    public init(callID: Int64, taxonomyID: String, taxonomyVersion: String, modelVersion: String, primaryReason: ReasonCode?,
                disposition: Disposition, reasons: [RankedReason], redFlags: [RedFlagCode], resultJSON: String, confidence: Double? = nil) {
        self.callID = callID; self.taxonomyID = taxonomyID; self.taxonomyVersion = taxonomyVersion; self.modelVersion = modelVersion
        self.primaryReason = primaryReason; self.disposition = disposition; self.reasons = reasons; self.redFlags = redFlags
        self.resultJSON = resultJSON; self.confidence = confidence
    }
}

/// A stored suggestion with its id in the archive (a decision refers to it).
public struct StoredAssessment: Sendable, Equatable {
    public var id: Int64
    public var record: AssessmentRecord

    public init(id: Int64, record: AssessmentRecord) { self.id = id; self.record = record }
}
