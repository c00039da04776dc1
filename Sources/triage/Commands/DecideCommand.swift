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
            let id = try store.decide(DecisionRecord(callID: callID, assessmentID: suggestion?.id, taxonomyID: taxonomy.id,
                                                     taxonomyVersion: taxonomy.version, reasons: codes, disposition: chosen, note: note))
            Console.out("decision \(id) stored for call \(callID): \(disposition) · \(codes.map(\.rawValue).joined(separator: ", ")) (\(store.user.name))")
        } catch { throw CommandFailure(error) }
    }
}
