import Archive
import Foundation
import TestSupport
import Testing

/// Every command that opens the archive, run with every role (`--role`): allowed exactly when the role's
/// permissions say so, else refused with one line and exit status 3, and nothing done. The account running the
/// test creates the archive and is given all four roles, so `--role` narrows it to one at a time. Both kinds of
/// archive: an SQLite file and a department's PostgreSQL database.
@Suite(.serialized) struct RoleMatrixCommandTests {
    let dir = TemporaryDirectory("role-matrix")
    let me = Account.current().name

    /// A command line, the permission it needs, and whether it changes the archive.
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var permission: Permission
        var testDescription: String { arguments.prefix(3).joined(separator: " ") }
    }

    static func cases(_ dir: String) -> [Case] {
        [
            Case(arguments: ["ingest", "--no-features", "\(Repository.root)/Recordings/da09-kloee.vtt"], permission: .ingest),
            Case(arguments: ["recover"], permission: .ingest),
            Case(arguments: ["calls", "list"], permission: .readCalls),
            Case(arguments: ["calls", "show", "1"], permission: .readCalls),
            Case(arguments: ["decide", "1", "--disposition", "attend_now"], permission: .decide),
            Case(arguments: ["stats", "--by", "disposition"], permission: .statistics),
            Case(arguments: ["stats", "--format", "fhir"], permission: .statistics),
            Case(arguments: ["report", "--out", "\(dir)/report.html"], permission: .statistics),
            Case(arguments: ["quality", "--format", "json"], permission: .statistics),
            Case(arguments: ["quality", "incidents"], permission: .statistics),
            Case(arguments: ["export", "fhir", "--call", "1"], permission: .exportCalls),
            Case(arguments: ["export", "dataset", "--format", "jsonl", "--out", "\(dir)/dataset"], permission: .exportCalls),
            Case(arguments: ["models", "list"], permission: .useModel),
            Case(arguments: ["models", "export", "reasons-base", "--out", "\(dir)/model.json"], permission: .useModel),
            Case(arguments: ["models", "store", "\(Repository.root)/Models/reasons.json"], permission: .train),
            Case(arguments: ["models", "activate", "reasons-base"], permission: .activateModel),
            Case(arguments: ["users", "list"], permission: .manageUsers),
            Case(arguments: ["users", "add", "newcomer", "--roles", "midwife"], permission: .manageUsers),
            Case(arguments: ["audit", "list"], permission: .audit),
            Case(arguments: ["audit", "verify"], permission: .audit),
            Case(arguments: ["archive", "copy", "--to", "\(dir)/copy.sqlite"], permission: .audit),
            Case(arguments: ["backup", "--out", "\(dir)/backup"], permission: .audit),
        ]
    }

    func triage(_ arguments: [String], db: String, role: Role? = nil) throws -> CommandRun {
        try CommandRun.triage(arguments + ["--db", db] + (role.map { ["--role", $0.rawValue] } ?? []))
    }

    @Test(arguments: ArchiveBackend.allCases)
    func everyCommandWithEveryRole(_ backend: ArchiveBackend) throws {
        let db = try backend.newArchive(in: dir, "roles")
        func triage(_ arguments: [String], role: Role? = nil) throws -> CommandRun { try self.triage(arguments, db: db, role: role) }
        let setup = try triage(["ingest", "--no-features", "\(Repository.root)/Recordings/da01-veer-foerstegang.vtt"])
        try #require(setup.status == 0, "\(setup.stderr)")
        try #require(try triage(["users", "role", me, "midwife,researcher,coordinator,admin"]).status == 0)
        // A stored model under a known id, for the model commands.
        let admin = try ArchiveSession.open(address: db, origin: "test")
        try admin.store(ModelRecord(id: "reasons-base", taxonomy: "t@1", trainingSHA256: "x", trainingCalls: 1, storedBy: me, metricsJSON: nil,
                                    modelJSON: try Data(contentsOf: URL(fileURLWithPath: "\(Repository.root)/Models/reasons.json"))), activate: false)
        for role in Role.allCases {
            for c in Self.cases(dir.path) {
                let before = try admin.auditEntries().count
                let run = try triage(c.arguments, role: role)
                let what = "\(c.arguments.joined(separator: " ")) as \(role)"
                if c.permission.roles.contains(role) {
                    #expect(run.status == 0, "\(what) was not done: \(run.stderr)")
                    #expect(!run.stderr.contains("refused"), "\(what): \(run.stderr)")
                } else {
                    #expect(run.status == 3, "\(what) was not refused (\(run.status)): \(run.stdout)\(run.stderr)")
                    #expect(run.stdout.isEmpty, "\(what) printed: \(run.stdout)")
                    #expect(run.stderr.hasPrefix("triage: refused: \(me) (\(role)) may not ") && run.stderr.split(separator: "\n").count == 1,
                            "\(what): \(run.stderr)")
                    #expect(try admin.auditEntries().count == before, "\(what) left an audit row")
                }
            }
        }
        #expect(try triage(["audit", "verify"]).status == 0)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func anAccountTheArchiveDoesNotKnowIsRefused(_ backend: ArchiveBackend) throws {
        let db = try backend.newArchive(in: dir, "strangers")
        func triage(_ arguments: [String], role: Role? = nil) throws -> CommandRun { try self.triage(arguments, db: db, role: role) }
        let setup = try triage(["ingest", "--no-features", "\(Repository.root)/Recordings/da01-veer-foerstegang.vtt"])
        try #require(setup.status == 0, "\(setup.stderr)")
        try #require(try triage(["users", "add", "stranger", "--roles", "admin"]).status == 0)
        try #require(try triage(["users", "remove", me]).status == 0)
        let run = try triage(["calls", "list"])
        #expect(run.status == 3)
        #expect(run.stderr == "triage: \(db): the account \(me) is not a user of this archive; an admin adds it with: triage users add \(me) --roles ROLE\n")
        #expect(try triage(["stats"]).status == 3)
    }
}
