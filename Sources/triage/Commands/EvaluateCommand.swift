import ArgumentParser
import Foundation
import Ingest
import Triage
import TriageCore

/// `triage evaluate`: how well the classifier (or a file of predictions) matches an answer key.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score predictions against an answer key: reasons, primary, disposition, red flags, facts.",
        discussion: """
            Gold lines are classify input lines plus "labels": {"reasons", "primary", "disposition", "red_flags",
            "facts", "denied"}. Without --pred, the built-in classifier predicts them. --gold may also name a folder
            of calls whose .meta.json carry "labels" (as Recordings/ does), read with their transcripts.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "The answer key (JSONL), or a folder of calls with answer keys in their .meta.json.")
    var gold: String

    @Option(name: .long, help: "Predictions as 'triage classify --format jsonl' writes them (default: classify now).")
    var pred: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() throws {
        var isFolder: ObjCBool = false
        let goldObjects: [(line: Int, object: [String: Any])]
        if FileManager.default.fileExists(atPath: gold, isDirectory: &isFolder), isFolder.boolValue {
            goldObjects = try AnswerKeyFolder.objects(in: gold)
        } else {
            do { goldObjects = try CallRecordJSON.objects(inFileAt: gold) } catch { throw CommandFailure(message: "\(gold): \(error)") }
        }
        var predictions: [String: Labels] = [:]
        if let pred {
            do {
                for (_, object) in try CallRecordJSON.objects(inFileAt: pred) {
                    if let id = object["id"].map({ "\($0)" }) { predictions[id] = Labels(prediction: object) }
                }
            } catch { throw CommandFailure(message: "\(pred): \(error)") }
        }
        let classifier = pred == nil ? TriageClassifier(taxonomy: try taxonomyOptions.load()) : nil
        var pairs: [Evaluator.Pair] = []
        for (line, object) in goldObjects {
            guard let labels = object["labels"] as? [String: Any] else { throw CommandFailure(message: "\(gold): line \(line): no \"labels\"") }
            let input: CallInput
            do { input = try CallRecordJSON.input(from: object, line: line) } catch { throw CommandFailure(message: "\(gold): \(error)") }
            let predicted: Labels
            var language = input.language ?? input.metadata.language
            if let classifier {
                let a = classifier.classify(input)
                predicted = Labels(a)
                language = language ?? a.language
            } else {
                guard let p = predictions[input.id] else { throw CommandFailure(message: "\(pred ?? ""): no prediction for call \(input.id)") }
                predicted = p
            }
            pairs.append(Evaluator.Pair(id: input.id, language: language ?? "da", gold: Labels(json: labels), predicted: predicted))
        }
        let report = Evaluator.evaluate(pairs)
        switch format {
        case .json: Console.out(EvaluationJSON.render(report).rendered(pretty: true))
        case .text: Console.out(EvaluationText.render(report), terminator: "")
        }
    }
}
