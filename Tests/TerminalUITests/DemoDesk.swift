import Archive
import Foundation
import Pseudonymisation
import TestSupport
import TriageCore
@testable import TerminalUI

/// An archive of some demo calls (ingested by the real binary, without features) and the desk model over it.
enum DemoDesk {
    struct Failure: Error { var message: String }

    /// The desk of `user` (by default midwife and researcher; added by the archive's creator, the account running the test);
    /// the calls in `replaying` are then played through the live path again (`record --from`, as the demo does).
    static func model(_ calls: [String], replaying: [String] = [], in dir: TemporaryDirectory, user: String = "AH",
                      roles: Set<Role> = [.midwife, .researcher], pseudonymiser: Pseudonymiser? = nil) throws -> DeskModel {
        let db = dir.file("ui.sqlite")
        let run = try CommandRun.triage(["ingest", "--no-features", "--db", db] + calls.map { "\(Repository.root)/Recordings/\($0).flac" })
        guard run.status == 0 else { throw Failure(message: run.stderr) }
        for call in replaying {
            let base = "\(Repository.root)/Recordings/\(call)"
            let replay = try CommandRun.triage(["record", "--db", db, "--from", base + ".flac", "--transcript-from", base + ".vtt",
                                                "--out", dir.file("replay-\(call).flac")])
            guard replay.status == 0 else { throw Failure(message: replay.stderr) }
        }
        try ArchiveSession.open(address: db, origin: "test").setUser(user, roles: roles)
        return try DeskModel(archive: try ArchiveSession.open(address: db, account: Account(name: user), origin: "ui"), taxonomy: try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy)),
                             pseudonymiser: pseudonymiser)
    }
}
