import ArgumentParser
import Foundation
import Ingest
import Research

/// `triage agreement`: agreement between the annotators' labels, per reason and overall, per call and per 10 ms frame.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement between annotators: Cohen's kappa and Krippendorff's alpha per reason, per call and per 10 ms frame (researcher role).",
        discussion: HelpText.paragraphs("""
            A call counts for an annotator who put at least one label on it; for a reason her value is whether she gave
            it. Kappa needs exactly two annotators (over the calls both labelled); alpha takes any number, with missing
            labels. Overall takes every (call, reason) pair as one decision. The disagreements list the calls where
            annotators differ, and on which reasons.
            """)
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: "Only this reason.")
    var code: String?

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    func run() throws {
        guard ["text", "json"].contains(format) else { throw CommandFailure(message: "unknown format '\(format)' (text, json)", status: .usage) }
        let session = try archive.open("agreement", readOnly: true, requiring: .label)
        do {
            let report = AgreementReport(try AgreementReport.load(from: session), code: code)
            Console.out(format == "json" ? try AgreementWriter.json(report) : AgreementWriter.text(report), terminator: "")
        } catch { throw CommandFailure(error) }
    }
}
