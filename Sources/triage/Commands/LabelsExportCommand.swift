import ArgumentParser
import Foundation
import Ingest
import Research

/// `triage labels export CALL… --format F --out PATH`: labels out to Praat, ELAN, Label Studio, Audacity or subtitles.
struct LabelsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write calls' labels as a TextGrid, EAF, Label Studio tasks, Audacity labels, WebVTT or SRT (researcher role).",
        discussion: HelpText.paragraphs("""
            One file per call (per call and annotator for audacity and srt, which name no annotator), or one file of
            tasks for labelstudio. --out names the file when the export is one file, else a folder (created if missing).
            What a format cannot hold (overlapping labels in one tier, a channel, a note's line breaks) is said on
            standard error. CPR and telephone numbers, e-mail addresses and listed first names in notes are written as
            keyed pseudonyms (see --pseudonym-key).
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var pseudonyms: PseudonymOptions

    @Argument(help: "The calls' ids (or --all).")
    var callIDs: [Int64] = []

    @Flag(name: .long, help: "Every call that has labels.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("\(LabelFormat.names).", valueName: "format"))
    var format: String

    @Option(name: .long, help: ArgumentHelp("The file or folder to write.", valueName: "path"))
    var out: String

    @Option(name: .long, help: "Only this annotator's labels.")
    var annotator: String?

    @Flag(name: .long, help: "labelstudio: write the labels as predictions (to pre-annotate), not annotations.")
    var predictions = false

    func run() throws {
        guard let format = LabelFormat(rawValue: format.lowercased()) else {
            throw CommandFailure(message: "unknown format '\(self.format)' (\(LabelFormat.names))", status: .usage)
        }
        guard all != !callIDs.isEmpty else {
            throw CommandFailure(message: "name the calls to export, or --all (not both)", status: .usage)
        }
        if predictions, format != .labelstudio { throw CommandFailure(message: "--predictions is for --format labelstudio", status: .usage) }
        let taxonomy = try taxonomyOptions.load()
        let session = try archive.open("labels export", requiring: .label)
        let pseudonymiser = try pseudonyms.load(taxonomy: try taxonomyOptions.locate())
        let bar = ConsoleProgressBar(unit: "calls")
        defer { bar.finish() }
        do {
            let outcome = try LabelExport.run(LabelExport.Request(callIDs: all ? [] : callIDs, format: format, out: out, annotator: annotator,
                                                                  asPredictions: predictions), taxonomy: taxonomy, session: session,
                                         pseudonymiser: pseudonymiser, progress: { bar.update(done: $0.done, total: $0.total, step: $0.step) })
            bar.finish()
            for notice in outcome.notices { Console.err("triage: \(notice)") }
            let files = outcome.files.count == 1 ? outcome.files[0] : "\(outcome.files.count) files in \(out)"
            Console.out("\(outcome.labels) labels of \(outcome.calls) calls written as \(format.rawValue): \(files)")
        } catch { throw CommandFailure(error) }
    }
}
