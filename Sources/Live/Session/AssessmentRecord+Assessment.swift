import Archive
import Triage
import TriageCore

extension AssessmentRecord {
    /// The archive's record of an assessment: its JSON with the taxonomy and model versions.
    public init(_ a: Assessment, callID: Int64, taxonomy: Taxonomy) {
        self.init(callID: callID, taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version, modelVersion: a.modelVersion,
                  primaryReason: a.primary, disposition: a.disposition.rawValue, reasons: a.reasons.map { ($0.code, $0.score) },
                  redFlags: a.redFlags.map(\.code), resultJSON: AssessmentJSON.render(a).rendered())
    }
}
