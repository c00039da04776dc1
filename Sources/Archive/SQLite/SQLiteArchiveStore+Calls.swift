import Foundation
import GRDB
import TriageCore

extension SQLiteArchiveStore: CallStore {
    public func listCalls(_ request: CallListRequest) throws -> [CallSummary] {
        let since = request.ingestedSince.map(Timestamps.iso8601)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.content_sha256, c.source_path, c.duration_ms, c.sample_rate, c.channels, c.started_at,
                       c.language, c.caller_type, c.gestational_week, c.gestational_days,
                       c.suggested_primary, c.suggested_disposition, c.confirmed_disposition, \(ReplayColumns.select),
                       (SELECT count(*) FROM turns t WHERE t.call_id = c.id) AS turn_count
                FROM calls c
                WHERE ? IS NULL OR c.ingested_at >= ?
                ORDER BY c.started_at IS NULL, c.started_at DESC, c.id
                LIMIT ? OFFSET ?
                """, arguments: [since, since, request.limit ?? -1, max(0, request.offset)])
            return rows.map { row in
                CallSummary(id: row["id"], sha256: row["content_sha256"], path: row["source_path"],
                            durationMs: row["duration_ms"], sampleRate: row["sample_rate"], channels: row["channels"],
                            startedAt: row["started_at"], language: (row["language"] as String?).map(LanguageCode.init(rawValue:)),
                            callerType: (row["caller_type"] as String?).flatMap(CallerType.init(rawValue:)),
                            gestationalWeek: row["gestational_week"], gestationalDays: row["gestational_days"],
                            turns: row["turn_count"], suggestedPrimary: (row["suggested_primary"] as String?).map(ReasonCode.init(rawValue:)),
                            suggestedDisposition: (row["suggested_disposition"] as String?).flatMap(Disposition.init(rawValue:)),
                            confirmedDisposition: (row["confirmed_disposition"] as String?).flatMap(Disposition.init(rawValue:)),
                            replayOf: ReplayColumns.source(replay: row["replay"], path: row["replay_of_path"], sha256: row["replay_of_sha256"],
                                                           callID: row["replay_of_call_id"]))
            }
        }
    }

    public func callCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM calls") ?? 0 }
    }

    public func call(id: Int64) throws -> Call? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT c.*, \(ReplayColumns.select) FROM calls c WHERE c.id = ?"), arguments: [id]) else {
                return nil
            }
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
            metadata.replayOf = ReplayColumns.source(replay: row["replay"], path: row["replay_of_path"], sha256: row["replay_of_sha256"],
                                                     callID: row["replay_of_call_id"])
            return Call(id: row["id"], sha256: row["content_sha256"], path: row["source_path"], format: row["audio_format"],
                        sampleRate: row["sample_rate"], channels: row["channels"], frames: row["frames"],
                        durationMs: row["duration_ms"], metadata: metadata, transcriptPath: row["transcript_path"])
        }
    }

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

    public func searchTranscripts(_ query: String, limit: Int) throws -> [TranscriptMatch] {
        try read { db in
            guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT t.call_id, t.text FROM turns_fts f JOIN turns t ON t.id = f.rowid
                WHERE turns_fts MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [pattern, limit]).map { TranscriptMatch(callID: $0["call_id"], text: $0["text"]) }
        }
    }
}
