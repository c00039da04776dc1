import Archive
import ArgumentParser
import Foundation
import Ingest
import Pseudonymisation
import TriageCore

/// `triage labels`: a researcher's labels on the calls, from the command line (the label screen's, scripted).
struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Add, list, export or import research labels on a call's time ranges.",
        subcommands: [LabelsAddCommand.self, LabelsListCommand.self, LabelsExportCommand.self, LabelsImportCommand.self]
    )
}

/// `triage labels add CALL --code CODE --start-ms A --end-ms B`: one label, as this account's annotator.
struct LabelsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Label a time range of a call with a contact reason of the taxonomy, as your annotator name (researcher role)."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Argument(help: "The call's id.")
    var callID: Int64

    @Option(name: .long, help: "A contact reason code of the taxonomy.")
    var code: String

    @Option(name: .customLong("start-ms"), help: "Where the range starts, in ms from the call's start.")
    var startMs: Int

    @Option(name: .customLong("end-ms"), help: "Where it ends, in ms (after the start).")
    var endMs: Int

    @Option(name: .long, help: "The audio channel (0 the caller's, 1 the midwife's); default: the whole call.")
    var channel: Int?

    @Option(name: .long, help: "A note.")
    var note: String?

    func run() throws {
        let taxonomy = try taxonomyOptions.load()
        guard taxonomy.reason(ReasonCode(rawValue: code)) != nil else {
            throw CommandFailure(message: "unknown reason '\(code)' in \(taxonomy.versionTag)", status: .usage)
        }
        guard startMs >= 0, endMs > startMs else {
            throw CommandFailure(message: "the range must start at 0 ms or later and end after it starts (\(startMs)–\(endMs) ms)", status: .usage)
        }
        let store = try archive.open("labels", requiring: .label)
        do {
            let id = try store.annotate(AnnotationRecord(callID: callID, annotator: store.user.name, channel: channel, startMs: startMs, endMs: endMs,
                                                         code: LabelCode(rawValue: code), taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version,
                                                         note: note))
            Console.out("label \(id) stored on call \(callID): \(code) \(startMs)–\(endMs) ms (\(store.user.name))")
        } catch { throw CommandFailure(error) }
    }
}

/// `triage labels list CALL`: the call's labels, every annotator's, their notes pseudonymised (a researcher's view).
struct LabelsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a call's labels (researcher role).")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var pseudonyms: PseudonymOptions

    @Argument(help: "The call's id.")
    var callID: Int64

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    func run() throws {
        guard ["text", "json"].contains(format) else { throw CommandFailure(message: "unknown format '\(format)' (text, json)", status: .usage) }
        let store = try archive.open("labels", readOnly: true, requiring: .label)
        var labels: [AnnotationRecord]
        do { labels = try store.annotations(ofCall: callID) } catch { throw CommandFailure(error) }
        let mask = try pseudonyms.load(taxonomy: try taxonomyOptions.locate())
        for i in labels.indices { labels[i].note = mask.text(labels[i].note) }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            do { Console.out(String(decoding: try encoder.encode(labels), as: UTF8.self)) } catch { throw CommandFailure(error) }
            return
        }
        for label in labels {
            Console.out("\(label.id.map(String.init) ?? "–")  \(label.startMs)–\(label.endMs) ms  \(label.code.rawValue)  \(Console.printable(label.annotator))")
        }
        Console.out("\(labels.count) labels on call \(callID)")
    }
}
