import Archive
import ArgumentParser
import Foundation
import Ingest
import Triage
import TriageCore

/// `triage ingest PATH…`: archive recordings and transcripts with their sidecars.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Archive call recordings and transcripts (files and folders, recursively).",
        discussion: """
            Audio in any format libsndfile reads; sidecars with the same base name are picked up:
            a transcript (.vtt, .srt, .TextGrid, .json, .txt) and metadata (.meta.json). A transcript
            can be ingested on its own. The same content twice is one call. Each call is one
            transaction: a bad file is reported on one line and nothing of it is stored.
            Exit status: 0 when every input was archived or already present, 1 when any failed.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: "Inputs prepared at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Who ingests, for the audit log (default: $USER).")
    var actor: String?

    @Flag(name: .long, help: "Archive only; do not suggest contact reasons for calls with transcripts.")
    var noClassify = false

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Argument(help: "Audio files, transcripts and folders to ingest.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one file or folder to ingest") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let plan = IngestDiscovery.plan(paths)
        for (path, reason) in plan.missing { Console.err("error: \(path): \(reason)") }
        let store = try archive.open()
        let ingestor = Ingestor(archive: store, actor: actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown",
                                jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if plan.items.isEmpty && plan.missing.isEmpty {
            Console.err("triage: no audio or transcript files found in \(paths.joined(separator: ", "))")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        let results = ingestor.ingest(plan.items, progress: ConsoleProgress())
        if !noClassify { classify(results, in: store) }
        let failed = results.contains { if case .failed = $0 { return true } else { return false } }
        if failed || !plan.missing.isEmpty { throw ExitCode(ExitStatus.failure.rawValue) }
    }

    /// Suggests reasons and a disposition for every newly archived call that has a transcript.
    private func classify(_ results: [IngestResult], in store: CallArchive) {
        let ids = results.compactMap { if case .archived(let id, _) = $0 { return id } else { return nil } }
        guard !ids.isEmpty else { return }
        let taxonomy: Taxonomy
        do { taxonomy = try taxonomyOptions.load() } catch {
            Console.err("warning: calls archived without suggestions: \((error as? CommandFailure)?.message ?? "\(error)")")
            return
        }
        let classification = ArchivedClassification(archive: store, classifier: TriageClassifier(taxonomy: taxonomy))
        var classified = 0
        for id in ids {
            do { if try classification.classifyAndStore(callID: id) != nil { classified += 1 } } catch {
                Console.err("error: call \(id): \((error as? CommandFailure)?.message ?? "\(error)")")
            }
        }
        if classified > 0 { Console.out("classified \(classified) call\(classified == 1 ? "" : "s") (\(taxonomy.versionTag), \(TriageClassifier.modelVersion))") }
    }
}
