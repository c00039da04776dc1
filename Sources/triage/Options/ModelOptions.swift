import ArgumentParser
import Foundation
import Ingest
import Triage
import TriageCore

/// Which trained reason model joins the rules, shared by every command that classifies.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "A reason model file from 'triage train' (default: $TRIAGE_MODEL, else Models/reasons.json beside Taxonomy/).")
    var model: String?

    @Flag(name: .customLong("no-model"), help: "Classify by the rules alone.")
    var noModel = false

    func validate() throws {
        if noModel, model != nil { throw ValidationError("--model and --no-model exclude each other") }
    }

    /// The model to use, or `nil` for the rules alone. A shipped model trained for another taxonomy version
    /// is left out with a note; a named one is an error.
    func load(taxonomy: Taxonomy, taxonomyURL: URL) throws -> ReasonModel? {
        guard !noModel, let url = ModelLocator.locate(explicit: model, taxonomyURL: taxonomyURL) else { return nil }
        let loaded: ReasonModel
        do { loaded = try ModelLocator.load(url) } catch { throw CommandFailure(message: "\(error)") }
        guard loaded.taxonomy == taxonomy.versionTag else {
            let problem = ModelError.wrongTaxonomy(model: loaded.taxonomy, taxonomy: taxonomy.versionTag)
            if model != nil || ProcessInfo.processInfo.environment["TRIAGE_MODEL"] != nil { throw CommandFailure(message: "\(url.path): \(problem)") }
            Console.err("note: \(url.path): \(problem); classifying by the rules alone")
            return nil
        }
        return loaded
    }

    /// The classifier of `taxonomyOptions`' taxonomy with this model.
    func classifier(_ taxonomyOptions: TaxonomyOptions) throws -> TriageClassifier {
        let url = try taxonomyOptions.locate()
        let taxonomy = try taxonomyOptions.load()
        do { return try TriageClassifier(taxonomy: taxonomy, model: try load(taxonomy: taxonomy, taxonomyURL: url)) } catch let e as CommandFailure {
            throw e
        } catch { throw CommandFailure(message: "\(error)") }
    }
}
