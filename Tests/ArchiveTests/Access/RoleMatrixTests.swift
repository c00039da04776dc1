import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// Every operation of the archive's door with every role: allowed exactly when `Permission` says so, refused
/// with `AccessDenied` (and nothing done) otherwise.
@Suite struct RoleMatrixTests {
    let dir = TemporaryDirectory("roles")
    typealias D = ContractData

    /// One operation per permission, on a call that exists.
    static let operations: [(Permission, @Sendable (ArchiveSession, Int64) throws -> Void)] = [
        (.ingest, { s, _ in _ = try s.store(D.draft(UUID().uuidString)) }),
        (.ingest, { s, id in try s.store(D.assessment(id, ["itching"], .attendSoon)) }),
        (.readCalls, { s, _ in _ = try s.listCalls() }),
        (.readCalls, { s, id in _ = try s.call(id: id) }),
        (.readCalls, { s, id in _ = try s.latestAssessment(ofCall: id) }),
        (.readCalls, { s, id in _ = try s.latestDecision(ofCall: id) }),
        (.readTranscripts, { s, id in _ = try s.turns(ofCall: id) }),
        (.readTranscripts, { s, _ in _ = try s.searchTranscripts("vandet") }),
        // The seed call's recording is nowhere on disk: an allowed role gets as far as finding it missing.
        (.readRecordings, { s, id in
            do { _ = try s.openRecording(ofCall: id) } catch ArchiveError.file(_, let problem) where problem.contains("recording is missing") {}
        }),
        (.readRecordings, { s, id in _ = try s.features(ofCall: id) }),
        (.decide, { s, id in try s.decide(D.decision(id, ["itching"], .selfCare)) }),
        // No such decision: an allowed role gets as far as being told so.
        (.decide, { s, id in do { try s.addOverrideReason("other", toDecision: 999_999, ofCall: id) } catch ArchiveError.notFound {} }),
        (.addNote, { s, id in try s.addNote(callID: id, text: "note") }),
        (.label, { s, id in _ = try s.annotate(D.label(id, "itching", by: s.user.name)) }),
        (.label, { s, id in _ = try s.annotations(ofCall: id) }),
        (.train, { s, _ in
            try s.store(ModelRecord(id: "reasons-\(UUID().uuidString.prefix(6))", taxonomy: "t@1", trainingSHA256: "x", trainingCalls: 1,
                                    storedBy: s.user.name, metricsJSON: nil, modelJSON: Data()), activate: false)
        }),
        (.activateModel, { s, _ in try s.activateModel(id: "reasons-base") }),
        (.useModel, { s, _ in _ = try s.activeModel() }),
        (.useModel, { s, _ in _ = try s.models() }),
        (.exportCalls, { s, id in try s.recordExport("one call", callID: id) }),
        (.reviewIncidents, { s, _ in _ = try s.incidentReviews() }),
        // The seed call is no incident: an allowed role gets as far as being told so.
        (.reviewIncidents, { s, id in
            do { try s.reviewIncident(IncidentReview(callID: id, conclusion: .assistantError)) } catch ArchiveError.notFound(let m) where m.contains("not an incident") {}
        }),
        (.statistics, { s, _ in _ = try s.statistics(StatsQuery(dimensions: [.reason])) }),
        (.statistics, { s, _ in _ = try s.quality(QualityQuery(split: .overrideReason)) }),
        (.statistics, { s, _ in _ = try s.qualityIncidents() }),
        (.statistics, { s, _ in _ = try s.confidenceDistribution() }),
        (.statistics, { s, _ in _ = try s.callCount() }),
        (.statistics, { s, _ in try s.recordExport("aggregate figures") }),
        (.manageUsers, { s, _ in _ = try s.users() }),
        (.manageUsers, { s, _ in try s.setUser("extra-\(UUID().uuidString.prefix(4))", roles: [.midwife]) }),
        (.audit, { s, _ in _ = try s.auditEntries() }),
        (.audit, { s, _ in _ = try s.verifyAudit() }),
        (.audit, { s, _ in _ = try s.integrityCheck() }),
    ]

    @Test(arguments: Role.allCases)
    func eachRoleMayDoExactlyWhatThePolicySays(_ role: Role) throws {
        let store = try SQLiteArchiveStore(path: dir.file("\(role).sqlite"))
        let admin = try D.creator(store)
        let id = try admin.store(D.draft("seed", turns: D.turns)).callID
        try admin.store(ModelRecord(id: "reasons-base", taxonomy: "t@1", trainingSHA256: "x", trainingCalls: 1, storedBy: "anna",
                                    metricsJSON: nil, modelJSON: Data()), activate: false)
        let session = try D.session(store, "user-\(role)", roles: [role])
        for permission in Permission.allCases {
            #expect(Self.operations.contains { $0.0 == permission }, "no operation tries \(permission)")
        }
        for (permission, operation) in Self.operations {
            let auditBefore = try admin.auditEntries().count
            if permission.roles.contains(role) {
                #expect(throws: Never.self, "\(role) may \(permission.activity)") { try operation(session, id) }
            } else {
                #expect(throws: AccessDenied.refused(user: "user-\(role)", roles: [role], permission: permission)) { try operation(session, id) }
                #expect(try admin.auditEntries().count == auditBefore, "a refused \(permission) left an audit row")
            }
        }
    }

    @Test func aCoordinatorGetsNoTranscriptNoteRecordingOrSingleCall() throws {
        let store = try SQLiteArchiveStore(path: dir.file("coordinator.sqlite"))
        let admin = try D.creator(store)
        let id = try admin.store(D.draft("c1", turns: D.turns)).callID
        try admin.addNote(callID: id, text: "CPR 010203-1234")
        let coordinator = try D.session(store, "carl", roles: [.coordinator])
        #expect(throws: AccessDenied.self) { try coordinator.turns(ofCall: id) }
        #expect(throws: AccessDenied.self) { try coordinator.call(id: id) }
        #expect(throws: AccessDenied.self) { try coordinator.listCalls() }
        #expect(throws: AccessDenied.self) { try coordinator.openRecording(ofCall: id) }
        #expect(throws: AccessDenied.self) { try coordinator.searchTranscripts("CPR") }
        #expect(throws: AccessDenied.self) { try coordinator.annotations(ofCall: id) }
        #expect(try coordinator.statistics(StatsQuery(dimensions: [.reason])).total == 0)
    }

    @Test func aMidwifeSeesTodaysCalls() throws {
        let store = try SQLiteArchiveStore(path: dir.file("midwife.sqlite"))
        let clock = ManualNow(Date(timeIntervalSince1970: 1_780_000_000))
        let admin = try ArchiveSession(store: store, account: Account(name: "anna"), origin: "test", clock: clock.read)
        _ = try admin.store(D.draft("yesterday"))
        clock.advance(by: 30 * 3600)
        _ = try admin.store(D.draft("today"))
        try admin.setUser("mia", roles: [.midwife])
        let midwife = try ArchiveSession(store: store, account: Account(name: "mia"), origin: "test", clock: clock.read)
        #expect(try midwife.listCalls().map(\.sha256) == ["today"])
        #expect(try admin.listCalls().count == 2) // a researcher sees them all
    }
}

/// A clock a test moves by hand.
final class ManualNow: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date
    init(_ start: Date) { now = start }
    var read: @Sendable () -> Date { { [self] in lock.withLock { now } } }
    func advance(by seconds: TimeInterval) { lock.withLock { now += seconds } }
}
