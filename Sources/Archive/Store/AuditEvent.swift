import Foundation

/// Who does something to the archive, in which roles, from where, and when: what every audit entry begins with.
/// A session makes one for each operation; a store writes it in the same transaction as the change.
public struct AuditContext: Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var roles: Set<Role>
    /// The command or screen (`ingest`, `ui/triage`).
    public var origin: String

    public init(at: Date = Date(), actor: String, roles: Set<Role>, origin: String) {
        self.at = at; self.actor = actor; self.roles = roles; self.origin = origin
    }

    /// The event of doing `action` (to a call) in this context.
    public func event(_ action: AuditAction, callID: Int64? = nil, detail: String = "") -> AuditEvent {
        AuditEvent(context: self, action: action, callID: callID, detail: detail)
    }
}

/// What the audit log records: a view of identifiable data or a change.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case createArchive = "create-archive"
    case ingest
    case suggest
    case decide
    case note
    case annotate
    case annotateRevise = "annotate-revise"
    case annotateDelete = "annotate-delete"
    case annotateRestore = "annotate-restore"
    case train
    case activateModel = "activate-model"
    case viewCall = "view-call"
    case viewTranscript = "view-transcript"
    case readRecording = "read-recording"
    case export
    case userAdd = "user-add"
    case userChange = "user-change"
    case userRemove = "user-remove"
    case restore
    case removeRecording = "remove-recording"
    case reviewIncident = "review-incident"
    case overrideReason = "override-reason"
}

/// One thing done to the archive, about to be appended to its audit log.
public struct AuditEvent: Sendable, Equatable {
    public var context: AuditContext
    public var action: AuditAction
    public var callID: Int64?
    public var detail: String

    public init(context: AuditContext, action: AuditAction, callID: Int64? = nil, detail: String = "") {
        self.context = context; self.action = action; self.callID = callID; self.detail = detail
    }
}
