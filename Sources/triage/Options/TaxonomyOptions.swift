import ArgumentParser
import Foundation
import TriageCore

/// `--taxonomy`: which taxonomy file a command uses.
struct TaxonomyOptions: ParsableArguments {
    @Option(name: .long, help: "The taxonomy file (default: $TRIAGE_TAXONOMY, else Taxonomy/taxonomy.yaml).")
    var taxonomy: String?

    /// The taxonomy file to use.
    func locate() throws -> URL {
        guard let url = TaxonomyLocator.locate(explicit: taxonomy) else {
            throw CommandFailure(message: "cannot find Taxonomy/\(TaxonomyLocator.fileName); name it with --taxonomy or $TRIAGE_TAXONOMY")
        }
        return url
    }

    /// Loads and validates the taxonomy, turning problems into a one-line message.
    func load() throws -> Taxonomy {
        let url = try locate()
        do { return try TaxonomyLoader.load(contentsOf: url) } catch {
            throw CommandFailure(error)
        }
    }
}
