import Foundation
import GRDB
import TriageCore

extension SQLiteArchiveStore {
    public func callID(sha256: String) throws -> Int64? {
        try read { try Int64.fetchOne($0, sql: "SELECT id FROM calls WHERE content_sha256 = ?", arguments: [sha256]) }
    }

    public func store(_ draft: CallDraft, by context: AuditContext) throws -> ArchiveOutcome {
        try write { db in
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM calls WHERE content_sha256 = ?", arguments: [draft.sha256]) {
                return .alreadyPresent(existing)
            }
            let m = draft.metadata
            let started = m.startedAt
            let ingestedAt = Timestamps.iso8601(context.at)
            var arguments: StatementArguments = [
                draft.sha256, draft.contentKind.rawValue, draft.sourcePath, draft.audioFormat, draft.sampleRate,
                draft.channels, m.channelRoles?.map(\.rawValue).joined(separator: ","), draft.frames, draft.durationMs,
                started?.description, started.map { String($0.description.prefix(10)) }, started?.hour, started?.isoWeekday,
                m.utcOffsetMinutes, m.language, m.gestationalWeek, m.gestationalDays,
            ]
            arguments += [m.firstBaby.map { $0 ? 1 : 0 }, m.caller?.rawValue, m.daysPostpartum, draft.metadataJSON,
                          draft.transcriptPath, draft.transcriptFormat, ingestedAt]
            try db.execute(sql: """
                INSERT INTO calls (content_sha256, content_kind, source_path, audio_format, sample_rate, channels,
                    channel_roles, frames, duration_ms, started_at, started_date, started_hour, started_weekday,
                    utc_offset_min, language, gestational_week, gestational_days, first_baby, caller_type,
                    days_postpartum, metadata_json, transcript_path, transcript_format, ingested_at, started_iso_week,
                    replay, replay_of_path, replay_of_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: arguments + [started?.isoWeek, m.replayOf == nil ? 0 : 1, m.replayOf?.path, m.replayOf?.sha256])
            let callID = db.lastInsertedRowID
            let insertTurn = try db.cachedStatement(sql: """
                INSERT INTO turns (call_id, seq, speaker, speaker_label, start_ms, end_ms, text, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (seq, turn) in draft.turns.enumerated() {
                try insertTurn.execute(arguments: [callID, seq, turn.speaker.rawValue, turn.speakerLabel, turn.startMs,
                                                   turn.endMs, turn.text, turn.speaker == .notes ? "notes" : "transcript"])
            }
            for f in draft.features {
                try db.execute(sql: """
                    INSERT INTO call_features (call_id, channel, feature_set, extractor_version, values_json, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [callID, f.channel, f.featureSet, f.extractorVersion, f.valuesJSON, ingestedAt])
            }
            try Self.appendAudit(context.event(.ingest, callID: callID, detail: draft.sourcePath), db: db)
            return .inserted(callID)
        }
    }
}

extension SQLiteArchiveStore {
    public func features(ofCall callID: Int64) throws -> [CallFeatureRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT channel, feature_set, extractor_version, values_json FROM call_features WHERE call_id = ?
                ORDER BY feature_set, channel
                """, arguments: [callID]).map {
                CallFeatureRecord(channel: $0["channel"], featureSet: $0["feature_set"], extractorVersion: $0["extractor_version"], valuesJSON: $0["values_json"])
            }
        }
    }
}
