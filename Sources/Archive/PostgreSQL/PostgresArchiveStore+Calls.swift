import Foundation
import TriageCore

extension PostgresArchiveStore: CallStore {
    public func callID(sha256: String) throws -> Int64? {
        try read { db in try db.execute("SELECT id FROM calls WHERE content_sha256 = $1", [sha256]).first?.int64("id") }
    }

    /// Stores the call under the write lock: of two desks that ingest the same recording at once, the second finds
    /// the first's call (`alreadyPresent`), never a second copy or an error.
    public func store(_ draft: CallDraft, by context: AuditContext) throws -> ArchiveOutcome {
        try write { db in
            if let existing = try Self.existingCall(draft.sha256, db: db) { return .alreadyPresent(existing) }
            let m = draft.metadata, started = m.startedAt
            let values: [(any PostgresBindable)?] = [
                draft.sha256, draft.contentKind.rawValue, draft.sourcePath, draft.audioFormat, draft.sampleRate,
                draft.channels, m.channelRoles?.map(\.rawValue).joined(separator: ","), draft.frames, draft.durationMs,
                started?.description, started.map { String($0.description.prefix(10)) }, started?.hour, started?.isoWeekday,
                m.utcOffsetMinutes, m.language, m.gestationalWeek, m.gestationalDays, m.firstBaby.map { $0 ? 1 : 0 },
                m.caller?.rawValue, m.daysPostpartum, draft.metadataJSON, draft.transcriptPath, draft.transcriptFormat,
                Timestamps.iso8601(context.at), started?.isoWeek, m.replayOf == nil ? 0 : 1, m.replayOf?.path, m.replayOf?.sha256,
            ]
            // Another desk inserting the same recording meanwhile: this insert waits for its commit and does nothing.
            guard let callID = try db.execute("""
                INSERT INTO calls (content_sha256, content_kind, source_path, audio_format, sample_rate, channels,
                    channel_roles, frames, duration_ms, started_at, started_date, started_hour, started_weekday,
                    utc_offset_min, language, gestational_week, gestational_days, first_baby, caller_type,
                    days_postpartum, metadata_json, transcript_path, transcript_format, ingested_at, started_iso_week,
                    replay, replay_of_path, replay_of_sha256)
                VALUES (\(Self.placeholders(values.count)))
                ON CONFLICT (content_sha256) DO NOTHING
                RETURNING id
                """, values).first?.int64("id") else {
                return .alreadyPresent(try Self.existingCall(draft.sha256, db: db) ?? 0)
            }
            // Turns in statements of up to 1,000 rows (a statement takes at most 65,535 parameters).
            let numbered = Array(draft.turns.enumerated())
            for start in stride(from: 0, to: numbered.count, by: 1000) {
                let chunk = numbered[start..<min(numbered.count, start + 1000)]
                var values: [(any PostgresBindable)?] = []
                for (seq, turn) in chunk {
                    values += [callID, seq, turn.speaker.rawValue, turn.speakerLabel, turn.startMs, turn.endMs, turn.text,
                               turn.speaker == .notes ? "notes" : "transcript"] as [(any PostgresBindable)?]
                }
                let rows = (0..<chunk.count).map { r in "(" + (1...8).map { "$\(r * 8 + $0)" }.joined(separator: ", ") + ")" }
                try db.execute("""
                    INSERT INTO turns (call_id, seq, speaker, speaker_label, start_ms, end_ms, text, source)
                    VALUES \(rows.joined(separator: ", "))
                    """, values)
            }
            let ingestedAt = Timestamps.iso8601(context.at)
            for f in draft.features {
                try db.execute("""
                    INSERT INTO call_features (call_id, channel, feature_set, extractor_version, values_json, computed_at)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    """, [callID, f.channel, f.featureSet, f.extractorVersion, f.valuesJSON, ingestedAt])
            }
            try Self.appendAudit(context.event(.ingest, callID: callID, detail: draft.sourcePath), db: db)
            try Self.announce(.call(callID), db: db)
            return .inserted(callID)
        }
    }

    public func listCalls(_ request: CallListRequest) throws -> [CallSummary] {
        let since = request.ingestedSince.map(Timestamps.iso8601)
        return try read { db in
            try db.execute("""
                SELECT c.id, c.content_sha256, c.source_path, c.duration_ms, c.sample_rate, c.channels, c.started_at,
                       c.language, c.caller_type, c.gestational_week, c.gestational_days,
                       c.suggested_primary, c.suggested_disposition, c.confirmed_disposition, \(ReplayColumns.select),
                       (SELECT count(*) FROM turns t WHERE t.call_id = c.id) AS turn_count
                FROM calls c
                WHERE $1::text IS NULL OR c.ingested_at >= $1
                ORDER BY c.started_at IS NULL, c.started_at DESC, c.id
                LIMIT $2 OFFSET $3
                """, [since, request.limit.map { max(0, $0) }, max(0, request.offset)]).map { row in
                CallSummary(id: try row.requiredInt64("id"), sha256: try row.required("content_sha256"), path: try row.required("source_path"),
                            durationMs: row.int("duration_ms"), sampleRate: row.int("sample_rate"), channels: row.int("channels") ?? 0,
                            startedAt: row["started_at"], language: row["language"].map(LanguageCode.init(rawValue:)),
                            callerType: row["caller_type"].flatMap(CallerType.init(rawValue:)),
                            gestationalWeek: row.int("gestational_week"), gestationalDays: row.int("gestational_days"),
                            turns: row.int("turn_count") ?? 0, suggestedPrimary: row["suggested_primary"].map(ReasonCode.init(rawValue:)),
                            suggestedDisposition: row["suggested_disposition"].flatMap(Disposition.init(rawValue:)),
                            confirmedDisposition: row["confirmed_disposition"].flatMap(Disposition.init(rawValue:)),
                            replayOf: ReplayColumns.source(replay: row.int("replay"), path: row["replay_of_path"], sha256: row["replay_of_sha256"],
                                                           callID: row.int64("replay_of_call_id")))
            }
        }
    }

    public func callCount() throws -> Int {
        try read { db in try db.execute("SELECT count(id) AS n FROM calls").first?.int("n") ?? 0 }
    }

    public func call(id: Int64) throws -> Call? {
        try read { db in
            guard let row = try db.execute("SELECT c.*, \(ReplayColumns.select) FROM calls c WHERE c.id = $1", [id]).first else { return nil }
            var metadata = CallMetadata()
            metadata.startedAt = row["started_at"].flatMap { LocalDateTime.parse($0)?.0 }
            metadata.utcOffsetMinutes = row.int("utc_offset_min")
            metadata.gestationalWeek = row.int("gestational_week")
            metadata.gestationalDays = row.int("gestational_days")
            metadata.firstBaby = row.int("first_baby").map { $0 != 0 }
            metadata.caller = row["caller_type"].flatMap(CallerType.init(rawValue:))
            metadata.daysPostpartum = row.int("days_postpartum")
            metadata.language = row["language"]
            metadata.channelRoles = row["channel_roles"].map { $0.split(separator: ",").map { Speaker(rawValue: String($0)) ?? .unknown } }
            metadata.replayOf = ReplayColumns.source(replay: row.int("replay"), path: row["replay_of_path"], sha256: row["replay_of_sha256"],
                                                     callID: row.int64("replay_of_call_id"))
            return Call(id: try row.requiredInt64("id"), sha256: try row.required("content_sha256"), path: try row.required("source_path"),
                        format: row["audio_format"], sampleRate: row.int("sample_rate"), channels: row.int("channels") ?? 0,
                        frames: row.int64("frames"), durationMs: row.int("duration_ms"), metadata: metadata,
                        transcriptPath: row["transcript_path"])
        }
    }

    public func turns(ofCall id: Int64) throws -> [Turn] {
        try read { db in
            try db.execute("SELECT speaker, speaker_label, start_ms, end_ms, text FROM turns WHERE call_id = $1 ORDER BY seq", [id]).map { row in
                Turn(speaker: row["speaker"].flatMap(Speaker.init(rawValue:)) ?? .unknown, speakerLabel: row["speaker_label"],
                     startMs: row.int("start_ms"), endMs: row.int("end_ms"), text: try row.required("text"))
            }
        }
    }

    /// Every word of `query` as a prefix, in the Danish or the English configuration (a turn is indexed in its
    /// call's language), best first.
    public func searchTranscripts(_ query: String, limit: Int) throws -> [TranscriptMatch] {
        let words = query.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() + ":*" }
        guard !words.isEmpty else { return [] }
        let tsquery = words.joined(separator: " & ")
        return try read { db in
            try db.execute("""
                SELECT t.call_id, t.text FROM turns t
                WHERE t.search @@ to_tsquery('danish', $1) OR t.search @@ to_tsquery('english', $1)
                ORDER BY greatest(ts_rank(t.search, to_tsquery('danish', $1)), ts_rank(t.search, to_tsquery('english', $1))) DESC, t.id
                LIMIT $2
                """, [tsquery, max(0, limit)]).map { TranscriptMatch(callID: try $0.requiredInt64("call_id"), text: try $0.required("text")) }
        }
    }

    public func features(ofCall callID: Int64) throws -> [CallFeatureRecord] {
        try read { db in
            try db.execute("""
                SELECT channel, feature_set, extractor_version, values_json FROM call_features WHERE call_id = $1
                ORDER BY feature_set, channel
                """, [callID]).map {
                CallFeatureRecord(channel: $0.int("channel"), featureSet: try $0.required("feature_set"),
                                  extractorVersion: try $0.required("extractor_version"), valuesJSON: try $0.required("values_json"))
            }
        }
    }

    /// The call archived with this content hash (committed by any desk), if any.
    private static func existingCall(_ sha256: String, db: PostgresConnection) throws -> Int64? {
        try db.execute("SELECT id FROM calls WHERE content_sha256 = $1", [sha256]).first?.int64("id")
    }

    /// `$1, $2, …, $count`.
    static func placeholders(_ count: Int) -> String {
        (1...max(1, count)).map { "$\($0)" }.joined(separator: ", ")
    }
}
