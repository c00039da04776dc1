import Archive
import ArgumentParser
import Foundation
import Ingest
import Triage
import TriageCore

/// Which trained reason model joins the rules, shared by every command that classifies.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A reason model: a file from 'triage train', or the id of one stored in the archive.",
                                            discussion: "Default: $TRIAGE_MODEL, else the archive's active model, else Models/reasons.json beside Taxonomy/."))
    var model: String?

    @Flag(name: .customLong("no-model"), help: "Classify by the rules alone.")
    var noModel = false

    func validate() throws {
        if noModel, model != nil { throw ValidationError("--model and --no-model exclude each other") }
    }

    /// The model to use, or `nil` for the rules alone: a named file or archive id, `$TRIAGE_MODEL`, the archive's
    /// active model, else the shipped one. A default trained for another taxonomy version is left out with a note;
    /// a named one is an error.
    func load(taxonomy: Taxonomy, taxonomyURL: URL, archive: ArchiveSession? = nil) throws -> ReasonModel? {
        guard !noModel else { return nil }
        let named = model ?? ProcessInfo.processInfo.environment["TRIAGE_MODEL"].flatMap { $0.isEmpty ? nil : $0 }
        let loaded: ReasonModel
        let source: String
        do {
            if let named, !FileManager.default.fileExists(atPath: named), named.hasPrefix("reasons-") {
                let store = try archive ?? ArchiveOptions.parse([]).open("model", readOnly: true)
                guard let record = try store.model(id: named) else { throw CommandFailure(message: "\(store.address): no model \(named) in the archive") }
                (loaded, source) = (try ReasonModel.decode(record.modelJSON, path: "\(store.address): \(named)"), "\(store.address): \(named)")
            } else if named == nil, let record = try archive?.activeModel() {
                (loaded, source) = (try ReasonModel.decode(record.modelJSON, path: record.id), "the archive's active model \(record.id)")
            } else if let url = ModelLocator.locate(explicit: named, taxonomyURL: taxonomyURL) {
                (loaded, source) = (try ModelLocator.load(url), url.path)
            } else {
                return nil
            }
        } catch let failure as CommandFailure { throw failure } catch { throw CommandFailure(error) }
        guard loaded.taxonomy == taxonomy.versionTag else {
            let problem = ModelError.wrongTaxonomy(model: loaded.taxonomy, taxonomy: taxonomy.versionTag)
            if named != nil { throw CommandFailure(message: "\(source): \(problem)") }
            Console.err("note: \(source): \(problem); classifying by the rules alone")
            return nil
        }
        return loaded
    }

    /// The classifier of `taxonomyOptions`' taxonomy with this model.
    func classifier(_ taxonomyOptions: TaxonomyOptions, archive: ArchiveSession? = nil) throws -> TriageClassifier {
        let url = try taxonomyOptions.locate()
        let taxonomy = try taxonomyOptions.load()
        let model = try load(taxonomy: taxonomy, taxonomyURL: url, archive: archive)
        do { return try TriageClassifier(taxonomy: taxonomy, model: model) } catch { throw CommandFailure(error) }
    }
}
