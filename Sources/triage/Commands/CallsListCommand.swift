import TriageCore
import Archive
import ArgumentParser
import Foundation
import Ingest
import Pseudonymisation

/// `triage calls list`: one line (or JSON object) per archived call; outside the midwife's role, identifiers in the
/// files' names are keyed pseudonyms.
struct CallsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List archived calls, newest first.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var pseudonyms: PseudonymOptions

    @Option(name: .long, help: "text or json.")
    var format: ListingFormat = .text

    @Option(name: .long, help: "Show at most this many calls.")
    var limit: Int?

    func run() throws {
        let store = try archive.open("calls list", readOnly: true, requiring: .readCalls)
        var calls: [CallSummary]
        do { calls = try store.listCalls(limit: limit) } catch { throw CommandFailure(error) }
        if !store.may(.decide) {
            let mask = try pseudonyms.load(taxonomy: try taxonomyOptions.locate())
            for i in calls.indices { calls[i].path = mask.text(calls[i].path) }
        }
        switch format {
        case .json:
            let objects = calls.map { JSONValue.object(CallsListCommand.fields(of: $0)) }
            Console.out(JSONValue.array(objects).rendered(pretty: true))
        case .text:
            if calls.isEmpty { Console.out("No calls archived in \(store.address)."); return }
            var table = TextTable(columns: ["ID", "STARTED", "LENGTH", "LANG", "CALLER", "GA", "TURNS", "SUGGESTED", "DECIDED", "REPLAY OF", "FILE"])
            for c in calls {
                let ga = c.gestationalWeek.map { w in c.gestationalDays.map { "\(w)+\($0)" } ?? "\(w)" } ?? "–"
                table.add([String(c.id), c.startedAt.map { $0.replacingOccurrences(of: "T", with: " ").dropLast(3).description } ?? "–",
                           c.durationMs.map { Console.duration(ms: $0) } ?? "–", c.language?.rawValue ?? "–", c.callerType?.rawValue ?? "–", ga,
                           String(c.turns), c.suggestedDisposition?.rawValue ?? "–", c.confirmedDisposition?.rawValue ?? "–",
                           c.replayOf.map(Self.replayColumn) ?? "–", Console.printable(c.path)])
            }
            Console.out(table.rendered(), terminator: "")
            Console.out("\(calls.count) call\(calls.count == 1 ? "" : "s") in \(store.address)")
        }
    }

    /// The JSON fields of one call; absent values are `null`, never missing.
    static func fields(of c: CallSummary) -> [(String, JSONValue)] {
        [("id", .integer(Int(c.id))), ("sha256", .string(c.sha256)), ("path", .string(c.path)),
         ("duration_ms", .optionalInteger(c.durationMs)), ("sample_rate", .optionalInteger(c.sampleRate)),
         ("channels", .integer(c.channels)), ("started_at", .optionalString(c.startedAt)),
         ("language", .optionalString(c.language?.rawValue)), (FactName.caller.rawValue, .optionalString(c.callerType?.rawValue)),
         (FactName.gestationalWeek.rawValue, .optionalInteger(c.gestationalWeek)), (FactName.gestationalDays.rawValue, .optionalInteger(c.gestationalDays)),
         ("turns", .integer(c.turns)), ("suggested_primary", .optionalString(c.suggestedPrimary?.rawValue)),
         ("suggested_disposition", .optionalString(c.suggestedDisposition?.rawValue)),
         ("decided_disposition", .optionalString(c.confirmedDisposition?.rawValue)),
         ("replay_of", c.replayOf.map(replayJSON) ?? .null)]
    }

    /// A replay's source in the list: the source call's id, else the file's name.
    static func replayColumn(_ source: ReplaySource) -> String {
        source.callID.map { "call \($0)" } ?? Console.printable((source.path as NSString).lastPathComponent)
    }

    /// A replay's source as JSON: its path, content hash and archived call (each `null` when unknown).
    static func replayJSON(_ source: ReplaySource) -> JSONValue {
        .object([("path", .string(source.path)), ("sha256", .optionalString(source.sha256)),
                 ("call_id", source.callID.map { .integer(Int($0)) } ?? .null)])
    }
}
