/// A code in an external terminology that a contact reason maps to.
public struct ExternalCode: Sendable, Equatable {
    /// The terminologies a taxonomy may cite.
    public enum System: String, Sendable, CaseIterable {
        case snomedCT = "snomed-ct"
        case icpc2 = "icpc-2"
        case icd10 = "icd-10"

        /// The canonical FHIR system URI.
        public var uri: String {
            switch self {
            case .snomedCT: return "http://snomed.info/sct"
            case .icpc2: return "http://hl7.org/fhir/sid/icpc-2"
            case .icd10: return "http://hl7.org/fhir/sid/icd-10"
            }
        }
    }

    public var system: System
    public var code: String
    /// The terminology's own display text.
    public var display: String

    public init(system: System, code: String, display: String) {
        self.system = system; self.code = code; self.display = display
    }
}
