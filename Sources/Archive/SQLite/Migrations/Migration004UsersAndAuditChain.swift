import Foundation
import GRDB

/// Users with roles, and an append-only audit log with a hash chain: each row records the session's roles and
/// the command or screen it came from, and its hash covers its content and the previous row's hash
/// (`AuditChain`). Rows written before this migration are chained as they stand. Triggers refuse UPDATE and
/// DELETE on the log; `audit_head` keeps the newest row's id and hash so that removing the last rows shows.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration004UsersAndAuditChain {
    static let identifier = "004-users-and-audit-chain"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                name      TEXT PRIMARY KEY,
                roles     TEXT NOT NULL,
                added_at  TEXT NOT NULL,
                added_by  TEXT NOT NULL
            );
            ALTER TABLE audit_log ADD COLUMN roles TEXT NOT NULL DEFAULT '';
            ALTER TABLE audit_log ADD COLUMN origin TEXT NOT NULL DEFAULT '';
            ALTER TABLE audit_log ADD COLUMN previous_hash TEXT;
            ALTER TABLE audit_log ADD COLUMN hash TEXT;
            CREATE INDEX audit_log_actor ON audit_log(actor, at);
            CREATE TABLE audit_head (
                one       INTEGER PRIMARY KEY CHECK (one = 1),
                last_id   INTEGER NOT NULL,
                last_hash TEXT NOT NULL
            );
            """)
        var previous = AuditChain.genesis
        var lastID: Int64?
        for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id") {
            let entry = SQLiteArchiveStore.auditEntry(row)
            let hash = AuditChain.hash(of: entry, previous: previous)
            try db.execute(sql: "UPDATE audit_log SET detail = ?, previous_hash = ?, hash = ? WHERE id = ?",
                           arguments: [entry.detail, previous, hash, entry.id])
            previous = hash
            lastID = entry.id
        }
        if let lastID {
            try db.execute(sql: "INSERT INTO audit_head (one, last_id, last_hash) VALUES (1, ?, ?)", arguments: [lastID, previous])
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }
}
