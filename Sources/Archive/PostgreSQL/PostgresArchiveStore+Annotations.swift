import Foundation
import TriageCore

/// Researchers' labels, as in the SQLite archive: a change is a new row that supersedes the old one, a deletion sets
/// `deleted_at`, both can be undone, every step is audited, and the call's `labelled` reasons follow.
extension PostgresArchiveStore: AnnotationStore {
    @discardableResult
    public func store(_ annotation: AnnotationRecord, by context: AuditContext) throws -> Int64 {
        try write { db in
            try Self.requireCall(annotation.callID, db: db, address: address)
            let id = try Self.insert(annotation, supersedes: nil, at: Timestamps.iso8601(context.at), db: db)
            try Self.refreshLabelledReasons(callID: annotation.callID, db: db)
            try Self.appendAudit(context.event(.annotate, callID: annotation.callID,
                                               detail: "\(annotation.code) \(annotation.startMs)-\(annotation.endMs) by \(annotation.annotator)"), db: db)
            return id
        }
    }

    /// Stores labels in one transaction, each with its audit entry: all of them or, on any failure, none.
    @discardableResult
    public func store(_ annotations: [AnnotationRecord], by context: AuditContext) throws -> [Int64] {
        try write { db in
            let at = Timestamps.iso8601(context.at)
            let calls = Set(annotations.map(\.callID)).sorted()
            for callID in calls { try Self.requireCall(callID, db: db, address: address) }
            var ids: [Int64] = []
            for annotation in annotations { ids.append(try Self.insert(annotation, supersedes: nil, at: at, db: db)) }
            for callID in calls { try Self.refreshLabelledReasons(callID: callID, db: db) }
            for annotation in annotations {
                try Self.appendAudit(context.event(.annotate, callID: annotation.callID,
                                                   detail: "\(annotation.code) \(annotation.startMs)-\(annotation.endMs) by \(annotation.annotator)"), db: db)
            }
            return ids
        }
    }

    public func annotations(ofCall callID: Int64, annotator: String?) throws -> [AnnotationRecord] {
        try read { db in
            try db.execute("""
                SELECT * FROM annotations WHERE call_id = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR annotator = $2)
                ORDER BY start_ms, end_ms, id
                """, [callID, annotator]).map(Self.annotation)
        }
    }

    @discardableResult
    public func revise(annotation id: Int64, startMs: Int, endMs: Int, code: LabelCode, annotator: String, by context: AuditContext) throws -> Int64 {
        try write { db in
            guard let row = try db.execute("SELECT * FROM annotations WHERE id = $1 AND deleted_at IS NULL", [id]).first else {
                throw ArchiveError.notFound("\(address): no label with id \(id) in force")
            }
            var revised = try Self.annotation(row)
            revised.id = nil
            revised.startMs = startMs; revised.endMs = endMs; revised.code = code; revised.annotator = annotator
            let at = Timestamps.iso8601(context.at)
            try db.execute("UPDATE annotations SET deleted_at = $1, updated_at = $1 WHERE id = $2", [at, id])
            let newID = try Self.insert(revised, supersedes: id, at: at, db: db)
            try Self.refreshLabelledReasons(callID: revised.callID, db: db)
            try Self.appendAudit(context.event(.annotateRevise, callID: revised.callID,
                                               detail: "\(id) → \(newID): \(code) \(startMs)-\(endMs) by \(annotator)"), db: db)
            return newID
        }
    }

    public func exchange(remove: Int64?, restore: Int64?, by context: AuditContext) throws {
        try write { db in
            let at = Timestamps.iso8601(context.at)
            var events: [AuditEvent] = []
            for (id, deleted) in [(remove, true), (restore, false)] {
                guard let id else { continue }
                guard let callID = try db.execute("SELECT call_id FROM annotations WHERE id = $1", [id]).first?.int64("call_id") else {
                    throw ArchiveError.notFound("\(address): no label with id \(id)")
                }
                try db.execute("UPDATE annotations SET deleted_at = $1, updated_at = $2 WHERE id = $3", [deleted ? at : nil, at, id])
                events.append(context.event(deleted ? .annotateDelete : .annotateRestore, callID: callID, detail: "\(id)"))
            }
            for callID in Set(events.compactMap(\.callID)).sorted() { try Self.refreshLabelledReasons(callID: callID, db: db) }
            for event in events { try Self.appendAudit(event, db: db) }
        }
    }

    private static func insert(_ a: AnnotationRecord, supersedes: Int64?, at: String, db: PostgresConnection) throws -> Int64 {
        try db.execute("""
            INSERT INTO annotations (call_id, annotator, channel, start_ms, end_ms, code, taxonomy_id, taxonomy_version, note,
                                     created_at, updated_at, supersedes_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id
            """, [a.callID, a.annotator, a.channel, a.startMs, a.endMs, a.code.rawValue, a.taxonomyID, a.taxonomyVersion, a.note,
                  at, supersedes]).first?.requiredInt64("id") ?? 0
    }

    private static func refreshLabelledReasons(callID: Int64, db: PostgresConnection) throws {
        try db.execute("DELETE FROM current_reasons WHERE call_id = $1 AND source = 'labelled'", [callID])
        try db.execute("""
            INSERT INTO current_reasons (call_id, source, reason_code)
            SELECT DISTINCT call_id, 'labelled', code FROM annotations WHERE call_id = $1 AND deleted_at IS NULL
            ON CONFLICT DO NOTHING
            """, [callID])
    }

    private static func annotation(_ row: PostgresRow) throws -> AnnotationRecord {
        AnnotationRecord(id: row.int64("id"), callID: try row.requiredInt64("call_id"), annotator: try row.required("annotator"),
                         channel: row.int("channel"), startMs: try row.requiredInt("start_ms"), endMs: try row.requiredInt("end_ms"),
                         code: LabelCode(rawValue: try row.required("code")), taxonomyID: try row.required("taxonomy_id"),
                         taxonomyVersion: try row.required("taxonomy_version"), note: row["note"])
    }
}
