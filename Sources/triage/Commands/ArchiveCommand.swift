import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage archive`: the archive as a whole.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Move an archive from a workstation to a department's server (or back).",
        subcommands: [Copy.self]
    )

    /// `triage archive copy --from A --to B`.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a whole archive into another (an SQLite file or a postgresql:// database), ids and audit chain kept.",
            discussion: HelpText.paragraphs("""
                Copies calls (with the paths of their recordings), transcripts, features, suggestions, decisions, labels,
                models, users and the audit chain. Resumable and idempotent: run it again after an interruption and it
                finishes; run it after a complete copy and it writes only the audit row of that copy. At the end it compares every table's rows
                (count and digest) and verifies the destination's audit chain. The destination must be empty or an
                earlier copy of the same archive. Needs the admin role; the copy is audited in the source.
                Exit status: 0 when the destination holds exactly the source, 1 otherwise.
                """)
        )

        @Option(name: [.customLong("from"), .customLong("db")],
                help: ArgumentHelp("The archive to copy (--db says the same; default: $TRIAGE_DB, else ./triage.sqlite).", valueName: "archive"))
        var from: String?

        @Option(name: .long, help: ArgumentHelp("Where to copy it: an SQLite file or postgresql://[user@]host[:port]/dbname.", valueName: "archive"))
        var to: String

        @Option(name: .long, help: ArgumentHelp("Act in this one of your roles only.", valueName: "role"))
        var role: Role?

        func run() throws {
            // The source opens as every command's archive does (--from in the place of --db).
            let options = try ArchiveOptions.parse((from.map { ["--db", $0] } ?? []) + (role.map { ["--role", $0.rawValue] } ?? []))
            let source = try options.open("archive copy", requiring: .audit)
            let report: ArchiveCopyReport
            do {
                report = try source.copy(to: to) { table, done, total in
                    guard total > 0, done == total || done % 20_000 == 0 else { return }
                    Console.err("\(table): \(done)/\(total)")
                }
            } catch {
                throw CommandFailure(error)
            }
            for table in report.tables {
                Console.out("\(table.name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%9d", table.rows)) rows, "
                    + "\(table.written) written, \(table.matches ? "same as the source" : "DIFFERS from the source")")
            }
            Console.out("audit chain: \(report.auditIntact ? "verified, ends where the source's does" : "BROKEN or short")")
            guard report.complete else {
                throw CommandFailure(message: "\(report.destination): the copy is not complete; run the same command again to finish it")
            }
            Console.out("copied: \(report.destination) holds exactly \(source.address)")
        }
    }
}
