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
        discussion: HelpText.paragraphs("""
            Audio in any format libsndfile reads, with each channel's acoustic summary (triage features
            --summary) stored beside it unless --no-features; sidecars with the same base name are picked up:
            a transcript (.vtt, .srt, .TextGrid, .json, .txt) and metadata (.meta.json). A transcript
            can be ingested on its own. The same content twice is one call. Each call is one
            transaction: a bad file is reported on one line and nothing of it is stored.
            Exit status: 0 when every input was archived or already present, 1 when any failed.
            """)
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: "Inputs prepared at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Archive only; do not suggest contact reasons for calls with transcripts.")
    var noClassify = false

    @Flag(name: .long, help: "Do not compute and store the recordings' acoustic summaries (faster).")
    var noFeatures = false

    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var modelOptions: ModelOptions

    @Argument(help: "Audio files, transcripts and folders to ingest.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one file or folder to ingest") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let plan = IngestDiscovery.plan(paths)
        for (path, reason) in plan.missing { Console.err("error: \(path): \(reason)") }
        let store = try archive.open("ingest", requiring: .ingest)
        let archiving = CallArchiving(store: store, taxonomyOptions: taxonomyOptions, modelOptions: modelOptions)
        RecordingRecoveryOnStart.run(folders: RecordingFolders(archivePath: archive.path), archiving: archiving)
        if plan.items.isEmpty && plan.missing.isEmpty {
            Console.err("triage: no audio or transcript files found in \(paths.joined(separator: ", "))")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        // A taxonomy or model that cannot be read stops the ingest before anything is archived without its suggestion.
        // Recordings without transcripts get no suggestion, so a batch of them needs neither, unless one was named.
        let named = taxonomyOptions.taxonomy != nil || modelOptions.model != nil
        let classify = !noClassify && (named || plan.items.contains { $0.transcriptPath != nil })
        let classifier = classify ? try archiving.classifier() : nil
        let (results, suggested) = archiving.archive(plan.items, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                                     progress: ConsoleProgress(), classify: classify, features: !noFeatures,
                                                     using: classifier)
        let failed = results.contains { if case .failed = $0 { return true } else { return false } }
        if failed || !suggested || !plan.missing.isEmpty { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}
