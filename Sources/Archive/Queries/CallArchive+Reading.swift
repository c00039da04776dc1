import Foundation
import GRDB
import TriageCore

extension CallArchive {
    /// Calls in the archive, newest start first (calls without a start time last, by id).
    public func listCalls(limit: Int? = nil, offset: Int = 0) throws -> [CallSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.content_sha256, c.source_path, c.duration_ms, c.sample_rate, c.channels, c.started_at,
                       c.language, c.caller_type, c.gestational_week, c.gestational_days,
                       c.suggested_primary, c.suggested_disposition, c.confirmed_disposition,
                       (SELECT count(*) FROM turns t WHERE t.call_id = c.id) AS turn_count
                FROM calls c
                ORDER BY c.started_at IS NULL, c.started_at DESC, c.id
                LIMIT ? OFFSET ?
                """, arguments: [limit ?? -1, offset])
            return rows.map { row in
                CallSummary(id: row["id"], sha256: row["content_sha256"], path: row["source_path"],
                            durationMs: row["duration_ms"], sampleRate: row["sample_rate"], channels: row["channels"],
                            startedAt: row["started_at"], language: row["language"], callerType: row["caller_type"],
                            gestationalWeek: row["gestational_week"], gestationalDays: row["gestational_days"],
                            turns: row["turn_count"], suggestedPrimary: row["suggested_primary"],
                            suggestedDisposition: row["suggested_disposition"], confirmedDisposition: row["confirmed_disposition"])
            }
        }
    }

    /// Number of calls archived.
    public func callCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM calls") ?? 0 }
    }

    /// One call with its metadata, or `nil` when there is no call with that id.
    public func call(id: Int64) throws -> Call? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM calls WHERE id = ?", arguments: [id]) else { return nil }
            var metadata = CallMetadata()
            if let started: String = row["started_at"] { metadata.startedAt = LocalDateTime.parse(started)?.0 }
            metadata.utcOffsetMinutes = row["utc_offset_min"]
            metadata.gestationalWeek = row["gestational_week"]
            metadata.gestationalDays = row["gestational_days"]
            metadata.firstBaby = (row["first_baby"] as Int?).map { $0 != 0 }
            metadata.caller = (row["caller_type"] as String?).flatMap(CallerType.init(rawValue:))
            metadata.daysPostpartum = row["days_postpartum"]
            metadata.language = row["language"]
            metadata.channelRoles = (row["channel_roles"] as String?).map {
                $0.split(separator: ",").map { Speaker(rawValue: String($0)) ?? .unknown }
            }
            return Call(id: row["id"], sha256: row["content_sha256"], path: row["source_path"], format: row["audio_format"],
                        sampleRate: row["sample_rate"], channels: row["channels"], frames: row["frames"],
                        durationMs: row["duration_ms"], metadata: metadata, transcriptPath: row["transcript_path"])
        }
    }

    /// The call's transcript turns in order.
    public func turns(ofCall id: Int64) throws -> [Turn] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT speaker, speaker_label, start_ms, end_ms, text FROM turns WHERE call_id = ? ORDER BY seq
                """, arguments: [id]).map { row in
                Turn(speaker: Speaker(rawValue: row["speaker"]) ?? .unknown, speakerLabel: row["speaker_label"],
                     startMs: row["start_ms"], endMs: row["end_ms"], text: row["text"])
            }
        }
    }

    /// Calls whose transcripts match an FTS5 query ("blødning", "vand*"), with the matching turn text.
    public func searchTranscripts(_ query: String, limit: Int = 100) throws -> [(callID: Int64, text: String)] {
        try read { db in
            guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT t.call_id, t.text FROM turns_fts f JOIN turns t ON t.id = f.rowid
                WHERE turns_fts MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [pattern, limit]).map { ($0["call_id"], $0["text"]) }
        }
    }
}
