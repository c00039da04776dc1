@testable import Archive
import Foundation
import GRDB
import TestSupport
import Testing
import TriageCore

@Suite struct CallArchiveTests {
    let dir = TemporaryDirectory("archive")

    func draft(_ sha: String, turns: [Turn] = [], started: String? = "2026-03-14T02:17:00") -> CallDraft {
        var metadata = CallMetadata()
        metadata.startedAt = started.flatMap { LocalDateTime.parse($0)?.0 }
        metadata.gestationalWeek = 38
        metadata.gestationalDays = 2
        metadata.firstBaby = true
        metadata.caller = .partner
        metadata.language = "da"
        metadata.channelRoles = [.caller, .midwife]
        return CallDraft(sha256: sha, contentKind: .audio, sourcePath: "/calls/\(sha).flac", audioFormat: "FLAC PCM_16",
                         sampleRate: 8000, channels: 2, frames: 96000, durationMs: 12000, metadata: metadata,
                         metadataJSON: "{}", transcriptPath: "/calls/\(sha).vtt", transcriptFormat: "webvtt", turns: turns)
    }

    let turns = [
        Turn(speaker: .midwife, speakerLabel: "Jordemoder", startMs: 0, endMs: 2250, text: "Fødemodtagelsen, det er Åse."),
        Turn(speaker: .caller, speakerLabel: "Kvinde", startMs: 2500, endMs: 5750, text: "Vandet er gået, ingen blødning."),
    ]

    @Test func migratesAFreshDatabaseInWALMode() throws {
        let archive = try CallArchive(path: dir.file("a.sqlite"))
        #expect(try archive.appliedMigrations() == ["001-initial-schema", "002-current-assessment", "003-models"])
        let mode = try archive.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try archive.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        for table in ["calls", "turns", "turns_fts", "call_features", "assessments", "assessment_reasons", "decisions",
                      "decision_reasons", "annotations", "audit_log"] {
            #expect(tables.contains(table), "\(table)")
        }
        #expect(try archive.integrityCheck() == ["ok"])
    }

    @Test func aVersionOneArchiveIsUpgradedWithItsDataCarriedOver() throws {
        let path = dir.file("v1.sqlite")
        let queue = try DatabaseQueue(path: path)
        try ArchiveMigrator.migrator.migrate(queue, upTo: "001-initial-schema")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO calls (id, content_sha256, content_kind, source_path, channels, started_at, started_date, ingested_at)
                VALUES (1, 'x', 'audio', '/a.wav', 1, '2026-01-01T10:00:00', '2026-01-01', '2026-01-02T00:00:00.000Z');
                INSERT INTO assessments (id, call_id, created_at, taxonomy_id, taxonomy_version, model_version, primary_reason, disposition, result_json)
                VALUES (7, 1, '2026-01-02T00:00:00.000Z', 't', '1', 'm', 'itching', 'attend_soon', '{}');
                """)
        }
        try queue.close()
        let archive = try CallArchive(path: path)
        let row = try archive.read { db in
            try Row.fetchOne(db, sql: "SELECT started_iso_week, latest_assessment_id, suggested_primary, suggested_disposition FROM calls").map {
                [$0["started_iso_week"] as String? ?? "", "\($0["latest_assessment_id"] as Int64? ?? 0)", $0["suggested_primary"] as String? ?? "",
                 $0["suggested_disposition"] as String? ?? ""]
            }
        }
        #expect(row == ["2026-W01", "7", "itching", "attend_soon"]) // 1 January 2026 is a Thursday: week 1
    }

    @Test func decisionsAndLabelsAreKeptBesideTheSuggestion() throws {
        let archive = try CallArchive(path: dir.file("a.sqlite"))
        let id = try archive.store(draft("ff"), actor: "t").callID
        try archive.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1", modelVersion: "m", primaryReason: "itching",
                                           disposition: "attend_soon", reasons: [("itching", 0.5)], redFlags: [], resultJSON: "{}"))
        try archive.store(DecisionRecord(callID: id, decidedBy: "AH", taxonomyID: "t", taxonomyVersion: "1",
                                         reasons: ["itching", "anxiety_reassurance"], disposition: "self_care"))
        try archive.store(AnnotationRecord(callID: id, annotator: "res1", startMs: 0, endMs: 4000, code: "itching", taxonomyID: "t", taxonomyVersion: "1"))
        let current = try archive.read { db in
            try Row.fetchOne(db, sql: "SELECT suggested_primary, suggested_disposition, confirmed_primary, confirmed_disposition FROM calls").map {
                [$0[0] as String? ?? "", $0[1] as String? ?? "", $0[2] as String? ?? "", $0[3] as String? ?? ""]
            }
        }
        #expect(current == ["itching", "attend_soon", "itching", "self_care"])
        #expect(try archive.latestAssessment(ofCall: id)?.disposition == "attend_soon") // the suggestion is untouched
        let actions = try archive.read { try String.fetchAll($0, sql: "SELECT action FROM audit_log ORDER BY id") }
        #expect(actions == ["ingest", "decide", "annotate"])
        #expect(throws: ArchiveError.self) {
            try archive.store(DecisionRecord(callID: 999, decidedBy: "AH", taxonomyID: "t", taxonomyVersion: "1", reasons: [], disposition: "refer"))
        }
    }

    @Test func storesACallWithItsTurnsAndReadsItBack() throws {
        let archive = try CallArchive(path: dir.file("a.sqlite"))
        let outcome = try archive.store(draft("aa", turns: turns), actor: "test")
        guard case .inserted(let id) = outcome else { Issue.record("not inserted: \(outcome)"); return }
        let call = try #require(try archive.call(id: id))
        #expect(call.sha256 == "aa")
        #expect(call.durationMs == 12000 && call.frames == 96000 && call.channels == 2)
        #expect(call.metadata.startedAt?.description == "2026-03-14T02:17:00")
        #expect(call.metadata.caller == .partner && call.metadata.firstBaby == true && call.metadata.gestationalWeek == 38)
        #expect(call.metadata.channelRoles == [.caller, .midwife])
        #expect(try archive.turns(ofCall: id) == turns)
        let derived = try archive.read { db in
            try Row.fetchOne(db, sql: "SELECT started_date, started_hour, started_weekday FROM calls").map {
                [$0["started_date"] as String? ?? "", "\($0["started_hour"] as Int? ?? -1)", "\($0["started_weekday"] as Int? ?? -1)"]
            }
        }
        #expect(derived == ["2026-03-14", "2", "6"]) // 02 h on a Saturday
        let audit = try archive.read { db in
            try Row.fetchOne(db, sql: "SELECT actor, action, call_id FROM audit_log").map {
                [$0["actor"] as String? ?? "", $0["action"] as String? ?? "", "\($0["call_id"] as Int64? ?? -1)"]
            }
        }
        #expect(audit == ["test", "ingest", "\(id)"])
    }

    @Test func theSameContentIsStoredOnce() throws {
        let archive = try CallArchive(path: dir.file("a.sqlite"))
        let first = try archive.store(draft("bb", turns: turns), actor: "test")
        let second = try archive.store(draft("bb", turns: turns), actor: "test")
        #expect(second == .alreadyPresent(first.callID))
        #expect(try archive.callCount() == 1)
        #expect(try archive.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM turns") } == 2)
    }

    @Test func listsCallsNewestFirstWithTurnCounts() throws {
        let archive = try CallArchive(path: dir.file("a.sqlite"))
        _ = try archive.store(draft("old", turns: turns, started: "2026-01-01T08:00:00"), actor: "t")
        _ = try archive.store(draft("new", turns: [turns[0]], started: "2026-05-01T23:59:00"), actor: "t")
        _ = try archive.store(draft("undated", started: nil), actor: "t")
        let list = try archive.listCalls()
        #expect(list.map(\.sha256) == ["new", "old", "undated"])
        #expect(list.map(\.turns) == [1, 2, 0])
        #expect(try archive.listCalls(limit: 1).count == 1)
    }

    @Test func fullTextSearchFindsDanishWordsAndPrefixes() throws {
        let archive = try CallArchive(path: dir.file("a.sqlite"))
        let id = try archive.store(draft("cc", turns: turns), actor: "t").callID
        #expect(try archive.searchTranscripts("blødning").map(\.callID) == [id])
        #expect(try archive.searchTranscripts("fødemod").map(\.callID) == [id])
        #expect(try archive.searchTranscripts("blodning").isEmpty) // ø is a letter of its own, not o with a mark
    }

    @Test func aLockedDatabaseGivesAClearError() throws {
        let path = dir.file("locked.sqlite")
        let archive = try CallArchive(path: path)
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true // keep a write lock open across accesses, as another process would
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let waiting = try CallArchive(path: path, busyTimeout: 0.2)
        do {
            _ = try waiting.store(draft("dd"), actor: "t")
            Issue.record("stored while locked")
        } catch let error as ArchiveError {
            guard case .locked = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description == "\(path): the database is locked by another process; try again when it has finished")
        }
        try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(try archive.store(draft("dd"), actor: "t") == .inserted(1))
    }

    @Test func readOnlyAndUnopenableDatabasesGiveClearErrors() throws {
        let path = dir.file("ro.sqlite")
        _ = try CallArchive(path: path)
        let readOnly = try CallArchive(path: path, readOnly: true)
        do {
            _ = try readOnly.store(draft("ee"), actor: "t")
            Issue.record("stored into a read-only archive")
        } catch let error as ArchiveError {
            guard case .readOnly = error else { Issue.record("unexpected \(error)"); return }
        }
        #expect(throws: ArchiveError.self) { try CallArchive(path: dir.file("no/such/folder/x.sqlite")) }
        let garbage = try dir.write("garbage.sqlite", String(repeating: "not a database ", count: 200))
        do {
            _ = try CallArchive(path: garbage)
            Issue.record("opened garbage")
        } catch let error as ArchiveError {
            #expect(error.description == "\(garbage): not a triage database, or it is damaged")
        }
    }
}
