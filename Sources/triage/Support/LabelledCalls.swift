import Foundation
import Triage
import TriageCore

/// Labelled calls read from answer-key JSONL files (the development set's form), for training and evaluation.
enum LabelledCalls {
    /// Every call of `paths`, in order, with its labels and its canonical text for the training-set hash.
    static func read(_ paths: [String]) throws -> [ModelTrainer.Example] {
        var examples: [ModelTrainer.Example] = []
        for path in paths {
            let objects: [(line: Int, object: [String: Any])]
            do { objects = try CallRecordJSON.objects(inFileAt: path) } catch { throw CommandFailure(message: "\(path): \(error)") }
            for (line, object) in objects {
                guard let labels = object["labels"] as? [String: Any] else { throw CommandFailure(message: "\(path): line \(line): no \"labels\"") }
                let input: CallInput
                do { input = try CallRecordJSON.input(from: object, line: line) } catch { throw CommandFailure(message: "\(path): \(error)") }
                let canonical = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                examples.append(ModelTrainer.Example(input: input, labels: Labels(json: labels), canonical: String(decoding: canonical, as: UTF8.self)))
            }
        }
        return examples
    }
}
