import Foundation
import TriageCore

/// The midwife's decision on a call: the reasons and disposition she confirmed or chose, stored beside
/// the suggestion (never over it), with when and who.
public struct DecisionRecord: Sendable, Equatable, Codable {
    public var callID: Int64
    /// The suggestion she was shown, if any.
    public var assessmentID: Int64?
    public var decidedAt: Date
    /// Who decided: the session's user (set by the archive when stored).
    public var decidedBy: String
    public var taxonomyID: String
    public var taxonomyVersion: String
    /// Primary first.
    public var reasons: [ReasonCode]
    public var disposition: Disposition
    public var note: String?
    /// Why she decided otherwise than suggested (a code of the taxonomy's `override_reasons`), when she said.
    public var overrideReason: OverrideReasonCode?
    /// Her own words for the override reason (`other`).
    public var overrideText: String?

    public init(callID: Int64, assessmentID: Int64? = nil, decidedAt: Date = Date(), decidedBy: String = "", taxonomyID: String,
                taxonomyVersion: String, reasons: [ReasonCode], disposition: Disposition, note: String? = nil,
                overrideReason: OverrideReasonCode? = nil, overrideText: String? = nil) {
        self.callID = callID; self.assessmentID = assessmentID; self.decidedAt = decidedAt; self.decidedBy = decidedBy
        self.taxonomyID = taxonomyID; self.taxonomyVersion = taxonomyVersion; self.reasons = reasons
        self.disposition = disposition; self.note = note; self.overrideReason = overrideReason; self.overrideText = overrideText
    }
}

extension DecisionRecord {
    /// The audit log's words for a decision: the disposition, the reasons and the override reason's code (never her
    /// free text, which is kept with the decision).
    static func auditDetail(_ decision: DecisionRecord) -> String {
        "\(decision.disposition.rawValue): \(decision.reasons.map(\.rawValue).joined(separator: ","))"
            + (decision.overrideReason.map { " (override: \($0.rawValue))" } ?? "")
    }
}
