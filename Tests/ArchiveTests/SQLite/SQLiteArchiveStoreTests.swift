@testable import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// What the SQLite store does beyond the contract: its file, its migrations from earlier versions, and the
/// errors a locked, read-only or damaged file gives.
@Suite struct SQLiteArchiveStoreTests {
    let dir = TemporaryDirectory("sqlite-store")
    typealias D = ContractData

    static let migrations = ["001-initial-schema", "002-current-assessment", "003-models", "004-users-and-audit-chain", "005-live-calls", "006-decided-against",
                             "007-replays", "008-override-reasons", "009-incident-reviews", "010-suggested-confidence"]

    /// Runs a script of `Tests/Fixtures/sqlite3` on a database with the `sqlite3` program; returns its status and output.
    static func sqlite3(_ script: String, on path: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try Tools.run("/usr/bin/sqlite3", [path, ".read \(Repository.fixture("sqlite3/\(script)"))"], environment: environment)
    }

    @Test func aNewArchiveIsMigratedInWALModeAndPrivateToItsOwner() throws {
        let path = dir.file("a.sqlite")
        let store = try SQLiteArchiveStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        #expect(try store.journalMode() == "wal")
        #expect(try store.integrityCheck() == ["ok"])
        _ = try D.creator(store).store(D.draft("x"))
        for file in [path, path + "-wal", path + "-shm"] {
            let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func aWiderModeIsNarrowedWhenTheArchiveIsOpened() throws {
        let path = dir.file("wide.sqlite")
        _ = try SQLiteArchiveStore(path: path)
        chmod(path, 0o644)
        _ = try SQLiteArchiveStore(path: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aRoundOneArchiveIsUpgradedWithItsDataAndAuditCarriedOver() throws {
        let path = dir.file("v1.sqlite")
        try FileManager.default.copyItem(atPath: Repository.fixture("archives/round-one-v1.sqlite"), toPath: path)
        let archive = try D.creator(try SQLiteArchiveStore(path: path))
        let call = try #require(try archive.listCalls().first)
        #expect(call.suggestedPrimary == "itching" && call.suggestedDisposition == .attendSoon)
        #expect(try archive.statistics(StatsQuery(dimensions: [.week])).rows.map(\.keys) == [["2026-W01"]]) // 1 January 2026: week 1
        let rows = try archive.auditEntries()
        #expect(rows.prefix(2).map(\.actor) == ["roundone", "roundone"])
        #expect(rows.map(\.action) == ["ingest", "decide", "create-archive"])
        #expect(try archive.verifyAudit() == nil) // the rows written before the chain are chained as they stood
    }

    @Test func aRoundTwoArchiveGetsUsersAndAChainedAudit() throws {
        let path = dir.file("v3.sqlite")
        try FileManager.default.copyItem(atPath: Repository.fixture("archives/round-two-v3.sqlite"), toPath: path)
        let store = try SQLiteArchiveStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        let archive = try D.creator(store)
        #expect(try archive.latestDecision(ofCall: 1)?.disposition == .attendNow)
        // The decision made before migration 006 is set beside the suggestion it was made against, for quality.
        #expect(try archive.quality(QualityQuery()).map(\.decided) == [1])
        #expect(try archive.users().map(\.name) == ["anna"])
        #expect(try archive.verifyAudit() == nil)
    }

    @Test func anArchiveFromBeforeReplaysMarksTheLiveCallsPlayedFromAFileAsReplays() throws {
        let path = dir.file("v6.sqlite")
        let archive = try D.creator(try SQLiteArchiveStore(path: path))
        var replayed = D.draft("demo-replay"), real = D.draft("real-live")
        replayed.metadataJSON = D.liveMetadataJSON(device: "file:Recordings/da04-groent-vand.flac")
        real.metadataJSON = D.liveMetadataJSON(device: "alsa_input.usb-headset")
        let (replayID, realID) = (try archive.store(replayed).callID, try archive.store(real).callID)
        for id in [replayID, realID] { _ = try archive.store(D.assessment(id, ["labour_contractions"], .attendNow)) }
        let undone = try Self.sqlite3("undo-migration-007.sql", on: path)
        #expect(undone.status == 0, "\(undone.output)")

        let store = try SQLiteArchiveStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        let upgraded = try D.creator(store)
        #expect(try upgraded.call(id: replayID)?.metadata.replayOf == ReplaySource(path: "Recordings/da04-groent-vand.flac"))
        #expect(try upgraded.call(id: realID)?.metadata.replayOf == nil)
        #expect(try upgraded.statistics(StatsQuery(dimensions: [.language])).total == 1)
        #expect(try upgraded.statistics(StatsQuery(dimensions: [.language], filter: StatsFilter(includeReplays: true))).total == 2)
        #expect(try upgraded.verifyAudit() == nil)
    }

    @Test func theAuditLogRefusesUpdatesAndDeletions() throws {
        let path = dir.file("append-only.sqlite")
        let archive = try D.creator(try SQLiteArchiveStore(path: path))
        _ = try archive.store(D.draft("a"))
        for script in ["update-row.sql", "delete-row.sql"] {
            let run = try Self.sqlite3(script, on: path)
            #expect(run.status != 0 && run.output.contains("the audit log is append-only"), "\(script): \(run.output)")
        }
        #expect(try archive.verifyAudit() == nil)
    }

    @Test(arguments: [("edit-row.sql", "audit row 3: its content was changed after it was written"),
                      ("remove-row.sql", "audit row 4: row 3 was deleted before it"),
                      ("remove-last-row.sql", "audit row 5: row 5 was deleted"),
                      ("insert-row.sql", "audit row 6: it was inserted outside triage (the newest row triage wrote is 5)")])
    func verifyNamesTheFirstRowTamperedWithOutsideTriage(_ script: String, _ expected: String) throws {
        let path = dir.file("tamper-\(script).sqlite")
        let archive = try D.creator(try SQLiteArchiveStore(path: path))
        for sha in ["a", "b", "c", "d"] { _ = try archive.store(D.draft(sha)) } // rows 1 (create) to 5
        #expect(try archive.verifyAudit() == nil)
        let run = try Self.sqlite3(script, on: path)
        #expect(run.status == 0, "\(script): \(run.output)")
        #expect(try archive.verifyAudit()?.description == expected)
    }

    @Test func aLockedDatabaseGivesAClearError() throws {
        let path = dir.file("locked.sqlite")
        let archive = try D.creator(try SQLiteArchiveStore(path: path))
        let waiting = try D.creator(try SQLiteArchiveStore(path: path, busyTimeout: 0.2), role: .researcher)
        let holder = try Tools.holdWriteLock(on: path, readyFile: dir.file("ready"))
        defer { _ = Tools.wait(holder, timeout: 10) }
        do {
            _ = try waiting.store(D.draft("dd"))
            Issue.record("stored while locked")
        } catch let error as ArchiveError {
            guard case .locked = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description == "\(path): the database is locked by another process; try again when it has finished")
        }
        _ = Tools.wait(holder, timeout: 10)
        #expect(try archive.store(D.draft("dd")) == .inserted(1))
    }

    @Test func readOnlyAndUnopenableDatabasesGiveClearErrors() throws {
        let path = dir.file("ro.sqlite")
        _ = try D.creator(try SQLiteArchiveStore(path: path))
        let readOnly = try ArchiveSession(store: try SQLiteArchiveStore(path: path, readOnly: true), account: Account(name: "anna"),
                                          origin: "test", adoptFirstUser: false)
        do {
            _ = try readOnly.store(D.draft("ee"))
            Issue.record("stored into a read-only archive")
        } catch let error as ArchiveError {
            guard case .readOnly = error else { Issue.record("unexpected \(error)"); return }
        }
        #expect(throws: ArchiveError.self) { try SQLiteArchiveStore(path: dir.file("no/such/folder/x.sqlite")) }
        let garbage = try dir.write("garbage.sqlite", String(repeating: "not a database ", count: 200))
        do {
            _ = try SQLiteArchiveStore(path: garbage)
            Issue.record("opened garbage")
        } catch let error as ArchiveError {
            #expect(error.description == "\(garbage): not a triage database, or it is damaged")
        }
    }
}
