import Archive
import ArgumentParser
import Foundation
import Ingest
import Research

/// `triage synth --count N --seed S --out FOLDER`: synthetic calls for sharing, following the archive's aggregates.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write synthetic calls whose reasons, dispositions, hours, weekdays and facts follow the archive's statistics (researcher role).",
        discussion: HelpText.paragraphs("""
            The calls are sampled from the archive's aggregate statistics (replays left out), with every count under
            --min-cell suppressed as the statistics suppress them and then dropped, or merged with the other
            suppressed cells of its reason, so no small group of real calls is reproduced; the same --seed over the
            same archive gives the same files. Transcripts are written from the taxonomy's phrasing (its findings'
            words, fact questions and advice) in generic sentence patterns, and no line repeats a line of a real
            call. --out must be a new or empty folder and gets calls.jsonl (the call-record format classify --batch
            and evaluate --gold read), profile.json (the aggregates used and what was suppressed) and, with --audio,
            audio/ID.wav per call read by espeak-ng. A failure leaves no folder.
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Option(name: .long, help: ArgumentHelp("How many calls to write (1 to \(SyntheticCallGenerator.maximumCount)).", valueName: "n"))
    var count: Int

    @Option(name: .long, help: "The seed of the sampling.")
    var seed: UInt64 = 0

    @Option(name: .long, help: ArgumentHelp("The folder to write (new or empty).", valueName: "folder"))
    var out: String

    @Flag(name: .long, help: "Synthetic audio too: a WAV per call through espeak-ng (voices da, en).")
    var audio = false

    @Option(name: .long, help: ArgumentHelp("Suppress counts under this (5 or more).", valueName: "k"))
    var minCell: Int = SynthesisExport.smallestMinCell

    @Option(name: .long, help: ArgumentHelp("Whose reasons and dispositions: suggested or confirmed.", valueName: "source"))
    var source: String = StatsSource.suggested.rawValue

    func run() throws {
        guard let source = StatsSource(rawValue: source.lowercased()), source != .labelled else {
            throw CommandFailure(message: "unknown --source '\(self.source)' (suggested, confirmed)", status: .usage)
        }
        let request = SynthesisExport.Request(count: count, seed: seed, out: out, audio: audio, minCell: minCell, source: source)
        var withoutAudio = request
        withoutAudio.audio = false
        do { try SynthesisExport.check(withoutAudio, speech: nil) } catch { throw CommandFailure(message: "\(error)", status: .usage) }
        let speech = SpeechSynthesiser.locate()
        do { try SynthesisExport.check(request, speech: speech) } catch { throw CommandFailure(error) }
        let taxonomy = try taxonomyOptions.load()
        let session = try archive.open("synth", mustExist: true, requiring: .exportCalls)
        do {
            let outcome = try SynthesisExport.run(request, taxonomy: taxonomy, session: session, speech: speech)
            let profile = outcome.profile
            for line in profile.suppressionSummary { Console.err("triage: suppressed (under \(minCell)): \(line)") }
            Console.out("\(outcome.calls) synthetic calls written to \(out) from the aggregates of \(profile.calls) calls (seed \(seed))"
                        + (outcome.audioFiles > 0 ? ", with \(outcome.audioFiles) recordings" : ""))
        } catch { throw CommandFailure(error) }
    }
}
