import ArgumentParser
import Ingest

/// `triage recover`: finish and archive recordings a crash, a kill or a power cut left behind. The same
/// runs by itself when `ui`, `record` or `ingest` start.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Finish and archive recordings that were cut off (also done when ui, record and ingest start).",
        discussion: "Exit status: 0 when there was nothing to do or everything was recovered, 1 when something could not be."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() throws {
        let store = try archive.open("recover", requiring: .ingest)
        let folders = RecordingFolders(archivePath: archive.path)
        let archiving = CallArchiving(store: store, taxonomyOptions: taxonomyOptions)
        var failed = false
        let count = RecordingRecoveryOnStart.run(folders: folders, archiving: archiving) { message in
            if message.hasPrefix("warning") || message.hasSuffix("not yet archived") { failed = true }
            Console.err(message)
        }
        if count == 0 && !failed { Console.out("no cut-off recordings in \(folders.folder)") }
        if failed || !folders.journal.orphans().isEmpty { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}
