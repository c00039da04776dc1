import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage retention --older-than-days N`: the stored recordings of old calls deleted, their words and labels kept.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Delete the stored recordings of calls archived more than N days ago; their transcripts, decisions and labels stay.",
        discussion: HelpText.paragraphs("""
            Each removal is written to the audit log before the file goes, so a run cut off part-way is finished by the
            next, and 'triage verify' and the label screen say that the recording was removed under the policy rather
            than missing. The period comes from --older-than-days, else $TRIAGE_RETENTION_DAYS. --dry-run names what
            would go. Needs the admin role.
            """)
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .customLong("older-than-days"), help: ArgumentHelp("Remove recordings of calls archived more than this many days ago.", valueName: "days"))
    var days: Int?

    @Flag(name: .customLong("dry-run"), help: "Only say what would be removed.")
    var dryRun = false

    func run() throws {
        let configured = ProcessInfo.processInfo.environment["TRIAGE_RETENTION_DAYS"].flatMap(Int.init)
        guard let period = days ?? configured else {
            throw CommandFailure(message: "retention: give --older-than-days N (or set TRIAGE_RETENTION_DAYS)", status: .usage)
        }
        guard period >= 1 else { throw CommandFailure(message: "retention: --older-than-days must be 1 or more", status: .usage) }
        let session = try archive.open("retention", requiring: .audit)
        let result: RetentionResult
        do { result = try session.applyRetention(olderThanDays: period, dryRun: dryRun) } catch { throw CommandFailure(error) }
        let verb = dryRun ? "would remove" : "removed"
        Console.out("retention (\(period) days): \(verb) \(result.removed.count) recordings, kept \(result.kept)"
            + (result.removed.isEmpty ? "" : "; calls \(result.removed.prefix(20).map(String.init).joined(separator: ", "))\(result.removed.count > 20 ? " …" : "")"))
    }
}
