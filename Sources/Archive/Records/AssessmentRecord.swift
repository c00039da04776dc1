/// A classifier's suggestion for a call, as the archive stores it: the ranked reasons, red flags and
/// disposition in columns for statistics, the whole assessment (with its evidence) as JSON, and always
/// the taxonomy and model versions that produced it.
public struct AssessmentRecord: Sendable, Equatable {
    public var callID: Int64
    public var taxonomyID: String
    public var taxonomyVersion: String
    public var modelVersion: String
    public var primaryReason: String?
    public var disposition: String
    /// Reason codes with their scores, primary first.
    public var reasons: [(code: String, score: Double)]
    public var redFlags: [String]
    public var resultJSON: String

    public init(callID: Int64, taxonomyID: String, taxonomyVersion: String, modelVersion: String, primaryReason: String?,
                disposition: String, reasons: [(code: String, score: Double)], redFlags: [String], resultJSON: String) {
        self.callID = callID; self.taxonomyID = taxonomyID; self.taxonomyVersion = taxonomyVersion; self.modelVersion = modelVersion
        self.primaryReason = primaryReason; self.disposition = disposition; self.reasons = reasons; self.redFlags = redFlags
        self.resultJSON = resultJSON
    }

    public static func == (a: AssessmentRecord, b: AssessmentRecord) -> Bool {
        a.callID == b.callID && a.taxonomyID == b.taxonomyID && a.taxonomyVersion == b.taxonomyVersion && a.modelVersion == b.modelVersion
            && a.primaryReason == b.primaryReason && a.disposition == b.disposition && a.reasons.map(\.code) == b.reasons.map(\.code)
            && a.reasons.map(\.score) == b.reasons.map(\.score) && a.redFlags == b.redFlags && a.resultJSON == b.resultJSON
    }
}
