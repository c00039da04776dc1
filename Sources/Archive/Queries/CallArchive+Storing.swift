import Foundation
import GRDB
import TriageCore

extension CallArchive {
    /// The id of the call archived with this content hash, if any.
    public func callID(sha256: String) throws -> Int64? {
        try read { try Int64.fetchOne($0, sql: "SELECT id FROM calls WHERE content_sha256 = ?", arguments: [sha256]) }
    }

    /// Stores a call with its turns and an audit entry in one transaction; does nothing when the same
    /// content is already archived. `actor` names who ingested it in the audit log.
    public func store(_ draft: CallDraft, actor: String, now: Date = Date()) throws -> ArchiveOutcome {
        try write { db in
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM calls WHERE content_sha256 = ?", arguments: [draft.sha256]) {
                return .alreadyPresent(existing)
            }
            let m = draft.metadata
            let started = m.startedAt
            let ingestedAt = Timestamps.iso8601(now)
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
                    days_postpartum, metadata_json, transcript_path, transcript_format, ingested_at, started_iso_week)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: arguments + [started?.isoWeek])
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
            try db.execute(sql: "INSERT INTO audit_log (at, actor, action, call_id, detail) VALUES (?, ?, 'ingest', ?, ?)",
                           arguments: [ingestedAt, actor, callID, draft.sourcePath])
            return .inserted(callID)
        }
    }
}

extension CallArchive {
    /// A call's stored acoustic features, channel by channel.
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

/// Timestamps as the archive stores them: ISO 8601 UTC with milliseconds.
enum Timestamps {
    /// Reads back what `iso8601` writes (milliseconds dropped).
    static func date(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text.replacingOccurrences(of: #"\.\d+Z$"#, with: "Z", options: .regularExpression))
    }

    static func iso8601(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var t = time_t(ms / 1000)
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ n: Int32, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(ms % 1000), 3))Z"
    }
}
