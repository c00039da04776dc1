import Foundation
import TriageCore

/// The archive's interface: typed operations per concern, with nothing of the database behind them. The SQLite
/// store implements it today; a department's PostgreSQL store implements the same protocols. Only
/// `ArchiveSession` calls a store: it checks the role first and hands every change an `AuditContext`, which the
/// store writes to the audit log in the same transaction as the change.
public typealias ArchiveStore = CallStore & AssessmentStore & DecisionStore & NoteStore & AnnotationStore & ModelStore
    & StatisticsStore & QualityStore & UserStore & AuditStore & MaintenanceStore & ChangeFeed & LiveCallStore

/// Calls, their transcript turns and acoustic features.
public protocol CallStore: Sendable {
    /// The id of the call archived with this content hash, if any.
    func callID(sha256: String) throws -> Int64?
    /// Stores a call with its turns and features in one transaction; nothing when the content is already archived.
    func store(_ draft: CallDraft, by context: AuditContext) throws -> ArchiveOutcome
    /// Calls newest start first (calls without a start time last, by id).
    func listCalls(_ request: CallListRequest) throws -> [CallSummary]
    func callCount() throws -> Int
    /// One call with its metadata, or `nil`.
    func call(id: Int64) throws -> Call?
    /// The call's transcript turns (and notes) in order.
    func turns(ofCall id: Int64) throws -> [Turn]
    /// Turns whose text matches every word of `query` as a prefix, best first.
    func searchTranscripts(_ query: String, limit: Int) throws -> [TranscriptMatch]
    /// A call's stored acoustic features, channel by channel.
    func features(ofCall id: Int64) throws -> [CallFeatureRecord]
}

/// The classifier's suggestions, never replaced: the newest is the call's current one.
public protocol AssessmentStore: Sendable {
    func store(_ assessment: AssessmentRecord, by context: AuditContext) throws -> Int64
    func latestAssessment(ofCall id: Int64) throws -> StoredAssessment?
}

/// The midwife's decisions beside the suggestions.
public protocol DecisionStore: Sendable {
    /// Stores a decision (its `decidedBy` is the context's actor); throws `notFound` without the call.
    func store(_ decision: DecisionRecord, by context: AuditContext) throws -> Int64
    func latestDecision(ofCall id: Int64) throws -> DecisionRecord?
    /// Gives decision `id` of the call, made by the context's actor without an override reason, its reason (the key she
    /// presses just after deciding); throws `notFound` when there is no such decision of hers still without one.
    func addOverrideReason(_ reason: OverrideReasonCode, text: String?, toDecision id: Int64, ofCall callID: Int64, by context: AuditContext) throws
}

/// The midwife's typed notes, kept as turns of their own.
public protocol NoteStore: Sendable {
    func addNote(callID: Int64, text: String, by context: AuditContext) throws -> Int64
}

/// Researchers' labels: never removed, superseded or taken out of force, every step audited.
public protocol AnnotationStore: Sendable {
    func store(_ annotation: AnnotationRecord, by context: AuditContext) throws -> Int64
    /// Stores labels in one transaction (all or none, each audited); returns their ids in order.
    func store(_ annotations: [AnnotationRecord], by context: AuditContext) throws -> [Int64]
    func annotations(ofCall id: Int64, annotator: String?) throws -> [AnnotationRecord]
    /// A new label supersedes label `id` (which stays, out of force); returns the new id.
    func revise(annotation id: Int64, startMs: Int, endMs: Int, code: LabelCode, annotator: String, by context: AuditContext) throws -> Int64
    /// In one transaction, takes `remove` out of force and puts `restore` back.
    func exchange(remove: Int64?, restore: Int64?, by context: AuditContext) throws
}

/// Trained models, versioned; at most one active.
public protocol ModelStore: Sendable {
    func store(_ model: ModelRecord, activate: Bool, by context: AuditContext) throws
    func activateModel(id: String, by context: AuditContext) throws
    func models() throws -> [ModelRecord]
    func model(id: String) throws -> ModelRecord?
    func activeModel() throws -> ModelRecord?
}

/// The statistics the reports need, answered by the store in its own dialect.
public protocol StatisticsStore: Sendable {
    func statistics(_ query: StatsQuery) throws -> StatsTable
    /// Fills the archive with generated calls and suggestions (benchmarks), in one transaction.
    func fillSynthetic(calls: Int, seed: UInt64, by context: AuditContext) throws
}

/// The suggestions against the midwives' decisions (`QualitySQL`, the same in both stores).
public protocol QualityStore: Sendable {
    func quality(_ query: QualityQuery) throws -> [QualityRow]
    /// The possible under-triages, oldest call first (replays of known calls only when `includeReplays`).
    func qualityIncidents(from: String?, to: String?, includeReplays: Bool) throws -> [QualityIncident]
    /// The current suggestions' confidence per ISO week and bin, weeks and bins in order (replays only when `includeReplays`).
    func confidenceDistribution(from: String?, to: String?, includeReplays: Bool) throws -> [ConfidenceCount]
    /// Stores a researcher's review of an incident (its `reviewedBy` is the context's actor) with its audit entry; throws
    /// `notFound` without the call.
    func store(_ review: IncidentReview, by context: AuditContext) throws -> Int64
    /// The reviews of one call (of every call when nil), oldest first.
    func incidentReviews(ofCall id: Int64?) throws -> [IncidentReview]
}

/// The archive's users and their roles.
public protocol UserStore: Sendable {
    func users() throws -> [ArchiveUser]
    func user(named name: String) throws -> ArchiveUser?
    /// Makes `user` the archive's first user when it has none; returns the user the archive then knows by that
    /// name (the new one, or `nil` when the archive already had users and this name is not among them).
    func adoptFirstUser(_ user: ArchiveUser, by context: AuditContext) throws -> ArchiveUser?
    /// Adds a user or changes an existing one's roles.
    func put(_ user: ArchiveUser, by context: AuditContext) throws
    /// Removes a user; throws `notFound` when there is none by that name.
    func removeUser(named name: String, by context: AuditContext) throws
}

/// The append-only audit log.
public protocol AuditStore: Sendable {
    /// Appends an entry on its own (a view or an export; changes write theirs with the change).
    func append(_ event: AuditEvent) throws
    /// Appends entries in one transaction, in order (an export of many calls: one entry per call, one commit).
    func append(_ events: [AuditEvent]) throws
    func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry]
    /// The first break in the chain, or `nil` when every row is as written.
    func verifyAudit() throws -> AuditBreak?
}

/// The calls being taken at the desks right now (not audited: a heartbeat; the call is audited when archived).
public protocol LiveCallStore: Sendable {
    /// Starts or refreshes the desk's live call.
    func putLiveCall(_ call: LiveCallRecord) throws
    /// The desk's live call has ended (archived or abandoned).
    func endLiveCall(desk: String) throws
    /// The live calls refreshed at or after `since`, oldest first.
    func liveCalls(since: Date) throws -> [LiveCallRecord]
}

/// What other processes changed: each desk's live call and decision, shown at the other desks.
public protocol ChangeFeed: Sendable {
    /// Starts following changes; those made afterwards are reported by `changes(waiting:)`.
    func listenForChanges() throws
    /// The changes made since the last call (or since `listenForChanges`), waiting up to `timeout` seconds for the
    /// first; empty when there were none.
    func changes(waiting timeout: TimeInterval) throws -> [ArchiveChange]
}

/// The archive as a whole: where it is and whether it is sound.
public protocol MaintenanceStore: Sendable {
    /// Where the archive lives (a path or an address), for messages.
    var address: String { get }
    /// `["ok"]` for a sound archive, else what is damaged.
    func integrityCheck() throws -> [String]
    /// The identifiers of the migrations applied, in order.
    func appliedMigrations() throws -> [String]
    /// Writes a consistent copy of the database into `folder` (an SQLite file, or `pg_dump`'s custom format) while
    /// others go on working; returns the file's name.
    func backupDatabase(into folder: String) throws -> String
}

/// Which calls a list holds.
public struct CallListRequest: Sendable, Equatable {
    public var limit: Int?
    public var offset: Int
    /// Only calls ingested at or after this time.
    public var ingestedSince: Date?

    public init(limit: Int? = nil, offset: Int = 0, ingestedSince: Date? = nil) {
        self.limit = limit; self.offset = offset; self.ingestedSince = ingestedSince
    }
}

/// A transcript turn that matched a search.
public struct TranscriptMatch: Sendable, Equatable, Codable {
    public var callID: Int64
    public var text: String

    public init(callID: Int64, text: String) { self.callID = callID; self.text = text }
}
