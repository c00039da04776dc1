import Foundation
import GRDB
import TriageCore

/// Researchers' labels on time ranges. Nothing is ever removed: a change is a new row that supersedes the
/// old one, a deletion sets `deleted_at`, and both can be undone. Every step is in the audit log, and
/// the call's `labelled` reasons follow the labels that are in force.
extension SQLiteArchiveStore: AnnotationStore {
    /// Stores a research label with an audit entry; returns its id.
    @discardableResult
    public func store(_ annotation: AnnotationRecord, by context: AuditContext) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM calls WHERE id = ?", arguments: [annotation.callID]) == true else {
                throw ArchiveError.notFound("\(self.path): no call with id \(annotation.callID)")
            }
            let id = try Self.insert(annotation, supersedes: nil, at: Timestamps.iso8601(context.at), db: db)
            try Self.appendAudit(context.event(.annotate, callID: annotation.callID,
                                               detail: "\(annotation.code) \(annotation.startMs)-\(annotation.endMs) by \(annotation.annotator)"), db: db)
            try Self.refreshLabelledReasons(callID: annotation.callID, db: db)
            return id
        }
    }

    /// Stores labels in one transaction, each with its audit entry: all of them or, on any failure, none.
    @discardableResult
    public func store(_ annotations: [AnnotationRecord], by context: AuditContext) throws -> [Int64] {
        try write { db in
            let at = Timestamps.iso8601(context.at)
            var ids: [Int64] = []
            for callID in Set(annotations.map(\.callID)).sorted() {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM calls WHERE id = ?", arguments: [callID]) == true else {
                    throw ArchiveError.notFound("\(self.path): no call with id \(callID)")
                }
            }
            for annotation in annotations {
                ids.append(try Self.insert(annotation, supersedes: nil, at: at, db: db))
                try Self.appendAudit(context.event(.annotate, callID: annotation.callID,
                                                   detail: "\(annotation.code) \(annotation.startMs)-\(annotation.endMs) by \(annotation.annotator)"), db: db)
            }
            for callID in Set(annotations.map(\.callID)).sorted() { try Self.refreshLabelledReasons(callID: callID, db: db) }
            return ids
        }
    }

    /// The labels in force on a call (all annotators, or one), in time order.
    public func annotations(ofCall callID: Int64, annotator: String?) throws -> [AnnotationRecord] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM annotations WHERE call_id = ? AND deleted_at IS NULL AND (? IS NULL OR annotator = ?)
                ORDER BY start_ms, end_ms, id
                """), arguments: [callID, annotator, annotator]).map(Self.annotation)
        }
    }

    /// Changes a label's range or code: a new row supersedes the old, which is kept (deleted). Returns the new id.
    @discardableResult
    public func revise(annotation id: Int64, startMs: Int, endMs: Int, code: LabelCode, annotator: String, by context: AuditContext) throws -> Int64 {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM annotations WHERE id = ? AND deleted_at IS NULL", arguments: [id]) else {
                throw ArchiveError.notFound("\(self.path): no label with id \(id) in force")
            }
            var revised = Self.annotation(row)
            revised.id = nil
            revised.startMs = startMs; revised.endMs = endMs; revised.code = code; revised.annotator = annotator
            let at = Timestamps.iso8601(context.at)
            try db.execute(sql: "UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?", arguments: [at, at, id])
            let newID = try Self.insert(revised, supersedes: id, at: at, db: db)
            try Self.appendAudit(context.event(.annotateRevise, callID: revised.callID,
                                               detail: "\(id) → \(newID): \(code) \(startMs)-\(endMs) by \(annotator)"), db: db)
            try Self.refreshLabelledReasons(callID: revised.callID, db: db)
            return newID
        }
    }

    /// In one transaction, takes label `remove` out of force and puts label `restore` back: a deletion
    /// (`remove` only), an undo of one (`restore` only), or an undo of a revision (both).
    public func exchange(remove: Int64?, restore: Int64?, by context: AuditContext) throws {
        try write { db in
            let at = Timestamps.iso8601(context.at)
            var calls = Set<Int64>()
            for (id, deleted) in [(remove, true), (restore, false)] {
                guard let id else { continue }
                guard let callID = try Int64.fetchOne(db, sql: "SELECT call_id FROM annotations WHERE id = ?", arguments: [id]) else {
                    throw ArchiveError.notFound("\(self.path): no label with id \(id)")
                }
                try db.execute(sql: "UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ?", arguments: [deleted ? at : nil, at, id])
                try Self.appendAudit(context.event(deleted ? .annotateDelete : .annotateRestore, callID: callID, detail: "\(id)"), db: db)
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
            """, arguments: [a.callID, a.annotator, a.channel, a.startMs, a.endMs, a.code.rawValue, a.taxonomyID, a.taxonomyVersion, a.note, at, at, supersedes])
        return db.lastInsertedRowID
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
                         endMs: row["end_ms"], code: LabelCode(rawValue: row["code"]), taxonomyID: row["taxonomy_id"], taxonomyVersion: row["taxonomy_version"], note: row["note"])
    }
}
