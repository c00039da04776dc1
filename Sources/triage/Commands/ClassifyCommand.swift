import ArgumentParser
import Foundation
import Ingest
import Language
import Triage
import TriageCore

/// `triage classify`: contact reasons, red flags and disposition of one call or a batch, with evidence.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Suggest contact reasons, red flags and disposition, with their evidence.",
        discussion: HelpText.paragraphs("""
            One call: --transcript FILE (any transcript format) with an optional --meta FILE (.meta.json).
            A batch: --batch IN.jsonl, one call per line ({"id", "started_at", "metadata", "turns": [{"speaker",
            "text", "start_ms", "end_ms"}]}), written as one JSON line per call with --format jsonl.
            """)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

    @Option(name: .long, help: "A transcript file (.vtt, .srt, .TextGrid, .json, .txt).")
    var transcript: String?

    @Option(name: .long, help: "The caller's record (.meta.json).")
    var meta: String?

    @Option(name: .long, help: "A JSONL file of calls to classify.")
    var batch: String?

    @Option(name: .long, help: "text, json or jsonl.")
    var format: Format?

    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        if (transcript == nil) == (batch == nil) { throw ValidationError("give either --transcript FILE or --batch IN.jsonl") }
        if meta != nil, batch != nil { throw ValidationError("--meta goes with --transcript") }
    }

    func run() throws {
        let classifier = try modelOptions.classifier(taxonomyOptions)
        let taxonomy = classifier.taxonomy
        if let batch {
            let objects: [(line: Int, object: [String: Any])]
            do { objects = try CallRecordJSON.objects(inFileAt: batch) } catch { throw CommandFailure(message: "\(batch): \(error)") }
            var failed = false
            for (line, object) in objects {
                do {
                    let assessment = classifier.classify(try CallRecordJSON.input(from: object, line: line))
                    switch format ?? .jsonl {
                    case .text: Console.out("== \(assessment.callID)\n" + AssessmentText.render(assessment, taxonomy: taxonomy))
                    case .json: Console.out(AssessmentJSON.render(assessment).rendered(pretty: true))
                    case .jsonl: Console.out(AssessmentJSON.render(assessment).rendered())
                    }
                } catch {
                    Console.err("error: \(batch): \(error)")
                    failed = true
                }
            }
            if failed { throw ExitCode(ExitStatus.failure.rawValue) }
            return
        }
        guard let transcript else { return }
        let turns: [Turn]
        do { turns = try TranscriptReader.read(fileAt: transcript).turns } catch { throw CommandFailure(error) }
        var metadata = CallMetadata()
        if let meta {
            do { metadata = try MetadataFile.read(fileAt: meta).metadata } catch { throw CommandFailure(error) }
        }
        let id = ((transcript as NSString).lastPathComponent as NSString).deletingPathExtension
        let assessment = classifier.classify(CallInput(id: id, startedAt: metadata.startedAt, metadata: metadata, turns: turns))
        switch format ?? .text {
        case .text: Console.out(AssessmentText.render(assessment, taxonomy: taxonomy), terminator: "")
        case .json: Console.out(AssessmentJSON.render(assessment).rendered(pretty: true))
        case .jsonl: Console.out(AssessmentJSON.render(assessment).rendered())
        }
    }
}
