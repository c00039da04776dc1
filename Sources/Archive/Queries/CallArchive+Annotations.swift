import Foundation
import GRDB

/// Researchers' labels on time ranges. Nothing is ever removed: a change is a new row that supersedes the
/// old one, a deletion sets `deleted_at`, and both can be undone. Every step is in the audit log, and
/// the call's `labelled` reasons follow the labels that are in force.
extension CallArchive {
    /// Stores a research label with an audit entry; returns its id.
    @discardableResult
    public func store(_ annotation: AnnotationRecord, now: Date = Date()) throws -> Int64 {
        try write { db in
            let id = try Self.insert(annotation, supersedes: nil, at: Timestamps.iso8601(now), db: db)
            try Self.audit(db, at: now, actor: annotation.annotator, action: "annotate", callID: annotation.callID,
                           detail: "\(annotation.code) \(annotation.startMs)-\(annotation.endMs)")
            try Self.refreshLabelledReasons(callID: annotation.callID, db: db)
            return id
        }
    }

    /// The labels in force on a call (all annotators, or one), in time order.
    public func annotations(ofCall callID: Int64, annotator: String? = nil) throws -> [AnnotationRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM annotations WHERE call_id = ? AND deleted_at IS NULL AND (? IS NULL OR annotator = ?)
                ORDER BY start_ms, end_ms, id
                """, arguments: [callID, annotator, annotator]).map(Self.annotation)
        }
    }

    /// Changes a label's range or code: a new row supersedes the old, which is kept (deleted). Returns the new id.
    @discardableResult
    public func revise(annotation id: Int64, startMs: Int, endMs: Int, code: String, by annotator: String, now: Date = Date()) throws -> Int64 {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM annotations WHERE id = ? AND deleted_at IS NULL", arguments: [id]) else {
                throw ArchiveError.failed(path: self.path, reason: "no label with id \(id) in force")
            }
            var revised = Self.annotation(row)
            revised.id = nil
            revised.startMs = startMs; revised.endMs = endMs; revised.code = code; revised.annotator = annotator
            let at = Timestamps.iso8601(now)
            try db.execute(sql: "UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?", arguments: [at, at, id])
            let newID = try Self.insert(revised, supersedes: id, at: at, db: db)
            try Self.audit(db, at: now, actor: annotator, action: "annotate-revise", callID: revised.callID,
                           detail: "\(id) → \(newID): \(code) \(startMs)-\(endMs)")
            try Self.refreshLabelledReasons(callID: revised.callID, db: db)
            return newID
        }
    }

    /// In one transaction, takes label `remove` out of force and puts label `restore` back: a deletion
    /// (`remove` only), an undo of one (`restore` only), or an undo of a revision (both).
    public func exchange(remove: Int64?, restore: Int64?, by annotator: String, now: Date = Date()) throws {
        try write { db in
            let at = Timestamps.iso8601(now)
            var calls = Set<Int64>()
            for (id, deleted) in [(remove, true), (restore, false)] {
                guard let id else { continue }
                guard let callID = try Int64.fetchOne(db, sql: "SELECT call_id FROM annotations WHERE id = ?", arguments: [id]) else {
                    throw ArchiveError.failed(path: self.path, reason: "no label with id \(id)")
                }
                try db.execute(sql: "UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?", arguments: [deleted ? at : nil, at, id])
                try Self.audit(db, at: now, actor: annotator, action: deleted ? "annotate-delete" : "annotate-restore", callID: callID, detail: "\(id)")
                calls.insert(callID)
            }
            for callID in calls { try Self.refreshLabelledReasons(callID: callID, db: db) }
        }
    }

    private static func insert(_ a: AnnotationRecord, supersedes: Int64?, at: String, db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO annotations (call_id, annotator, channel, start_ms, end_ms, code, taxonomy_id, taxonomy_version, note,
                                     created_at, updated_at, supersedes_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.callID, a.annotator, a.channel, a.startMs, a.endMs, a.code, a.taxonomyID, a.taxonomyVersion, a.note, at, at, supersedes])
        return db.lastInsertedRowID
    }

    private static func audit(_ db: Database, at: Date, actor: String, action: String, callID: Int64, detail: String) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, call_id, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [Timestamps.iso8601(at), actor, action, callID, detail])
    }

    /// The call's `labelled` reasons are the codes of its labels in force.
    private static func refreshLabelledReasons(callID: Int64, db: Database) throws {
        try db.execute(sql: "DELETE FROM current_reasons WHERE call_id = ? AND source = 'labelled'", arguments: [callID])
        try db.execute(sql: """
            INSERT OR IGNORE INTO current_reasons (call_id, source, reason_code)
            SELECT DISTINCT call_id, 'labelled', code FROM annotations WHERE call_id = ? AND deleted_at IS NULL
            """, arguments: [callID])
    }

    private static func annotation(_ row: Row) -> AnnotationRecord {
        AnnotationRecord(id: row["id"], callID: row["call_id"], annotator: row["annotator"], channel: row["channel"], startMs: row["start_ms"],
                         endMs: row["end_ms"], code: row["code"], taxonomyID: row["taxonomy_id"], taxonomyVersion: row["taxonomy_version"], note: row["note"])
    }
}
