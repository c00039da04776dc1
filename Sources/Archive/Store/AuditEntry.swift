import Foundation

/// A row of the audit log as stored: the event, and the hash chain that makes an edit, a deletion or an insertion
/// outside the product detectable (`AuditChain`).
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int64
    /// ISO 8601 UTC, as stored.
    public var at: String
    public var actor: String
    /// The session's roles, comma-separated (empty for rows written before roles existed).
    public var roles: String
    /// An `AuditAction`'s text (kept as text: a row written by hand may hold anything).
    public var action: String
    public var callID: Int64?
    public var detail: String
    public var origin: String
    public var previousHash: String?
    public var hash: String?

    public init(id: Int64, at: String, actor: String, roles: String, action: String, callID: Int64?, detail: String, origin: String,
                previousHash: String?, hash: String?) {
        self.id = id; self.at = at; self.actor = actor; self.roles = roles; self.action = action; self.callID = callID
        self.detail = detail; self.origin = origin; self.previousHash = previousHash; self.hash = hash
    }

    enum CodingKeys: String, CodingKey {
        case id, at, actor, roles, action, detail, origin, hash
        case callID = "call_id", previousHash = "previous_hash"
    }
}

/// Which audit rows to list. Every field narrows.
public struct AuditFilter: Sendable, Equatable {
    public var callID: Int64?
    public var actor: String?
    /// ISO 8601 text the row's time must not precede (`2026-03-01` or a full timestamp).
    public var since: String?
    public var limit: Int?
    /// Only rows of this action (`remove-recording` …).
    public var action: AuditAction?

    public init(callID: Int64? = nil, actor: String? = nil, since: String? = nil, limit: Int? = nil, action: AuditAction? = nil) {
        self.callID = callID; self.actor = actor; self.since = since; self.limit = limit; self.action = action
    }
}
