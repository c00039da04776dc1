import Archive
import ArgumentParser
import Foundation
import Ingest
import TriageCore

/// `triage decide CALL`: the midwife's decision, stored beside the suggestion.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Store the midwife's decision on a call (reasons and disposition), beside the suggestion, never over it."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Argument(help: "The call's id.")
    var callID: Int64

    @Option(name: .long, help: "The disposition decided.")
    var disposition: String

    @Option(name: .long, help: "Reason codes, primary first, comma-separated (default: the suggestion's).")
    var reasons: String?

    @Option(name: .long, help: "A note.")
    var note: String?

    @Option(name: .long, help: "Why she decided otherwise than suggested: a code of the taxonomy's override_reasons (optional).")
    var overrideReason: String?

    @Option(name: .long, help: "Her own words for the override reason (with --override-reason).")
    var overrideText: String?

    func validate() throws {
        if overrideText != nil, overrideReason == nil { throw ValidationError("--override-text goes with --override-reason") }
    }

    func run() throws {
        let taxonomy = try taxonomyOptions.load()
        guard let chosen = Disposition(rawValue: disposition) else {
            throw CommandFailure(message: "unknown disposition '\(disposition)' (\(Disposition.allCases.map(\.rawValue).joined(separator: ", ")))", status: .usage)
        }
        let store = try archive.open("decide", requiring: .decide)
        do {
            let suggestion = try store.latestAssessment(ofCall: callID)
            let codes = reasons.map { $0.split(separator: ",").map { ReasonCode(rawValue: $0.trimmingCharacters(in: .whitespaces)) } }
                ?? suggestion?.record.reasons.map(\.code) ?? []
            for code in codes where taxonomy.reason(code) == nil {
                throw CommandFailure(message: "unknown reason '\(code)' in \(taxonomy.versionTag)", status: .usage)
            }
            let override = try overrideReason.map { try Self.overrideReason($0, taxonomy: taxonomy, chosen: chosen, reasons: codes, suggestion: suggestion?.record) }
            let text = overrideText.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            let id = try store.decide(DecisionRecord(callID: callID, assessmentID: suggestion?.id, taxonomyID: taxonomy.id,
                                                     taxonomyVersion: taxonomy.version, reasons: codes, disposition: chosen, note: note,
                                                     overrideReason: override, overrideText: text))
            Console.out("decision \(id) stored for call \(callID): \(disposition) · \(codes.map(\.rawValue).joined(separator: ", ")) (\(store.user.name))"
                + (override.map { " · override: \($0.rawValue)" } ?? ""))
        } catch { throw CommandFailure(error) }
    }

    /// The override reason's code, refused when the taxonomy has no such reason or the decision is the suggestion itself.
    static func overrideReason(_ text: String, taxonomy: Taxonomy, chosen: Disposition, reasons: [ReasonCode],
                               suggestion: AssessmentRecord?) throws -> OverrideReasonCode {
        let code = OverrideReasonCode(rawValue: text.trimmingCharacters(in: .whitespaces))
        guard taxonomy.overrideReason(code) != nil else {
            throw CommandFailure(message: "unknown override reason '\(code)' (\(taxonomy.overrideReasons.map(\.code.rawValue).joined(separator: ", ")))",
                                 status: .usage)
        }
        if let suggestion, suggestion.disposition == chosen, suggestion.primaryReason == reasons.first {
            throw CommandFailure(message: "an override reason goes with a decision other than the suggestion (\(chosen.rawValue), the same as suggested)",
                                 status: .usage)
        }
        return code
    }
}
