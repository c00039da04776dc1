import Foundation
import GRDB

extension CallArchive {
    /// Stores a trained model (the same id twice is one model), optionally making it the active one, with an
    /// audit entry, in one transaction.
    public func store(_ model: ModelRecord, activate: Bool) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO models (id, taxonomy, training_sha256, training_calls, stored_at, stored_by, metrics_json, model_json, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO NOTHING
                """, arguments: [model.id, model.taxonomy, model.trainingSHA256, model.trainingCalls, Timestamps.iso8601(model.storedAt),
                                 model.storedBy, model.metricsJSON, model.modelJSON])
            if db.changesCount > 0 {
                try db.execute(sql: "INSERT INTO audit_log (at, actor, action, call_id, detail) VALUES (?, ?, 'train', NULL, ?)",
                               arguments: [Timestamps.iso8601(model.storedAt), model.storedBy, "stored model \(model.id) trained on \(model.trainingCalls) calls"])
            }
            if activate { try Self.activate(db, id: model.id, by: model.storedBy, at: model.storedAt) }
        }
    }

    /// Makes the model with `id` the one that classifies; throws when there is none.
    public func activateModel(id: String, by actor: String, at now: Date = Date()) throws {
        try write { db in try Self.activate(db, id: id, by: actor, at: now) }
    }

    static func activate(_ db: Database, id: String, by actor: String, at now: Date) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM models WHERE id = ?", arguments: [id]) != nil else {
            throw ArchiveError.notFound("no model \(id) in the archive")
        }
        try db.execute(sql: "UPDATE models SET active = 0 WHERE active = 1")
        try db.execute(sql: "UPDATE models SET active = 1 WHERE id = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, call_id, detail) VALUES (?, ?, 'activate-model', NULL, ?)",
                       arguments: [Timestamps.iso8601(now), actor, "model \(id) is active"])
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
