import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// What only the department's store has to show: the same statistics as SQLite, desks racing on one archive, the
/// database's own grants and triggers, and changes announced to the other desks.
@Suite struct PostgresArchiveStoreTests {
    let dir = TemporaryDirectory("pg-store")
    typealias D = ContractData

    /// Stores the same varied calls, suggestions, decisions and labels in `archive`.
    static func fill(_ archive: ArchiveSession) throws {
        let reasons: [[ReasonCode]] = [["labour_contractions"], ["labour_contractions", "anxiety_reassurance"], ["rupture_of_membranes"],
                                       ["reduced_fetal_movements", "anxiety_reassurance"], ["vaginal_bleeding"], ["practical_question"]]
        let dispositions = Disposition.allCases
        for i in 0..<60 {
            let day = 1 + i % 27, hour = (i * 7) % 24
            let started = i % 11 == 0 ? nil : String(format: "2026-%02d-%02dT%02d:%02d:00", 1 + i % 4, day, hour, (i * 13) % 60)
            let caller: CallerType = i % 3 == 0 ? .partner : .pregnant
            var draft = D.draft("s\(i)", turns: i % 2 == 0 ? D.turns : [], started: started, language: i % 4 == 0 ? "en" : "da",
                                caller: caller, week: i % 9 == 0 ? nil : 20 + i % 23, durationMs: 20_000 + i * 17_000)
            if i % 8 == 3 { draft.metadata.replayOf = ReplaySource(path: "/calls/s\(i - 1).flac", sha256: "s\(i - 1)") } // some replays
            let id = try archive.store(draft).callID
            guard i % 7 != 6 else { continue } // some calls without a suggestion
            let suggestion = try archive.store(D.assessment(id, reasons[i % reasons.count], dispositions[i % dispositions.count]))
            if i % 3 != 0 {
                try archive.decide(D.decision(id, reasons[(i + 1) % reasons.count], dispositions[(i + 2) % dispositions.count], assessmentID: suggestion))
            }
            if i % 5 == 0 { _ = try archive.annotate(D.label(id, LabelCode(rawValue: reasons[(i + 2) % reasons.count][0].rawValue))) }
        }
    }

    @Test func answersEveryStatisticsQuestionAsSQLiteDoes() throws {
        let sqlite = try D.creator(try SQLiteArchiveStore(path: dir.file("same.sqlite")))
        let postgres = try D.creator(try PostgresArchiveStore(address: try PostgresServer.shared.newDatabase("same")))
        try Self.fill(sqlite)
        try Self.fill(postgres)
        var queries: [StatsQuery] = []
        let dimensions = StatsDimension.allCases
        for source in StatsSource.allCases {
            for first in dimensions {
                for second in [nil] + dimensions where second != first {
                    for allReasons in [false, true] {
                        queries.append(StatsQuery(dimensions: [first] + (second.map { [$0] } ?? []), source: source, allReasons: allReasons,
                                                  knownReasons: ["labour_contractions", "itching"]))
                    }
                }
            }
        }
        for filter in [StatsFilter(from: "2026-02-01", to: "2026-03-31"), StatsFilter(reason: "anxiety_reassurance"),
                       StatsFilter(disposition: "attend_now", language: "da"), StatsFilter(caller: "partner"),
                       StatsFilter(includeReplays: true), StatsFilter(reason: "anxiety_reassurance", includeReplays: true)] {
            queries.append(StatsQuery(dimensions: [.reason, .week], source: .confirmed, filter: filter, allReasons: true))
            queries.append(StatsQuery(dimensions: [.hour], filter: filter))
            queries.append(StatsQuery(dimensions: [.reason], source: .labelled, filter: StatsFilter(includeReplays: filter.includeReplays)))
            queries.append(StatsQuery(dimensions: [.reason], filter: StatsFilter(includeReplays: filter.includeReplays), allReasons: true))
        }
        var compared = 0
        for query in queries where (try? query.validate()) != nil {
            #expect(try postgres.statistics(query) == sqlite.statistics(query), "\(query.dimensions) \(query.source) \(query.filter)")
            compared += 1
        }
        #expect(compared > 250)
    }

    @Test func desksIngestingTheSameCallAtOnceStoreItOnce() throws {
        let address = try PostgresServer.shared.newDatabase("race")
        _ = try D.creator(try PostgresArchiveStore(address: address)) // the archive and its first user
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { desk in
            do {
                let session = try D.creator(try PostgresArchiveStore(address: address))
                for i in 0..<5 { outcomes.add(try session.store(D.draft("same-\(i)", turns: D.turns))) }
            } catch { outcomes.fail(error) }
        }
        #expect(outcomes.errors.isEmpty, "\(outcomes.errors)")
        #expect(outcomes.all.filter { if case .inserted = $0 { true } else { false } }.count == 5)
        let archive = try D.creator(try PostgresArchiveStore(address: address))
        #expect(try archive.callCount() == 5)
        #expect(try archive.verifyAudit() == nil)
    }

    @Test func aCoordinatorsDatabaseAccountCannotReadTranscripts() throws {
        let server = try PostgresServer.shared
        let database = try server.createDatabase("grants")
        let address = server.address(database: database)
        let admin = try D.creator(try PostgresArchiveStore(address: address))
        let id = try admin.store(D.draft("g1", turns: D.turns)).callID
        _ = try admin.store(D.assessment(id, ["rupture_of_membranes"], .attendSoon))
        let coordinator = "coord_\(database)", midwife = "mw_\(database)"
        try admin.setUser(coordinator, roles: [.coordinator])
        try admin.setUser(midwife, roles: [.midwife])

        // Through the product: the coordinator's statistics work, on the coordinator's own database account.
        let asCoordinator = try ArchiveSession(store: try PostgresArchiveStore(address: server.address(database: database, user: coordinator)),
                                               account: Account(name: coordinator), origin: "test")
        #expect(try asCoordinator.statistics(StatsQuery(dimensions: [.disposition])).total == 1)
        // Around the product, with psql: transcripts, paths and notes are refused by the database itself.
        for script in ["read-transcripts", "read-paths", "read-evidence", "read-audit-log"] {
            let refused = try server.psql(database: database, user: coordinator, script: script)
            #expect(refused.status != 0 && refused.output.contains("permission denied"), "\(script): \(refused.output)")
        }
        #expect(try server.psql(database: database, user: coordinator, script: "count-suggested-calls").output
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        #expect(try server.psql(database: database, user: midwife, script: "count-turns").status == 0)
        // A user removed from the archive loses the database's grants too.
        try admin.removeUser(midwife)
        #expect(try server.psql(database: database, user: midwife, script: "count-turns").status != 0)
    }

    @Test func anArchiveFromBeforeReplaysMarksTheLiveCallsPlayedFromAFileAsReplays() throws {
        let server = try PostgresServer.shared
        let database = try server.createDatabase("replays")
        let admin = try D.creator(try PostgresArchiveStore(address: server.address(database: database)))
        var replayed = D.draft("demo-replay"), real = D.draft("real-live")
        replayed.metadataJSON = D.liveMetadataJSON(device: "file:Recordings/da04-groent-vand.flac")
        real.metadataJSON = D.liveMetadataJSON(device: "alsa_input.usb-headset")
        let (replayID, realID) = (try admin.store(replayed).callID, try admin.store(real).callID)
        for id in [replayID, realID] { _ = try admin.store(D.assessment(id, ["labour_contractions"], .attendNow)) }
        let coordinator = "coord_\(database)"
        try admin.setUser(coordinator, roles: [.coordinator])
        let undone = try server.psql(database: database, script: "undo-migration-005")
        #expect(undone.status == 0, "\(undone.output)")

        let upgraded = try D.creator(try PostgresArchiveStore(address: server.address(database: database)))
        #expect(try upgraded.appliedMigrations().contains("pg-005-replays"))
        #expect(try upgraded.call(id: replayID)?.metadata.replayOf == ReplaySource(path: "Recordings/da04-groent-vand.flac"))
        #expect(try upgraded.call(id: realID)?.metadata.replayOf == nil)
        // The coordinator's own database account reads the mark (the migration's grant) and counts the real call alone.
        let asCoordinator = try ArchiveSession(store: try PostgresArchiveStore(address: server.address(database: database, user: coordinator)),
                                               account: Account(name: coordinator), origin: "test")
        #expect(try asCoordinator.statistics(StatsQuery(dimensions: [.reason], allReasons: true)).total == 1)
        #expect(try asCoordinator.statistics(StatsQuery(dimensions: [.disposition])).total == 1)
        #expect(try asCoordinator.statistics(StatsQuery(dimensions: [.disposition], filter: StatsFilter(includeReplays: true))).total == 2)
        #expect(try asCoordinator.quality(QualityQuery()).isEmpty)
    }

    @Test func theAuditLogIsAppendOnlyInTheDatabaseAndItsChainShowsTampering() throws {
        let server = try PostgresServer.shared
        let database = try server.createDatabase("audit")
        let archive = try D.creator(try PostgresArchiveStore(address: server.address(database: database)))
        _ = try archive.store(D.draft("a1", turns: D.turns))
        _ = try archive.store(D.draft("a2"))
        #expect(try archive.verifyAudit() == nil)
        // Even the owner (here the superuser) cannot change or remove a row without first disabling the triggers.
        for script in ["edit-audit-row", "delete-audit-row", "truncate-audit-log"] {
            let refused = try server.psql(database: database, script: script)
            #expect(refused.status != 0 && refused.output.contains("append-only"), "\(script): \(refused.output)")
        }
        let forced = try server.psql(database: database, script: "force-edit-audit-row")
        #expect(forced.status == 0, "\(forced.output)")
        #expect(try archive.verifyAudit()?.rowID == 2)
    }

    @Test func otherDesksHearOfACallAndADecisionWithinASecond() throws {
        let address = try PostgresServer.shared.newDatabase("desks")
        let deskA = try D.creator(try PostgresArchiveStore(address: address))
        let listener = try PostgresArchiveStore(address: address)
        let deskB = try D.creator(listener)
        try deskB.listenForChanges()
        let id = try deskA.store(D.draft("live", turns: D.turns)).callID
        let started = Date()
        let heard = try deskB.changes(waiting: 1)
        #expect(heard.contains(.call(id)) && Date().timeIntervalSince(started) < 1)
        try deskA.decide(D.decision(id, ["rupture_of_membranes"], .attendNow))
        #expect(try deskB.changes(waiting: 1).contains(.decision(callID: id)))
        #expect(try deskB.changes(waiting: 0.1).isEmpty)
        // A live call at desk A, before it is archived: heard at desk B within a second.
        let beat = Date()
        try deskA.putLiveCall(LiveCallRecord(desk: "desk-a", user: "anna", startedAt: beat, audioMs: 0, disposition: nil, primaryReason: nil))
        #expect(try deskB.changes(waiting: 1).contains(.live(desk: "desk-a")) && Date().timeIntervalSince(beat) < 1)
        #expect(try deskB.liveCalls().map(\.desk) == ["desk-a"])
    }

    @Test func aDeskCarriesOnWhenTheServerEndsItsConnection() throws {
        let server = try PostgresServer.shared
        let database = try server.createDatabase("restart")
        let store = try PostgresArchiveStore(address: server.address(database: database))
        let desk = try D.creator(store)
        try desk.listenForChanges()
        _ = try desk.store(D.draft("before"))
        // What a server restart or a fail-over does to every open connection.
        let ended = try server.psql(database: database, script: "end-other-connections")
        try #require(ended.status == 0, "\(ended.output)")
        _ = try desk.store(D.draft("after"))
        #expect(try desk.callCount() == 2)
        // It listens again: a change from another desk still reaches it.
        _ = try desk.changes(waiting: 0.2) // its own change, heard too
        let other = try D.creator(try PostgresArchiveStore(address: server.address(database: database)))
        let id = try other.store(D.draft("elsewhere")).callID
        var heard: [ArchiveChange] = []
        let deadline = Date().addingTimeInterval(1)
        while !heard.contains(.call(id)), Date() < deadline { heard += try desk.changes(waiting: 0.2) }
        #expect(heard.contains(.call(id)), "\(heard)")
    }

    @Test func anAddressWithAPasswordIsRefusedWithoutRepeatingIt() throws {
        let error = try #require(throws: ArchiveError.self) {
            try PostgresArchiveStore(address: "postgresql://anna:hemmelig@localhost/triage")
        }
        #expect("\(error)".contains("~/.pgpass") && !"\(error)".contains("hemmelig"))
        #expect(throws: ArchiveError.self) { try PostgresArchiveStore(address: "postgresql://localhost/") }
    }

    @Test func aServerThatDoesNotAnswerIsOneClearError() throws {
        let error = try #require(throws: ArchiveError.self) {
            try PostgresArchiveStore(address: "postgresql:///nowhere?host=\(dir.path)", busyTimeout: 1)
        }
        #expect("\(error)".hasPrefix("postgresql:///nowhere") && "\(error)".contains("cannot open"))
    }

    @Test func readOnlyRefusesAnArchiveItWouldHaveToMigrate() throws {
        let address = try PostgresServer.shared.newDatabase("readonly")
        #expect(throws: ArchiveError.self) { try PostgresArchiveStore(address: address, readOnly: true) }
        _ = try D.creator(try PostgresArchiveStore(address: address))
        let reader = try PostgresArchiveStore(address: address, readOnly: true)
        #expect(try reader.integrityCheck() == ["ok"])
        #expect(throws: ArchiveError.self) { try D.creator(reader).store(D.draft("nope")) }
    }
}

/// Outcomes gathered from several threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var all: [ArchiveOutcome] = []
    private(set) var errors: [String] = []
    func add(_ outcome: ArchiveOutcome) { lock.lock(); all.append(outcome); lock.unlock() }
    func fail(_ error: Error) { lock.lock(); errors.append("\(error)"); lock.unlock() }
}
