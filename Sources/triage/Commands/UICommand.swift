import ArgumentParser
import Foundation
import Ingest
import TerminalUI
import Triage

/// `triage` (or `triage ui`): the full-screen application for the midwife and the coordinator.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the full-screen application (the default): triage screen and statistics, keyboard only, Danish first."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Option(name: .long, help: "Who decides, stored with each decision (default: $USER).")
    var user: String?

    @Option(name: .long, help: "da or en.")
    var lang: String = "da"

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(message: "the application needs a terminal; for scripts use the subcommands (triage help)")
        }
        let store = try archive.open()
        let taxonomy = try taxonomyOptions.load()
        let model = try DeskModel(archive: store, taxonomy: taxonomy)
        let classification = ArchivedClassification(archive: store, classifier: TriageClassifier(taxonomy: taxonomy))
        let terminal = NcursesTerminal()
        // Whatever ends the program, the terminal is given back as it was.
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { _ in
                TerminalRestore.now()
                _exit(130)
            }
        }
        let app = TriageApp(model: model, terminal: terminal, clock: SystemClock(), user: user ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown",
                            reclassify: { _ = try classification.classifyAndStore(callID: $0) })
        if lang == "en" { _ = app.handle(.character("l")) }
        app.run()
    }
}
