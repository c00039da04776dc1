import Foundation
import GRDB
import TriageCore

extension SQLiteArchiveStore: LiveCallStore {
    public func putLiveCall(_ call: LiveCallRecord) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO live_calls (desk, user_name, started_at, updated_at, audio_ms, disposition, primary_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(desk) DO UPDATE SET user_name = excluded.user_name, started_at = excluded.started_at,
                    updated_at = excluded.updated_at, audio_ms = excluded.audio_ms, disposition = excluded.disposition,
                    primary_reason = excluded.primary_reason
                """, arguments: [call.desk, call.user, Timestamps.iso8601(call.startedAt), Timestamps.iso8601(call.updatedAt),
                                 max(0, call.audioMs), call.disposition?.rawValue, call.primaryReason?.rawValue])
        }
    }

    public func endLiveCall(desk: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM live_calls WHERE desk = ?", arguments: [desk]) }
    }

    public func liveCalls(since: Date) throws -> [LiveCallRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM live_calls WHERE updated_at >= ? ORDER BY started_at, desk",
                             arguments: [Timestamps.iso8601(since)]).map { row in
                LiveCallRecord(desk: row["desk"], user: row["user_name"], startedAt: Timestamps.date(row["started_at"]) ?? Date(timeIntervalSince1970: 0),
                               updatedAt: Timestamps.date(row["updated_at"]) ?? Date(timeIntervalSince1970: 0), audioMs: row["audio_ms"],
                               disposition: (row["disposition"] as String?).flatMap(Disposition.init(rawValue:)),
                               primaryReason: (row["primary_reason"] as String?).map(ReasonCode.init(rawValue:)))
            }
        }
    }

    /// What the live calls look like now, to tell a change: each desk's refresh time.
    func liveCallsSignature() throws -> String {
        try read { db in try String.fetchAll(db, sql: "SELECT desk || '@' || updated_at FROM live_calls ORDER BY desk").joined(separator: ",") }
    }
}
