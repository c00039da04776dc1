import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage quality review CALL --conclusion …`: a researcher's conclusion on an incident, audited.
struct QualityReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a researcher's conclusion on an incident: assistant_error, transcript_error or midwife_judgement."
    )

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "The incident's call id (from 'triage quality incidents').")
    var callID: Int64

    @Option(name: .long, help: "assistant_error, transcript_error or midwife_judgement.")
    var conclusion: String

    @Option(name: .long, help: "The researcher's words.")
    var note: String?

    func validate() throws {
        guard IncidentConclusion(rawValue: conclusion) != nil else {
            throw ValidationError("--conclusion is \(IncidentConclusion.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let chosen = IncidentConclusion(rawValue: conclusion) else { throw CommandFailure(message: "unknown conclusion '\(conclusion)'", status: .usage) }
        let session = try archive.open("quality review", requiring: .reviewIncidents)
        let words = note.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            let id = try session.reviewIncident(IncidentReview(callID: callID, conclusion: chosen, note: words))
            Console.out("review \(id) stored for incident call \(callID): \(chosen.rawValue) (\(session.user.name))")
        } catch { throw CommandFailure(error) }
    }
}
