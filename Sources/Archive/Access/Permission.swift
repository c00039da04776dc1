/// Everything the archive lets a session do, each with the roles that may. This table is the whole access
/// policy: the session checks it before every operation, and the role-matrix test reads it.
public enum Permission: String, Sendable, CaseIterable {
    /// Archive a call (ingest, a live recording) and its suggestion.
    case ingest
    /// List calls and open one: its metadata, suggestion and decision.
    case readCalls
    /// Read a call's transcript and notes.
    case readTranscripts
    /// Play or read a call's recording and its acoustic features.
    case readRecordings
    /// Store the midwife's decision.
    case decide
    /// Add the midwife's note to a call.
    case addNote
    /// Read and change research labels.
    case label
    /// Train and store models, list them.
    case train
    /// Use the archive's models to classify, and list them.
    case useModel
    /// Choose which model classifies.
    case activateModel
    /// Export identifiable call data (a call's FHIR bundle, datasets).
    case exportCalls
    /// Review incidents (possible under-triages): read what the assistant used and missed, record a conclusion.
    case reviewIncidents
    /// Aggregate statistics (small cells suppressed by every writer).
    case statistics
    /// Add, remove and change users.
    case manageUsers
    /// Read and verify the audit log, check the archive's integrity.
    case audit

    /// The roles that hold the permission.
    public var roles: Set<Role> {
        switch self {
        case .ingest, .readCalls, .readTranscripts: return [.midwife, .researcher]
        case .useModel: return [.midwife, .researcher, .admin]
        case .decide, .addNote: return [.midwife]
        case .readRecordings, .label, .train, .exportCalls, .reviewIncidents: return [.researcher]
        case .activateModel, .manageUsers, .audit: return [.admin]
        case .statistics: return [.midwife, .researcher, .coordinator, .admin]
        }
    }

    /// What the permission lets one do, for a refusal ("… may not read transcripts").
    public var activity: String {
        switch self {
        case .ingest: return "archive calls"
        case .readCalls: return "open individual calls"
        case .readTranscripts: return "read transcripts or notes"
        case .readRecordings: return "play recordings or read their features"
        case .decide: return "record a triage decision"
        case .addNote: return "add notes to calls"
        case .label: return "read or change research labels"
        case .train: return "train or store models"
        case .useModel: return "use or list the archive's models"
        case .activateModel: return "choose the active model"
        case .exportCalls: return "export individual calls"
        case .reviewIncidents: return "review incidents"
        case .statistics: return "read statistics"
        case .manageUsers: return "manage users"
        case .audit: return "read or verify the audit log"
        }
    }
}
