import Archive
import ArgumentParser
import Foundation
import Ingest
import Triage
import TriageCore

/// `triage models`: the reason models stored in the archive, and which one classifies.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "The reason models stored in the archive: list, store, activate, export.",
        subcommands: [List.self, Store.self, Activate.self, Export.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored models, the active one marked *.")
        @OptionGroup var archiveOptions: ArchiveOptions

        func run() throws {
            let store = try archiveOptions.open("models list", readOnly: true)
            let models: [ModelRecord]
            do { models = try store.models() } catch { throw CommandFailure(error) }
            if models.isEmpty { Console.out("no models stored; train one with: triage train --gold FILE --out FILE --store"); return }
            for m in models {
                var cv = ""
                if let json = m.metricsJSON {
                    do {
                        let f = try JSONDecoder().decode(ReasonModel.CrossValidation.self, from: Data(json.utf8))
                        cv = String(format: "  macro-F1 %.3f (rules %.3f)", f.rulesWithModel.reasonMacroF1, f.rules.reasonMacroF1)
                    } catch { cv = "  (its figures cannot be read: \(error.localizedDescription))" }
                }
                Console.out("\(m.active ? "*" : " ") \(m.id)  \(m.taxonomy)  \(m.trainingCalls) calls  by \(m.storedBy)\(cv)")
            }
        }
    }

    struct Store: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store a model file in the archive.")
        @Argument(help: "The model file.") var file: String
        @Flag(name: .long, help: "Make it the model that classifies.") var activate = false
        @OptionGroup var archiveOptions: ArchiveOptions

        func run() throws {
            let store = try archiveOptions.open("models store", requiring: .train)
            try ModelsCommand.store(file: file, in: store, activate: activate)
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a stored model the one that classifies.")
        @Argument(help: "The model's id.") var id: String
        @OptionGroup var archiveOptions: ArchiveOptions

        func run() throws {
            let store = try archiveOptions.open("models activate", requiring: .activateModel)
            do { try store.activateModel(id: id) } catch { throw CommandFailure(error) }
            Console.out("\(id) is the active model")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a stored model to a file.")
        @Argument(help: "The model's id.") var id: String
        @Option(name: .long, help: "Where to write it.") var out: String
        @OptionGroup var archiveOptions: ArchiveOptions

        func run() throws {
            let store = try archiveOptions.open("models export", readOnly: true)
            let found: ModelRecord?
            do { found = try store.model(id: id) } catch { throw CommandFailure(error) }
            guard let record = found else { throw CommandFailure(message: "\(store.address): no model \(id) in the archive") }
            do { try record.modelJSON.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw CommandFailure(message: "\(out): \(error.localizedDescription)")
            }
        }
    }

    /// Reads a model file and stores it in the archive.
    static func store(file: String, in store: ArchiveSession, activate: Bool) throws {
        let model: ReasonModel
        let data: Data
        var metrics: String?
        do {
            model = try ModelLocator.load(URL(fileURLWithPath: file))
            data = try model.encoded()
            if let cv = model.crossValidation { metrics = String(decoding: try JSONEncoder().encode(cv), as: UTF8.self) }
        } catch { throw CommandFailure(error) }
        let record = ModelRecord(id: model.id, taxonomy: model.taxonomy, trainingSHA256: model.trainingSet.sha256, trainingCalls: model.trainingSet.calls,
                                 storedBy: store.user.name, metricsJSON: metrics, modelJSON: data)
        do { try store.store(record, activate: activate) } catch { throw CommandFailure(error) }
        Console.out("stored \(model.id) in \(store.address)\(activate ? " (active)" : "")")
    }
}
