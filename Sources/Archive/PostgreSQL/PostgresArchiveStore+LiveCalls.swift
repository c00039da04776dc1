import Foundation
import TriageCore

extension PostgresArchiveStore: LiveCallStore {
    public func putLiveCall(_ call: LiveCallRecord) throws {
        try write { db in
            try db.execute("""
                INSERT INTO live_calls (desk, user_name, started_at, updated_at, audio_ms, disposition, primary_reason)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (desk) DO UPDATE SET user_name = excluded.user_name, started_at = excluded.started_at,
                    updated_at = excluded.updated_at, audio_ms = excluded.audio_ms, disposition = excluded.disposition,
                    primary_reason = excluded.primary_reason
                """, [call.desk, call.user, Timestamps.iso8601(call.startedAt), Timestamps.iso8601(call.updatedAt),
                      max(0, call.audioMs), call.disposition?.rawValue, call.primaryReason?.rawValue])
            try Self.announce(.live(desk: call.desk), db: db)
        }
    }

    public func endLiveCall(desk: String) throws {
        try write { db in
            try db.execute("DELETE FROM live_calls WHERE desk = $1", [desk])
            try Self.announce(.live(desk: desk), db: db)
        }
    }

    public func liveCalls(since: Date) throws -> [LiveCallRecord] {
        try read { db in
            try db.execute("SELECT * FROM live_calls WHERE updated_at >= $1 ORDER BY started_at, desk", [Timestamps.iso8601(since)]).map { row in
                LiveCallRecord(desk: try row.required("desk"), user: try row.required("user_name"),
                               startedAt: row["started_at"].flatMap(Timestamps.date) ?? Date(timeIntervalSince1970: 0),
                               updatedAt: row["updated_at"].flatMap(Timestamps.date) ?? Date(timeIntervalSince1970: 0),
                               audioMs: row.int("audio_ms") ?? 0, disposition: row["disposition"].flatMap(Disposition.init(rawValue:)),
                               primaryReason: row["primary_reason"].map(ReasonCode.init(rawValue:)))
            }
        }
    }
}
