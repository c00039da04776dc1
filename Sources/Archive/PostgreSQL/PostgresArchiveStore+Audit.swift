import Foundation

extension PostgresArchiveStore: AuditStore {
    public func append(_ event: AuditEvent) throws {
        try write { db in try Self.appendAudit(event, db: db) }
    }

    public func append(_ events: [AuditEvent]) throws {
        guard !events.isEmpty else { return }
        try write { db in for event in events { try Self.appendAudit(event, db: db) } }
    }

    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry] {
        try read { db in
            try db.execute("""
                SELECT * FROM audit_log
                WHERE ($1::bigint IS NULL OR call_id = $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR at >= $3)
                    AND ($5::text IS NULL OR action = $5)
                ORDER BY id LIMIT $4
                """, [filter.callID, filter.actor, filter.since, filter.limit.map { max(0, $0) }, filter.action?.rawValue]).map(Self.auditEntry)
        }
    }

    /// Walks the chain in pages, so that a long log is never held whole.
    public func verifyAudit() throws -> AuditBreak? {
        try read { db in
            let head = try db.execute("SELECT last_id, last_hash FROM audit_head WHERE one = 1").first.map {
                (id: try $0.requiredInt64("last_id"), hash: try $0.required("last_hash"))
            }
            var rows: [AuditEntry] = []
            var after: Int64 = .min
            while true {
                let page = try db.execute("SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT 10000", [after]).map(Self.auditEntry)
                rows += page
                guard let last = page.last, page.count == 10000 else { break }
                after = last.id
            }
            return AuditChain.firstBreak(rows, head: head)
        }
    }

    /// Appends `event` to the chain inside the caller's transaction, taking the write lock until its commit: the one
    /// place where audit rows are written, the last step of every change.
    static func appendAudit(_ event: AuditEvent, db: PostgresConnection) throws {
        try takeWriteLock(db)
        let last = try db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first
        let id = (last?.int64("id") ?? 0) + 1
        let previous = last?["hash"] ?? AuditChain.genesis
        let at = Timestamps.iso8601(event.context.at), roles = event.context.roles.listed
        let hash = AuditChain.hash(id: id, at: at, actor: event.context.actor, roles: roles, action: event.action.rawValue,
                                   callID: event.callID, detail: event.detail, origin: event.context.origin, previous: previous)
        // The row and the head in one statement: one round trip fewer while every desk waits for the lock.
        try db.execute("""
            WITH appended AS (
                INSERT INTO audit_log (id, at, actor, roles, action, call_id, detail, origin, previous_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, hash)
            INSERT INTO audit_head (one, last_id, last_hash) SELECT 1, id, hash FROM appended
            ON CONFLICT (one) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash
            """, [id, at, event.context.actor, roles, event.action.rawValue, event.callID, event.detail, event.context.origin, previous, hash])
    }

    static func auditEntry(_ row: PostgresRow) throws -> AuditEntry {
        AuditEntry(id: try row.requiredInt64("id"), at: try row.required("at"), actor: try row.required("actor"), roles: row["roles"] ?? "",
                   action: try row.required("action"), callID: row.int64("call_id"), detail: row["detail"] ?? "", origin: row["origin"] ?? "",
                   previousHash: row["previous_hash"], hash: row["hash"])
    }
}
