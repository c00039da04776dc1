import ArgumentParser
import Foundation
import Ingest
import Triage
import TriageCore

/// `triage train`: fits the contact-reason model beside the rules from labelled calls, cross-validated.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the contact-reason model beside the rules from labelled calls, with k-fold cross-validation.",
        discussion: HelpText.paragraphs("""
            Reads answer keys as 'triage evaluate' does (--gold, repeatable) and writes a model file that records the
            training set's SHA-256, the taxonomy version, the features, the hyper-parameters, the seed and the
            cross-validated figures of the rules alone against the rules with the model. The same calls and seed
            write the same bytes. The rules stay the floor: the model ranks and adds reasons and never lowers a
            disposition.
            """)
    )

    @Option(name: .long, help: "An answer-key JSONL file of labelled calls (repeatable).")
    var gold: [String] = []

    @Option(name: .long, help: "Where to write the model file.")
    var out: String

    @Option(name: .long, help: "The seed of the cross-validation folds.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Folds of the cross-validation (0 skips it).")
    var folds: Int = ReasonModel.Hyperparameters.standard.folds

    @Option(name: .long, help: "L2 penalty per example.")
    var l2 = ReasonModel.Hyperparameters.standard.l2

    @Option(name: .long, help: "AdaGrad steps per classifier.")
    var iterations = ReasonModel.Hyperparameters.standard.iterations

    @Option(name: .customLong("min-count"), help: "Calls a feature must occur in to enter the vocabulary.")
    var minCount = ReasonModel.Hyperparameters.standard.minCount

    @Option(name: .customLong("add-threshold"), help: "Probability at which the model adds a reason the rules did not find.")
    var addThreshold = ReasonModel.Hyperparameters.standard.addThreshold

    @Option(name: .customLong("primary-margin"), help: "How much more probable the model's top reason must be to lead.")
    var primaryMargin = ReasonModel.Hyperparameters.standard.primaryMargin

    @Option(name: .customLong("urgent-threshold"), help: "Probability at which the model raises a call to attend_now (1: never).")
    var urgentThreshold = ReasonModel.Hyperparameters.standard.urgentThreshold

    @Flag(name: .long, help: "Also store the model in the archive (--db).")
    var store = false

    @Flag(name: .long, help: "Store the model and make it the one that classifies.")
    var activate = false

    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var archiveOptions: ArchiveOptions

    func validate() throws {
        if gold.isEmpty { throw ValidationError("name the labelled calls with --gold FILE") }
        if folds == 1 || folds < 0 { throw ValidationError("--folds takes 0 (none) or 2 and more") }
        if iterations < 1 || iterations > 100_000 { throw ValidationError("--iterations takes 1 to 100000") }
        if minCount < 1 { throw ValidationError("--min-count takes 1 and more") }
        if !(l2 >= 0 && l2.isFinite) { throw ValidationError("--l2 takes a number of 0 or more") }
        if !(0...1).contains(addThreshold) || !(0...1).contains(primaryMargin) || !(0...1).contains(urgentThreshold) {
            throw ValidationError("--add-threshold, --primary-margin and --urgent-threshold take 0 to 1")
        }
    }

    func run() throws {
        let taxonomy = try taxonomyOptions.load()
        let examples = try LabelledCalls.read(gold)
        guard !examples.isEmpty else { throw CommandFailure(message: "\(gold.joined(separator: ", ")): no labelled calls") }
        let hyperparameters = ReasonModel.Hyperparameters(l2: l2, iterations: iterations, learningRate: ReasonModel.Hyperparameters.standard.learningRate,
                                                          minCount: minCount, addThreshold: addThreshold, primaryMargin: primaryMargin,
                                                          urgentThreshold: urgentThreshold, folds: folds)
        let trainer = ModelTrainer(taxonomy: taxonomy, hyperparameters: hyperparameters, seed: seed)
        let model: ReasonModel
        do {
            model = try trainer.train(examples, sources: gold.map { ($0 as NSString).lastPathComponent }) { Console.err($0) }
        } catch { throw CommandFailure(message: "cannot encode the model: \(error)") }
        let data: Data
        do { data = try model.encoded() } catch { throw CommandFailure(message: "cannot encode the model: \(error)") }
        do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch { throw CommandFailure(message: "\(out): \(error.localizedDescription)") }
        Console.out("\(model.id): \(examples.count) calls, \(model.vocabulary.count) features, \(model.classes.count) reasons → \(out)")
        if store || activate {
            try ModelsCommand.store(file: out, in: try archiveOptions.open("train", requiring: .train), activate: activate)
        }
        if let cv = model.crossValidation {
            func line(_ name: String, _ f: ReasonModel.CrossValidation.Figures) -> String {
                name.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(format: "macro-F1 %.3f  micro-F1 %.3f  primary %.3f  disposition %.3f  red-flag recall %.3f  under %.3f  over %.3f  stay-home %d",
                             f.reasonMacroF1, f.reasonMicroF1, f.primaryAccuracy, f.dispositionAccuracy, f.redFlagRecall, f.underTriage, f.overTriage, f.stayHome)
            }
            Console.out("\(cv.folds)-fold cross-validation (seed \(seed)):")
            Console.out(line("rules alone", cv.rules))
            Console.out(line("rules + model", cv.rulesWithModel))
            Console.out(String(format: "macro-F1 ratio %.3f (rules + model / rules); dispositions lowered: %d",
                               cv.rulesWithModel.reasonMacroF1 / max(0.001, cv.rules.reasonMacroF1), cv.loweredDispositions))
        }
    }
}
