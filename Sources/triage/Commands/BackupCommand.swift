import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage backup --out FOLDER`: the archive and its recordings, in a new folder.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back the archive and its recordings up into a new folder.",
        discussion: HelpText.paragraphs("""
            The database as one consistent snapshot while the desks go on working (an SQLite file, or pg_dump's custom
            format for a PostgreSQL archive: restore it with pg_restore), every recording the archive refers to copied
            under its content hash after checking it is the one ingested, and manifest.json. Made in FOLDER.partial and
            renamed when whole. Needs the admin role.
            Exit status: 0 when everything was backed up, 1 when a recording was missing or changed (the rest is backed up).
            """)
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("The new folder for the backup.", valueName: "folder"))
    var out: String

    func run() throws {
        let session = try archive.open("backup", requiring: .audit)
        let report: ArchiveBackupReport
        do { report = try session.backup(to: out) } catch { throw CommandFailure(error) }
        Console.out("backed up \(session.address) into \(Console.printable(report.folder)): \(report.databaseFile), "
            + "\(report.recordings) recordings, manifest.json")
        for (path, problem) in report.missing { Console.err("warning: \(Console.printable(path)): \(problem); not in the backup") }
        if !report.missing.isEmpty {
            throw CommandFailure(message: "\(report.missing.count) recordings could not be backed up (named above)")
        }
    }
}
