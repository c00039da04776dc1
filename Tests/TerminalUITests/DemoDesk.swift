import Archive
import Foundation
import TestSupport
import TriageCore
@testable import TerminalUI

/// An archive of some demo calls (ingested by the real binary, without features) and the desk model over it.
enum DemoDesk {
    struct Failure: Error { var message: String }

    static func model(_ calls: [String], in dir: TemporaryDirectory) throws -> DeskModel {
        let db = dir.file("ui.sqlite")
        let run = try CommandRun.triage(["ingest", "--no-features", "--db", db] + calls.map { "\(Repository.root)/Recordings/\($0).flac" })
        guard run.status == 0 else { throw Failure(message: run.stderr) }
        return try DeskModel(archive: try CallArchive(path: db), taxonomy: try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy)))
    }
}
