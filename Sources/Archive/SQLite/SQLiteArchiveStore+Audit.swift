import Foundation
import GRDB

extension SQLiteArchiveStore: AuditStore {
    public func append(_ event: AuditEvent) throws {
        try write { db in try Self.appendAudit(event, db: db) }
    }

    public func append(_ events: [AuditEvent]) throws {
        guard !events.isEmpty else { return }
        try write { db in for event in events { try Self.appendAudit(event, db: db) } }
    }

    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM audit_log WHERE (? IS NULL OR call_id = ?) AND (? IS NULL OR actor = ?) AND (? IS NULL OR at >= ?)
                    AND (? IS NULL OR action = ?)
                ORDER BY id LIMIT ?
                """, arguments: [filter.callID, filter.callID, filter.actor, filter.actor, filter.since, filter.since,
                                    filter.action?.rawValue, filter.action?.rawValue, filter.limit ?? -1])
                .map(Self.auditEntry)
        }
    }

    public func verifyAudit() throws -> AuditBreak? {
        try read { db in
            let head = try Row.fetchOne(db, sql: "SELECT last_id, last_hash FROM audit_head WHERE one = 1")
                .map { (id: $0["last_id"] as Int64, hash: $0["last_hash"] as String) }
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
            var rows: [AuditEntry] = []
            while let row = try cursor.next() { rows.append(Self.auditEntry(row)) }
            return AuditChain.firstBreak(rows, head: head)
        }
    }

    /// Appends `event` to the chain inside the caller's transaction: the one place where audit rows are written.
    static func appendAudit(_ event: AuditEvent, db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        let id = (last?["id"] as Int64? ?? 0) + 1
        let previous = last?["hash"] as String? ?? AuditChain.genesis
        let at = Timestamps.iso8601(event.context.at), roles = event.context.roles.listed
        let hash = AuditChain.hash(id: id, at: at, actor: event.context.actor, roles: roles, action: event.action.rawValue,
                                   callID: event.callID, detail: event.detail, origin: event.context.origin, previous: previous)
        try db.execute(sql: """
            INSERT INTO audit_log (id, at, actor, roles, action, call_id, detail, origin, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, at, event.context.actor, roles, event.action.rawValue, event.callID, event.detail,
                             event.context.origin, previous, hash])
        try db.execute(sql: """
            INSERT INTO audit_head (one, last_id, last_hash) VALUES (1, ?, ?)
            ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash
            """, arguments: [id, hash])
    }

    static func auditEntry(_ row: Row) -> AuditEntry {
        AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], roles: row["roles"] ?? "", action: row["action"],
                   callID: row["call_id"], detail: row["detail"] ?? "", origin: row["origin"] ?? "",
                   previousHash: row["previous_hash"], hash: row["hash"])
    }
}
