import Archive
import ArgumentParser
import Foundation
import Ingest
import Pseudonymisation
import Reports
import TriageCore

/// `triage export fhir|dataset`: calls for the hospital record, or labelled calls as a training dataset.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export calls: fhir for the hospital record, dataset for training (researcher role).",
        subcommands: [ExportFHIRCommand.self, ExportDatasetCommand.self]
    )
}

/// `triage export fhir`: calls as a FHIR R4 Bundle for the hospital record.
struct ExportFHIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir",
        abstract: "Write calls as a FHIR R4 Bundle for the hospital record (Patient pseudonym, Encounter, Observations, Flags).",
        discussion: HelpText.paragraphs("""
            The reasons and disposition are the midwife's decision where there is one, else the assistant's suggestion.
            The patient and every resource are named by the keyed pseudonym of the recording (see --pseudonym-key),
            never by its hash, so holding the recording does not link it to the bundle.
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var pseudonyms: PseudonymOptions

    @Option(name: .long, help: "The calls to export (repeat, or comma-separated); default all.")
    var call: [String] = []

    @Option(name: .long, help: "Language of display texts: da or en.")
    var lang: String = "da"

    func run() throws {
        let store = try archive.open("export fhir", requiring: .exportCalls)
        let taxonomy = try taxonomyOptions.load()
        let pseudonymiser = try pseudonyms.load(taxonomy: try taxonomyOptions.locate())
        var ids = try call.flatMap { $0.split(separator: ",") }.map { text -> Int64 in
            guard let id = Int64(text) else { throw CommandFailure(message: "--call takes call ids, not '\(text)'", status: .usage) }
            return id
        }
        if ids.isEmpty { ids = try store.listCalls().map(\.id).sorted() }
        var items: [EncounterBundleWriter.Item] = []
        for id in ids {
            guard let c = try store.call(id: id) else { throw CommandFailure(message: "\(store.address): no call with id \(id)") }
            let suggestion = try store.latestAssessment(ofCall: id)?.record
            let decision = try store.latestDecision(ofCall: id)
            guard suggestion != nil || decision != nil else { continue }
            items.append(EncounterBundleWriter.Item(
                call: c, reasons: (decision?.reasons ?? suggestion?.reasons.map(\.code) ?? []).map(\.rawValue),
                disposition: (decision?.disposition ?? suggestion?.disposition ?? .infoOnly).rawValue,
                source: decision == nil ? "suggested" : "confirmed", assessmentJSON: suggestion?.resultJSON, decidedBy: decision?.decidedBy))
        }
        let bundle = EncounterBundleWriter.write(items, taxonomy: taxonomy, language: lang, pseudonymiser: pseudonymiser).rendered(pretty: true)
        do { try store.recordExport("FHIR bundle of \(items.count) calls", callIDs: items.map(\.call.id)) } catch { throw CommandFailure(error) }
        Console.out(bundle)
    }
}
