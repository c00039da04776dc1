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
        discussion: HelpText.paragraphs("""
            Gold lines are classify input lines plus "labels": {"reasons", "primary", "disposition", "red_flags",
            "facts", "denied"}. Without --pred, the classifier predicts them; with a model (the shipped one unless
            --no-model or another --model), the rules alone are scored on the same calls beside it. --gold may also
            name a folder of calls whose .meta.json carry "labels" (as Recordings/ does), read with their transcripts.
            --by prints every figure per subgroup with its count and marks a subgroup that does worse than all
            calls by more than --gap.
            """)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "The answer key (JSONL), or a folder of calls with answer keys in their .meta.json.")
    var gold: String

    @Option(name: .long, help: "Predictions as 'triage classify --format jsonl' writes them (default: classify now).")
    var pred: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Option(name: .long, parsing: .upToNextOption,
            help: "Figures per subgroup: \(Subgroup.allCases.map(\.rawValue).joined(separator: ", ")) (comma-separated or repeated).")
    var by: [String] = []

    @Option(name: .long, help: "A subgroup worse than all calls by more than this is marked as a gap.")
    var gap: Double = 0.05

    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var modelOptions: ModelOptions

    var divisions: [Subgroup] {
        var seen = Set<Subgroup>()
        return by.flatMap { $0.split(separator: ",") }.compactMap { Subgroup(rawValue: String($0)) }.filter { seen.insert($0).inserted }
    }

    func validate() throws {
        for name in by.flatMap({ $0.split(separator: ",") }) where Subgroup(rawValue: String(name)) == nil {
            throw ValidationError("--by: unknown subgroup '\(name)' (known: \(Subgroup.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if pred != nil, modelOptions.model != nil { throw ValidationError("--pred scores a file of predictions; --model classifies anew") }
    }

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
        let classifier = pred == nil ? try modelOptions.classifier(taxonomyOptions) : nil
        // With a model, the rules alone on the same calls, for the comparison.
        let rulesAlone = classifier?.model == nil ? nil : classifier.map { TriageClassifier(taxonomy: $0.taxonomy) }
        var pairs: [Evaluator.Pair] = []
        var rulesPairs: [Evaluator.Pair] = []
        for (line, object) in goldObjects {
            guard let labels = object["labels"] as? [String: Any] else { throw CommandFailure(message: "\(gold): line \(line): no \"labels\"") }
            let input: CallInput
            do { input = try CallRecordJSON.input(from: object, line: line) } catch { throw CommandFailure(message: "\(gold): \(error)") }
            let key = Labels(json: labels)
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
            let lang = language ?? "da"
            let groups = Dictionary(uniqueKeysWithValues: divisions.map { ($0.rawValue, $0.value(of: input, gold: key, language: lang)) })
            pairs.append(Evaluator.Pair(id: input.id, language: lang, gold: key, predicted: predicted, groups: groups))
            if let rulesAlone {
                rulesPairs.append(Evaluator.Pair(id: input.id, language: lang, gold: key, predicted: Labels(rulesAlone.classify(input)), groups: groups))
            }
        }
        let report = Evaluator.evaluate(pairs, by: divisions)
        let rulesReport = rulesAlone == nil ? nil : Evaluator.evaluate(rulesPairs, by: divisions)
        let modelName = classifier?.model?.id
        switch format {
        case .json:
            Console.out(EvaluationJSON.render(report, gap: gap, rulesAlone: rulesReport, model: modelName).rendered(pretty: true))
        case .text:
            if let rulesReport, let modelName {
                Console.out(EvaluationText.render(rulesReport, title: "rules alone", gap: gap), terminator: "")
                Console.out("")
                Console.out(EvaluationText.render(report, title: "rules + \(modelName)", gap: gap), terminator: "")
                Console.out("")
                Console.out(EvaluationText.comparison(rules: rulesReport, withModel: report))
            } else {
                Console.out(EvaluationText.render(report, gap: gap), terminator: "")
            }
        }
    }
}
