import Archive
import ArgumentParser
import Foundation
import Ingest
import Research

/// `triage quality devcall CALL --output FILE`: an incident as a labelled development call, in the development set's
/// text format, labelled from the midwife's decision; the export is audited.
struct QualityDevCallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devcall",
        abstract: "Write an incident as a labelled development call (the development set's text format) to a file.",
        discussion: HelpText.paragraphs("""
            The header is the call's language and start, the labels are the midwife's reasons and disposition; add the red
            flags that hold (flags=…) before build_devset.py takes it. A new file by default; --append adds the call to an
            existing one (a voices file).
            """)
    )

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "The incident's call id (from 'triage quality incidents').")
    var callID: Int64

    @Option(name: .long, help: "The file to write.")
    var output: String

    @Option(name: .long, help: "The development call's id (default: inc-CALL).")
    var id: String?

    @Flag(name: .long, help: "Add to an existing file instead of writing a new one.")
    var append = false

    func run() throws {
        let session = try archive.open("quality devcall", requiring: .reviewIncidents)
        let text: String
        do {
            guard try session.qualityIncidents().contains(where: { $0.callID == callID }) else {
                throw CommandFailure(message: "\(session.address): call \(callID) is not an incident")
            }
            try session.require(.exportCalls)
            guard let call = try session.call(id: callID), let decision = try session.latestDecision(ofCall: callID) else {
                throw CommandFailure(message: "\(session.address): call \(callID) has no decision")
            }
            text = DevelopmentCallText.render(id: id ?? "inc-\(callID)", call: call, turns: try session.turns(ofCall: callID), decision: decision)
            try session.recordExport("incident as a development call: \(output)", callID: callID)
        } catch { throw CommandFailure(error) }
        let exists = FileManager.default.fileExists(atPath: output)
        if exists && !append { throw CommandFailure(message: "\(output): the file exists (--append adds the call to it)") }
        if !exists && append { throw CommandFailure(message: "\(output): no such file to append to") }
        do {
            if append {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(("\n" + text).utf8))
                try handle.close()
            } else {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .withoutOverwriting)
            }
        } catch { throw CommandFailure(message: "\(output): \(error.localizedDescription)") }
        Console.out("incident call \(callID) written to \(output) as a development call (\(id ?? "inc-\(callID)")); add its red flags before building the set")
    }
}
