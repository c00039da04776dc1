import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage restore FOLDER --db ARCHIVE`: a backup back into place, every hash checked first.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup made by 'triage backup', after checking every recording's hash.",
        discussion: HelpText.paragraphs("""
            Checks everything before it replaces anything: the manifest, every recording against its content hash, and
            the backed-up database (its integrity, its audit log's chain, and that you are an admin of it). Then the
            recordings go into the archive's recording store and the database into place: an SQLite file is written
            under a temporary name and renamed, and an archive already there is moved aside to
            ARCHIVE.before-restore-TIME (with --replace; never deleted); a PostgreSQL dump is restored into an empty
            database in one transaction. Stop the desks that use the archive first. The restored archive's audit log
            records the restore.
            """)
    )

    @Argument(help: ArgumentHelp("The backup folder.", valueName: "folder"))
    var folder: String

    @OptionGroup var archive: ArchiveOptions

    @Flag(name: .long, help: "Move an archive that is already there aside, and restore in its place.")
    var replace = false

    func run() throws {
        let report: ArchiveRestoreReport
        do { report = try ArchiveRestore.restore(from: folder, to: archive.path, replace: replace) } catch { throw CommandFailure(error) }
        if let aside = report.movedAside { Console.out("moved the archive that was there aside to \(Console.printable(aside))") }
        Console.out("restored \(Console.printable(report.address)) from \(Console.printable(folder)): \(report.calls) calls, \(report.recordings) recordings")
    }
}
