import Foundation
import Ingest
import Triage

/// `triage --version`: the program's version, and the taxonomy and reason model it classifies with by default.
enum VersionReport {
    /// The program's own version.
    static let program = "0.3.0"

    static func lines() -> [String] {
        var lines = ["triage \(program)"]
        do {
            let options = try TaxonomyOptions.parse([])
            let url = try options.locate()
            let taxonomy = try options.load()
            lines.append("taxonomy \(taxonomy.versionTag) (\(url.path))")
            if let model = try ModelOptions.parse([]).load(taxonomy: taxonomy, taxonomyURL: url) {
                lines.append("model \(model.id) trained on \(model.trainingSet.calls) calls for \(model.taxonomy)")
            } else {
                lines.append("model none (the rules alone)")
            }
        } catch {
            lines.append("taxonomy not found: \(CommandFailure(error).message)")
        }
        return lines
    }
}
