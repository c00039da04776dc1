import ArgumentParser
import Foundation
import Ingest
import Research

/// `triage export dataset --format F --out FOLDER`: the labelled calls as a training dataset, split by call.
struct ExportDatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Write the labelled calls as a Hugging Face audio folder, a Kaldi data directory or JSON lines, split train/dev/test (researcher role).",
        discussion: HelpText.paragraphs("""
            Calls are split by call, stratified by their primary label (the code labelled most, ties by code), the same
            way for the same --seed; split.json records the seed, the shares, the taxonomy, the program's version and
            which calls are in which split. Calls without a recording are left out of audiofolder and kaldi, each said
            on standard error. --out must be a new or empty folder; a failed export leaves none. Where a call's timed
            turns say a CPR or telephone number, an e-mail address or a listed first name, the dataset's copy of the
            recording has a 1 kHz tone over those turns (see --pseudonym-key).
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var pseudonyms: PseudonymOptions

    @Option(name: .long, help: ArgumentHelp("\(DatasetFormat.names).", valueName: "format"))
    var format: String

    @Option(name: .long, help: ArgumentHelp("The folder to write (new or empty).", valueName: "folder"))
    var out: String

    @Option(name: .long, help: "The seed of the split.")
    var seed: UInt64 = 0

    @Option(name: .long, help: ArgumentHelp("The shares of train, dev and test.", valueName: "train,dev,test"))
    var split: String = "0.8,0.1,0.1"

    func run() throws {
        guard let format = DatasetFormat(rawValue: format.lowercased()) else {
            throw CommandFailure(message: "unknown format '\(self.format)' (\(DatasetFormat.names))", status: .usage)
        }
        let fractions: SplitFractions
        switch SplitFractions.parse(split) {
        case .success(let parsed): fractions = parsed
        case .failure(let problem): throw CommandFailure(message: problem.description, status: .usage)
        }
        let taxonomy = try taxonomyOptions.load()
        let session = try archive.open("export dataset", requiring: .exportCalls)
        let pseudonymiser = try pseudonyms.load(taxonomy: try taxonomyOptions.locate())
        let bar = ConsoleProgressBar(unit: "calls")
        defer { bar.finish() }
        do {
            let outcome = try DatasetExport.run(DatasetExport.Request(format: format, out: out, seed: seed, fractions: fractions,
                                                                      triageVersion: VersionReport.program), taxonomy: taxonomy, session: session,
                                            pseudonymiser: pseudonymiser, progress: { bar.update(done: $0.done, total: $0.total, step: $0.step) })
            bar.finish()
            for notice in outcome.notices { Console.err("triage: \(notice)") }
            let m = outcome.manifest
            Console.out("\(m.train.count + m.dev.count + m.test.count) labelled calls written as \(format.rawValue) to \(out): "
                        + "train \(m.train.count), dev \(m.dev.count), test \(m.test.count) (seed \(seed))")
        } catch { throw CommandFailure(error) }
    }
}
