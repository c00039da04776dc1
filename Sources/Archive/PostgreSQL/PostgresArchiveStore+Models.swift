import Foundation

extension PostgresArchiveStore: ModelStore {
    public func store(_ model: ModelRecord, activate: Bool, by context: AuditContext) throws {
        try write(serialized: true) { db in
            let inserted = try db.execute("""
                INSERT INTO models (id, taxonomy, training_sha256, training_calls, stored_at, stored_by, metrics_json, model_json, active)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::bytea, 0) ON CONFLICT (id) DO NOTHING
                """, [model.id, model.taxonomy, model.trainingSHA256, model.trainingCalls, Timestamps.iso8601(context.at),
                      context.actor, model.metricsJSON, model.modelJSON]).affected
            if inserted > 0 {
                try Self.appendAudit(context.event(.train, detail: "stored model \(model.id) trained on \(model.trainingCalls) calls"), db: db)
            }
            if activate { try Self.activate(db, id: model.id, by: context) }
        }
    }

    public func activateModel(id: String, by context: AuditContext) throws {
        try write(serialized: true) { db in try Self.activate(db, id: id, by: context) }
    }

    private static func activate(_ db: PostgresConnection, id: String, by context: AuditContext) throws {
        guard try db.execute("SELECT 1 FROM models WHERE id = $1", [id]).count > 0 else {
            throw ArchiveError.notFound("no model \(id) in the archive")
        }
        try db.execute("UPDATE models SET active = 0 WHERE active = 1")
        try db.execute("UPDATE models SET active = 1 WHERE id = $1", [id])
        try appendAudit(context.event(.activateModel, detail: "model \(id) is active"), db: db)
    }

    public func models() throws -> [ModelRecord] {
        try read { db in try db.execute("SELECT * FROM models ORDER BY stored_at DESC, id").map(Self.modelRecord) }
    }

    public func model(id: String) throws -> ModelRecord? {
        try read { db in try db.execute("SELECT * FROM models WHERE id = $1", [id]).first.map(Self.modelRecord) }
    }

    public func activeModel() throws -> ModelRecord? {
        try read { db in try db.execute("SELECT * FROM models WHERE active = 1").first.map(Self.modelRecord) }
    }

    private static func modelRecord(_ row: PostgresRow) throws -> ModelRecord {
        guard let json = row.data("model_json") else { throw PostgresFailure(sqlState: "", message: "model_json is not bytea") }
        return ModelRecord(id: try row.required("id"), taxonomy: try row.required("taxonomy"), trainingSHA256: try row.required("training_sha256"),
                           trainingCalls: try row.requiredInt("training_calls"),
                           storedAt: row["stored_at"].flatMap(Timestamps.date) ?? Date(timeIntervalSince1970: 0),
                           storedBy: try row.required("stored_by"), metricsJSON: row["metrics_json"], modelJSON: json, active: row.int("active") == 1)
    }
}
