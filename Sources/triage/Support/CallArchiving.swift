import Archive
import Foundation
import Ingest
import Triage
import TriageCore

/// Archives files (with their sidecars) and suggests reasons for the new calls: what `ingest` does,
/// and what a finished or recovered recording goes through.
struct CallArchiving {
    /// The session that archives (its user is who ingested, in the audit log).
    let store: ArchiveSession
    let taxonomyOptions: TaxonomyOptions
    /// The reason model beside the rules, as the command's options say (`nil`: the defaults, as with no options).
    var modelOptions: ModelOptions? = nil

    /// Ingests `items` (with their acoustic summaries) and classifies the calls that are new; returns each item's result.
    func archive(_ items: [IngestItem], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, progress: any IngestProgress,
                 classify: Bool = true, features: Bool = true) -> [IngestResult] {
        let results = Ingestor(archive: store, jobs: jobs, features: features).ingest(items, progress: progress)
        if classify { self.classify(results) }
        return results
    }

    /// Suggests reasons and a disposition for every newly archived call that has a transcript.
    func classify(_ results: [IngestResult]) {
        let ids = results.compactMap { if case .archived(let id, _) = $0 { return id } else { return nil } }
        guard !ids.isEmpty else { return }
        let classifier: TriageClassifier
        do { classifier = try (modelOptions ?? ModelOptions.parse([])).classifier(taxonomyOptions, archive: store) } catch {
            Console.err("warning: calls archived without suggestions: \((error as? CommandFailure)?.message ?? "\(error)")")
            return
        }
        let taxonomy = classifier.taxonomy
        let classification = ArchivedClassification(archive: store, classifier: classifier)
        var classified = 0
        for id in ids {
            do { if try classification.classifyAndStore(callID: id) != nil { classified += 1 } } catch {
                Console.err("error: call \(id): \((error as? CommandFailure)?.message ?? "\(error)")")
            }
        }
        if classified > 0 { Console.out("classified \(classified) call\(classified == 1 ? "" : "s") (\(taxonomy.versionTag), \(classifier.versionTag))") }
    }
}
