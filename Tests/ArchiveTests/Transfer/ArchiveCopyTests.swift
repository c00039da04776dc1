import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// A workstation's archive moved to a department's server and back: every row with its id, the audit chain
/// verifying and ending where the source's does, and a second run writing nothing but its own audit row.
@Suite struct ArchiveCopyTests {
    let dir = TemporaryDirectory("archive-copy")
    typealias D = ContractData

    @Test func aWorkstationArchiveMovesToTheDepartmentAndBackWithNothingLost() throws {
        let workstation = try D.creator(try SQLiteArchiveStore(path: dir.file("desk.sqlite")))
        try PostgresArchiveStoreTests.fill(workstation)
        try workstation.setUser("bo", roles: [.coordinator])
        let model = ModelRecord(id: "reasons-1", taxonomy: "t@1", trainingSHA256: "abc", trainingCalls: 3, storedBy: "anna", metricsJSON: "{}",
                                modelJSON: Data([0, 1, 2, 255]))
        try workstation.store(model, activate: true)
        let labelled = try #require(try workstation.listCalls().first).id
        let label = try workstation.annotate(D.label(labelled, "itching"))
        _ = try workstation.revise(annotation: label, startMs: 10, endMs: 20, code: "bleeding") // one out of force, one in

        let department = try PostgresServer.shared.newDatabase("department")
        let report = try workstation.copy(to: department)
        #expect(report.complete, "\(report.tables.filter { !$0.matches }.map(\.name))")
        #expect(report.tables.first { $0.name == "calls" }?.rows == 60)

        let copy = try D.creator(try PostgresArchiveStore(address: department))
        #expect(try copy.listCalls() == workstation.listCalls())
        for call in try workstation.listCalls() {
            #expect(try copy.turns(ofCall: call.id) == workstation.turns(ofCall: call.id))
            #expect(try copy.latestAssessment(ofCall: call.id) == workstation.latestAssessment(ofCall: call.id))
            #expect(try copy.latestDecision(ofCall: call.id) == workstation.latestDecision(ofCall: call.id))
            #expect(try copy.annotations(ofCall: call.id) == workstation.annotations(ofCall: call.id))
        }
        #expect(try copy.activeModel() == workstation.activeModel())
        #expect(try copy.users() == workstation.users())
        #expect(try copy.statistics(StatsQuery(dimensions: [.reason, .week], source: .labelled)) == workstation.statistics(StatsQuery(dimensions: [.reason, .week], source: .labelled)))
        #expect(try copy.verifyAudit() == nil)
        // New rows in the copy continue after the copied ids.
        let next = try copy.store(D.draft("after-the-copy")).callID
        #expect(next > (try workstation.listCalls().map(\.id).max() ?? 0))

        // And back to a new workstation file, from the department's archive.
        let back = dir.file("back.sqlite")
        #expect(try copy.copy(to: back).complete)
        #expect(try D.creator(try SQLiteArchiveStore(path: back)).callCount() == 61)
    }

    @Test func aSecondRunWritesOnlyItsOwnAuditRow() throws {
        let source = try D.creator(try SQLiteArchiveStore(path: dir.file("twice.sqlite")))
        try PostgresArchiveStoreTests.fill(source)
        let target = try PostgresServer.shared.newDatabase("twice")
        #expect(try source.copy(to: target).complete)
        let again = try source.copy(to: target)
        #expect(again.complete)
        let written = Dictionary(again.tables.map { ($0.name, $0.written) }, uniquingKeysWith: +)
        #expect(written.filter { $0.value > 0 } == ["audit_log": 1, "audit_head": 1], "\(written)")
    }

    @Test func aDestinationHoldingAnotherArchiveIsRefused() throws {
        let source = try D.creator(try SQLiteArchiveStore(path: dir.file("mine.sqlite")))
        _ = try source.store(D.draft("mine"))
        let other = try PostgresServer.shared.newDatabase("other")
        _ = try D.creator(try PostgresArchiveStore(address: other)).store(D.draft("theirs"))
        let error = try #require(throws: ArchiveError.self) { try source.copy(to: other) }
        #expect("\(error)".contains("another archive"))
        #expect(try D.creator(try PostgresArchiveStore(address: other)).callCount() == 1)
        #expect(throws: ArchiveError.self) { try source.copy(to: source.address) }
    }

    @Test func onlyAnAdminCopies() throws {
        let store = try SQLiteArchiveStore(path: dir.file("roles.sqlite"))
        _ = try D.creator(store).store(D.draft("one"))
        let researcher = try D.session(store, "rita", roles: [.researcher])
        #expect(throws: AccessDenied.self) { try researcher.copy(to: dir.file("stolen.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("stolen.sqlite")))
    }
}
