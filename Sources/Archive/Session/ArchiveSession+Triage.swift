import Foundation
import TriageCore

extension ArchiveSession {
    /// Stores a suggestion beside the call (never replacing an earlier one); returns its id.
    @discardableResult
    public func store(_ assessment: AssessmentRecord) throws -> Int64 {
        try require(.ingest)
        return try store.store(assessment, by: context())
    }

    /// The newest suggestion for a call, with its id.
    public func latestAssessment(ofCall id: Int64) throws -> StoredAssessment? {
        try require(.readCalls)
        return try store.latestAssessment(ofCall: id)
    }

    /// Stores the midwife's decision (as this session's user) beside the suggestion; returns its id.
    @discardableResult
    public func decide(_ decision: DecisionRecord) throws -> Int64 {
        try require(.decide)
        var decision = decision
        decision.decidedBy = user.name
        return try store.store(decision, by: context())
    }

    /// Gives her own decision, just made without one, its override reason (the one key after an override).
    public func addOverrideReason(_ reason: OverrideReasonCode, text: String? = nil, toDecision id: Int64, ofCall callID: Int64) throws {
        try require(.decide)
        try store.addOverrideReason(reason, text: text, toDecision: id, ofCall: callID, by: context())
    }

    /// The newest decision on a call.
    public func latestDecision(ofCall id: Int64) throws -> DecisionRecord? {
        try require(.readCalls)
        return try store.latestDecision(ofCall: id)
    }

    /// Adds the midwife's typed note to a call as a turn of its own; returns the turn's id.
    @discardableResult
    public func addNote(callID: Int64, text: String) throws -> Int64 {
        try require(.addNote)
        return try store.addNote(callID: callID, text: text, by: context())
    }
}
