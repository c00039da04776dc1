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

    /// Ingests `items` (with their acoustic summaries) and classifies the calls that are new; returns each item's result
    /// and whether every new call with a transcript got its suggestion.
    @discardableResult
    func archive(_ items: [IngestItem], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, progress: any IngestProgress,
                 classify: Bool = true, features: Bool = true, using classifier: TriageClassifier? = nil) -> (results: [IngestResult], suggested: Bool) {
        let results = Ingestor(archive: store, jobs: jobs, features: features).ingest(items, progress: progress)
        let suggested = classify ? self.classify(results, using: classifier) : true
        return (results, suggested)
    }

    /// The classifier that suggests for new calls: the taxonomy and model the options name.
    func classifier() throws -> TriageClassifier {
        try (modelOptions ?? ModelOptions.parse([])).classifier(taxonomyOptions, archive: store)
    }

    /// Suggests reasons and a disposition for every newly archived call that has a transcript (with `classifier`, else
    /// the options' one); false when any could not be suggested (each is named on standard error).
    @discardableResult
    func classify(_ results: [IngestResult], using prepared: TriageClassifier? = nil) -> Bool {
        // New calls, and calls found already present that have no suggestion yet (a kill between archiving and
        // classifying, or an earlier failure): the rerun finishes them.
        var ids: [Int64] = []
        for result in results {
            switch result {
            case .archived(let id, _): ids.append(id)
            case .alreadyPresent(let id):
                do { if try store.latestAssessment(ofCall: id) == nil { ids.append(id) } } catch {
                    Console.err("error: call \(id): \(CommandFailure(error).message)")
                    return false
                }
            case .failed: break
            }
        }
        guard !ids.isEmpty else { return true }
        let classifier: TriageClassifier
        do { classifier = try prepared ?? self.classifier() } catch {
            Console.err("error: calls archived without suggestions: \(CommandFailure(error).message)")
            return false
        }
        let taxonomy = classifier.taxonomy
        let classification = ArchivedClassification(archive: store, classifier: classifier)
        var classified = 0, failed = false
        for id in ids {
            do { if try classification.classifyAndStore(callID: id) != nil { classified += 1 } } catch {
                Console.err("error: call \(id): \(CommandFailure(error).message)")
                failed = true
            }
        }
        if classified > 0 { Console.out("classified \(classified) call\(classified == 1 ? "" : "s") (\(taxonomy.versionTag), \(classifier.versionTag))") }
        return !failed
    }
}
