import Foundation
import TestSupport
import Testing

/// `triage train` writes a traceable model file, the same bytes for the same calls and seed, and classify
/// records the model that produced each assessment.
@Suite struct TrainCommandTests {
    @Test func trainingTwiceWithTheSameSeedWritesIdenticalFiles() throws {
        let dir = TemporaryDirectory("train")
        let lines = try String(contentsOfFile: Repository.fixture("devset/split/train.jsonl"), encoding: .utf8).split(separator: "\n").prefix(100)
        let gold = try dir.write("gold.jsonl", lines.joined(separator: "\n") + "\n")
        func train(_ out: String) throws -> CommandRun {
            try CommandRun.triage(["train", "--gold", gold, "--out", dir.file(out), "--seed", "3", "--folds", "2", "--iterations", "30"])
        }
        let a = try train("a.json"), b = try train("b.json")
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)")
        let first = try Data(contentsOf: URL(fileURLWithPath: dir.file("a.json")))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: dir.file("b.json")))))
        #expect(a.stdout.contains("2-fold cross-validation (seed 3)") && a.stdout.contains("macro-F1 ratio"))
        let model = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        for key in ["id", "taxonomy", "trainingSet", "seed", "hyperparameters", "crossValidation", "vocabulary", "classes"] {
            #expect(model[key] != nil, "\(key)")
        }
        // The model classifies, and every assessment names it.
        let call = try dir.write("call.jsonl", String(lines[0]) + "\n")
        let classified = try CommandRun.triage(["classify", "--batch", call, "--format", "jsonl", "--model", dir.file("a.json")])
        #expect(classified.status == 0, "\(classified.stderr)")
        let assessment = try #require(try JSONSerialization.jsonObject(with: Data(classified.stdout.utf8)) as? [String: Any])
        #expect((assessment["model_version"] as? String)?.hasSuffix("+\(model["id"] as? String ?? "?")") == true)
        let rules = try CommandRun.triage(["classify", "--batch", call, "--format", "jsonl", "--no-model"])
        #expect(rules.stdout.contains("\"model_version\":\"lexicon-rules-1.1\""))
    }

    @Test func badInputIsOneLineAndNoFile() throws {
        let dir = TemporaryDirectory("train-bad")
        let gold = try dir.write("gold.jsonl", "{\"id\": \"x\", \"turns\": []}\n")
        let run = try CommandRun.triage(["train", "--gold", gold, "--out", dir.file("m.json")])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("gold.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.json")))
        // A model id that no archive holds: one clear line, in a folder without an archive.
        let unknown = try CommandRun.triage(["classify", "--batch", gold, "--model", "reasons-000000000000"], in: dir.path)
        #expect(unknown.status == 1 && unknown.stderr.split(separator: "\n").count == 1, "\(unknown.stderr)")
        let broken = try dir.write("model.json", "{\"format\": \"nonsense\"}")
        let classify = try CommandRun.triage(["classify", "--batch", gold, "--model", broken])
        #expect(classify.status == 1 && classify.stderr.contains("model.json"))
    }
}
