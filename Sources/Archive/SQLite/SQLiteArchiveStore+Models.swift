import Foundation
import GRDB

extension SQLiteArchiveStore: ModelStore {
    /// Stores a trained model (the same id twice is one model), optionally making it the active one, with an
    /// audit entry, in one transaction.
    public func store(_ model: ModelRecord, activate: Bool, by context: AuditContext) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO models (id, taxonomy, training_sha256, training_calls, stored_at, stored_by, metrics_json, model_json, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO NOTHING
                """, arguments: [model.id, model.taxonomy, model.trainingSHA256, model.trainingCalls, Timestamps.iso8601(context.at),
                                 context.actor, model.metricsJSON, model.modelJSON])
            if db.changesCount > 0 {
                try Self.appendAudit(context.event(.train, detail: "stored model \(model.id) trained on \(model.trainingCalls) calls"), db: db)
            }
            if activate { try Self.activate(db, id: model.id, by: context) }
        }
    }

    /// Makes the model with `id` the one that classifies; throws when there is none.
    public func activateModel(id: String, by context: AuditContext) throws {
        try write { db in try Self.activate(db, id: id, by: context) }
    }

    static func activate(_ db: Database, id: String, by context: AuditContext) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM models WHERE id = ?", arguments: [id]) != nil else {
            throw ArchiveError.notFound("no model \(id) in the archive")
        }
        try db.execute(sql: "UPDATE models SET active = 0 WHERE active = 1")
        try db.execute(sql: "UPDATE models SET active = 1 WHERE id = ?", arguments: [id])
        try Self.appendAudit(context.event(.activateModel, detail: "model \(id) is active"), db: db)
    }

    /// Every stored model, newest first.
    public func models() throws -> [ModelRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM models ORDER BY stored_at DESC, id").map(Self.modelRecord) }
    }

    /// The model with `id`, or `nil`.
    public func model(id: String) throws -> ModelRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM models WHERE id = ?", arguments: [id]).map(Self.modelRecord) }
    }

    /// The active model, or `nil` when none was activated.
    public func activeModel() throws -> ModelRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM models WHERE active = 1").map(Self.modelRecord) }
    }

    static func modelRecord(_ row: Row) -> ModelRecord {
        ModelRecord(id: row["id"], taxonomy: row["taxonomy"], trainingSHA256: row["training_sha256"], trainingCalls: row["training_calls"],
                    storedAt: Timestamps.date(row["stored_at"]) ?? Date(timeIntervalSince1970: 0), storedBy: row["stored_by"],
                    metricsJSON: row["metrics_json"], modelJSON: row["model_json"], active: (row["active"] as Int) == 1)
    }
}
