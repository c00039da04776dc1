import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage audit`: the archive's append-only audit log (the admin's work).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit log: who saw and changed what (list), and whether any row was tampered with (verify).",
        subcommands: [List.self, Verify.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List audit rows, oldest first.")
        @OptionGroup var archive: ArchiveOptions
        @Option(name: .long, help: "Only rows about this call.") var call: Int64?
        @Option(name: .long, help: "Only rows by this user.") var user: String?
        @Option(name: .long, help: "Only rows at or after this date (YYYY-MM-DD) or time (ISO 8601, UTC).") var since: String?
        @Option(name: .long, help: "text or json.") var format: ListingFormat = .text

        func validate() throws {
            if let since, LocalDateCheck.isValid(String(since.prefix(10))) == false {
                throw ValidationError("--since must be a date as YYYY-MM-DD, not '\(since)'")
            }
        }

        func run() throws {
            let session = try archive.open("audit list", readOnly: true, requiring: .audit)
            let rows: [AuditEntry]
            do { rows = try session.auditEntries(AuditFilter(callID: call, actor: user, since: since)) } catch { throw CommandFailure(error) }
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                do { Console.out(String(decoding: try encoder.encode(rows), as: UTF8.self)) } catch { throw CommandFailure(error) }
            case .text:
                var table = TextTable(columns: ["ID", "AT", "USER", "ROLES", "FROM", "ACTION", "CALL", "DETAIL"])
                for r in rows {
                    table.add([String(r.id), r.at, Console.printable(r.actor), r.roles, Console.printable(r.origin), Console.printable(r.action),
                               r.callID.map(String.init) ?? "–", Console.printable(r.detail)])
                }
                Console.out(table.rendered(), terminator: "")
                Console.out("\(rows.count) row\(rows.count == 1 ? "" : "s")")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's hash chain; name the first row edited, deleted or inserted outside triage.",
            discussion: "Exit status: 0 when every row is as written, 1 when the chain is broken."
        )
        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let session = try archive.open("audit verify", readOnly: true, requiring: .audit)
            let problem: AuditBreak?
            let rows: Int
            do {
                problem = try session.verifyAudit()
                rows = try session.auditEntries().count
            } catch { throw CommandFailure(error) }
            if let problem { throw CommandFailure(message: "\(session.address): \(problem)") }
            Console.out("\(session.address): the audit log's \(rows) rows are intact")
        }
    }
}
