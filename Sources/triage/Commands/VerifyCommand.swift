import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage verify`: every recording the archive refers to, read in full and checked against its hash.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every recording the archive refers to against its content hash.",
        discussion: HelpText.paragraphs("""
            Each call's recording must be in the archive's recording store (beside an SQLite archive, NAME.recordings;
            or $TRIAGE_RECORDINGS) with the bytes it was ingested with. Names every recording that is missing or
            damaged, and whether its original is still intact. --repair copies intact originals into the store.
            The audit log's own chain is checked by 'triage audit verify'. Needs the admin role.
            Exit status: 0 when every recording is there and intact, 1 when one is not (each named on stderr).
            """)
    )

    @OptionGroup var archive: ArchiveOptions

    @Flag(name: .long, help: "Copy a recording missing from the store (or damaged there) in from its original, when that is intact.")
    var repair = false

    func run() throws {
        let session = try archive.open("verify", requiring: .audit)
        let result: RecordingVerification
        do { result = try session.verifyRecordings(repair: repair) } catch { throw CommandFailure(error) }
        for problem in result.problems {
            Console.err("call \(problem.callID): \(Console.printable(problem.storePath)): \(problem.problem) (ingested from \(Console.printable(problem.originalPath)))")
        }
        let repaired = (result.repaired > 0 ? ", \(result.repaired) copied in from their originals" : "")
            + (result.retired > 0 ? ", \(result.retired) removed under the retention policy" : "")
        Console.out("verified \(result.checked) recordings in \(Console.printable(session.recordings.root))\(repaired): "
            + (result.problems.isEmpty ? "all intact" : "\(result.problems.count) missing or damaged"))
        if !result.problems.isEmpty { throw CommandFailure(message: "\(result.problems.count) recordings are missing or damaged (named above)") }
    }
}
