import ArgumentParser
import Foundation
import Ingest
import Research

/// `triage labels import FILE --format F --call ID [--annotator NAME]`: labels in from another tool, checked whole first.
struct LabelsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store the labels of a TextGrid, EAF, Label Studio, Audacity, WebVTT or SRT file on a call (researcher role).",
        discussion: HelpText.paragraphs("""
            The whole file is checked before anything is stored: an unknown code, a malformed file or a range that is
            not a time is one line naming the file and where, and nothing of the file is stored. Labels the call already
            holds are not stored again, so importing a file twice stores nothing the second time. The annotator is
            --annotator, else the file's (a tier, a voice, a Label Studio user or model version).
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Argument(help: "The label file.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("\(LabelFormat.names).", valueName: "format"))
    var format: String

    @Option(name: .long, help: "The call the labels are on (labelstudio: else each task's data.call_id).")
    var call: Int64?

    @Option(name: .long, help: "Whose labels they are (needed for audacity and srt, which name no annotator).")
    var annotator: String?

    func run() throws {
        guard let format = LabelFormat(rawValue: format.lowercased()) else {
            throw CommandFailure(message: "unknown format '\(self.format)' (\(LabelFormat.names))", status: .usage)
        }
        if call == nil, !format.holdsManyCalls { throw CommandFailure(message: "name the call the labels are on with --call", status: .usage) }
        let taxonomy = try taxonomyOptions.load()
        let session = try archive.open("labels import", requiring: .label)
        do {
            let outcome = try LabelImport.run(LabelImport.Request(path: file, format: format, callID: call, annotator: annotator),
                                              taxonomy: taxonomy, session: session)
            for notice in outcome.notices { Console.err("triage: \(notice)") }
            let calls = outcome.calls.map(String.init).joined(separator: ", ")
            Console.out("\(outcome.stored) labels stored, \(outcome.alreadyPresent) already present, on call\(outcome.calls.count == 1 ? "" : "s") \(calls.isEmpty ? "–" : calls)")
        } catch { throw CommandFailure(error) }
    }
}
