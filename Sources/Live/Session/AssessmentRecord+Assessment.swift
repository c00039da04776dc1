import Archive
import Triage
import TriageCore

extension AssessmentRecord {
    /// The archive's record of an assessment: its JSON with the taxonomy and model versions.
    public init(_ a: Assessment, callID: Int64, taxonomy: Taxonomy) {
        self.init(callID: callID, taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version, modelVersion: a.modelVersion,
                  primaryReason: ReasonCode(rawValue: a.primary), disposition: a.disposition,
                  reasons: a.reasons.map { RankedReason(code: ReasonCode(rawValue: $0.code), score: $0.score) },
                  redFlags: a.redFlags.map { RedFlagCode(rawValue: $0.code) }, resultJSON: AssessmentJSON.render(a).rendered(),
                  confidence: a.confidence)
    }
}
