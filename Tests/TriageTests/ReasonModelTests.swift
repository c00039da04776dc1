import Foundation
import TestSupport
import Testing
import TriageCore
@testable import Triage

/// The trained reason model beside the rules: deterministic, traceable, and never below the rules.
@Suite struct ReasonModelTests {
    static let taxonomy = TriageClassifierTests.taxonomy

    /// Labelled calls of a development-set file.
    static func examples(_ file: String, limit: Int = .max) throws -> [ModelTrainer.Example] {
        let objects = try CallRecordJSON.objects(inFileAt: Repository.fixture("devset/\(file)")).prefix(limit)
        return try objects.map { line, object in
            let labels = try #require(object["labels"] as? [String: Any])
            let canonical = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return ModelTrainer.Example(input: try CallRecordJSON.input(from: object, line: line), labels: Labels(json: labels),
                                        canonical: String(decoding: canonical, as: UTF8.self))
        }
    }

    static func shippedModel() throws -> ReasonModel {
        try ModelLocator.load(URL(fileURLWithPath: "\(Repository.root)/\(ModelLocator.folderName)/\(ModelLocator.fileName)"))
    }

    @Test func trainingTwiceWithTheSameSeedGivesTheSameBytes() throws {
        let calls = try Self.examples("split/train.jsonl", limit: 120)
        var parameters = ReasonModel.Hyperparameters.standard
        parameters.folds = 3
        parameters.iterations = 40
        let a = try ModelTrainer(taxonomy: Self.taxonomy, hyperparameters: parameters, seed: 7).train(calls, sources: ["train"]).encoded()
        let b = try ModelTrainer(taxonomy: Self.taxonomy, hyperparameters: parameters, seed: 7).train(calls, sources: ["train"]).encoded()
        #expect(a == b)
        let model = try ReasonModel.decode(a, path: "m.json")
        #expect(model.id.hasPrefix("reasons-") && model.taxonomy == Self.taxonomy.versionTag)
        #expect(model.trainingSet.calls == 120 && model.trainingSet.sha256.count == 64)
        #expect(model.crossValidation?.folds == 3)
        #expect(model.crossValidation?.loweredDispositions == 0)
        // Another seed folds differently, so its cross-validation (and id) may differ, but it trains the same classes.
        let other = try ModelTrainer(taxonomy: Self.taxonomy, hyperparameters: parameters, seed: 8).train(calls, sources: ["train"])
        #expect(other.classes == model.classes)
    }

    @Test func theShippedModelIsCurrentAndNoWorseThanTheRulesInCrossValidation() throws {
        let model = try Self.shippedModel()
        #expect(model.taxonomy == Self.taxonomy.versionTag)
        let cv = try #require(model.crossValidation)
        #expect(cv.rulesWithModel.reasonMacroF1 >= cv.rules.reasonMacroF1)
        #expect(cv.rulesWithModel.redFlagRecall >= cv.rules.redFlagRecall)
        #expect(cv.loweredDispositions == 0)
        #expect(cv.rulesWithModel.stayHome <= cv.rules.stayHome)
        #expect(cv.rulesWithModel.underTriage <= cv.rules.underTriage)
        // Trained on the development set's train and dev parts as they are now (make model retrains it).
        var hashed = Data()
        for file in ["split/train.jsonl", "split/train-recogniser.jsonl", "split/dev.jsonl", "split/dev-recogniser.jsonl"] {
            for e in try Self.examples(file) { hashed.append(Data(e.canonical.utf8)); hashed.append(0x0A) }
        }
        #expect(model.trainingSet.sha256 == SHA256Digest.hex(hashed), "the development set changed: run make model")
    }

    /// The rules stay the floor: over every development call and its recogniser variant, the model never
    /// makes a disposition less urgent and never drops a red flag.
    @Test func theModelNeverLowersADispositionOnAnyDevelopmentCall() throws {
        let rules = TriageClassifier(taxonomy: Self.taxonomy)
        let withModel = try TriageClassifier(taxonomy: Self.taxonomy, model: Self.shippedModel())
        var checked = 0
        for file in ["devset.jsonl", "recogniser.jsonl"] {
            for e in try Self.examples(file) {
                let r = rules.classify(e.input), m = withModel.classify(e.input)
                #expect(!(r.disposition < m.disposition), "\(e.input.id): \(r.disposition) → \(m.disposition)")
                #expect(Set(r.redFlags.map(\.code)) == Set(m.redFlags.map(\.code)), "\(e.input.id)")
                #expect(m.modelVersion == withModel.versionTag)
                checked += 1
            }
        }
        #expect(checked >= 1200)
    }

    @Test func aModelForAnotherTaxonomyOrABrokenFileIsRefused() throws {
        var model = try Self.shippedModel()
        model.taxonomy = "someone-else@9.9.9"
        #expect(throws: ModelError.self) { try TriageClassifier(taxonomy: Self.taxonomy, model: model) }
        #expect(throws: ModelError.self) { try ReasonModel.decode(Data("{\"format\": 1}".utf8), path: "bad.json") }
        model.taxonomy = Self.taxonomy.versionTag
        model.urgentWeights = [1, 2]
        #expect(throws: ModelError.self) { try ReasonModel.decode(try model.encoded(), path: "short.json") }
    }
}
