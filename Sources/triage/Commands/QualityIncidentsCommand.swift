import Archive
import ArgumentParser
import Foundation
import Ingest
import Reports
import Research
import TriageCore

/// `triage quality incidents`: the possible under-triages. A researcher sees each with the evidence the assistant used,
/// the words nearest to the decisive finding it missed, the midwife's override reason and the reviews; every other
/// role that reads statistics sees only their counts per week and per conclusion.
struct QualityIncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List the incidents with the assistant's evidence and what it missed (researcher), or count them.",
        discussion: HelpText.paragraphs("""
            An incident is a call the midwife decided two or more levels more urgently than suggested, or where the
            suggestion was to stay home and she decided attend now or 112. A researcher reads each one's evidence (reading
            the transcript is audited) and records a conclusion with triage quality review CALL --conclusion …; a
            coordinator sees the counts, small ones suppressed.
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Option(name: .long, help: "First day, YYYY-MM-DD.")
    var from: String?

    @Option(name: .long, help: "Last day, YYYY-MM-DD.")
    var to: String?

    @Flag(name: .long, help: "Only the incidents no researcher has reviewed yet.")
    var unreviewed = false

    @Option(name: .long, help: "text or json.")
    var format: ListingFormat = .text

    func run() throws {
        // Not read-only: a researcher's reading of the transcripts is audited.
        let session = try archive.open("quality incidents", requiring: .statistics)
        let incidents: [QualityIncident]
        do { incidents = try session.qualityIncidents(from: from, to: to).filter { !unreviewed || $0.conclusion == nil } } catch { throw CommandFailure(error) }
        guard session.may(.reviewIncidents) else {
            let report = QualityReport.make(rows: [], incidents: incidents, incidentAlarm: Int.max, drift: nil)
            Console.out(Self.counts(report, format: format), terminator: "")
            return
        }
        let taxonomy = try taxonomyOptions.load()
        let cases: [IncidentCase]
        do { cases = try incidents.map { try IncidentCase.make($0, archive: session, taxonomy: taxonomy) } } catch { throw CommandFailure(error) }
        switch format {
        case .json: Console.out(JSONValue.array(cases.map(Self.json)).rendered(pretty: true))
        case .text:
            if cases.isEmpty { Console.out("no incidents") }
            for c in cases { Console.out(Self.text(c), terminator: "") }
        }
    }

    /// The counts a role without the transcripts sees: per week and per conclusion, 1 to 4 as `<5`.
    static func counts(_ report: QualityReport, format: ListingFormat) -> String {
        func shown(_ n: Int) -> JSONValue { n == 0 || n >= SmallCellSuppression.threshold ? .integer(n) : .string("<5") }
        switch format {
        case .json:
            return JSONValue.object([
                ("per_week", .array(report.incidentsPerWeek.map { .object([("week", .string($0.week)), ("count", shown($0.count))]) })),
                ("per_conclusion", .object(report.conclusions.map { ($0.conclusion, shown($0.count)) })),
            ]).rendered(pretty: true) + "\n"
        case .text:
            var lines = report.incidentsPerWeek.map { "\($0.week)  \(QualityWriter.small($0.count)) incidents" }
            lines.append("by conclusion: " + (report.conclusions.isEmpty ? "–" : report.conclusions.map { "\($0.conclusion) \(QualityWriter.small($0.count))" }
                .joined(separator: " · ")))
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func text(_ c: IncidentCase) -> String {
        let i = c.incident
        var lines = ["incident: call \(i.callID)  \(i.week)  suggested \(i.suggested) (\(i.suggestedReason ?? "–"), \(i.modelVersion))  decided \(i.decided)"
            + (c.decision?.overrideReason.map { "  override: \($0.rawValue)" + (c.decision?.overrideText.map { " (\($0))" } ?? "") } ?? "")]
        for u in c.used.prefix(6) { lines.append("  used    \(u.code): «\(u.text)»" + (u.turn.map { " (turn \($0))" } ?? "")) }
        if c.used.isEmpty { lines.append("  used    – (no words: the suggestion came from the record or the protocol's default)") }
        for m in c.missed {
            lines.append("  missed  \(m.finding) (red flag \(m.redFlag)): «\(m.match.words)» in turn \(m.match.turn), "
                + String(format: "%.2f", m.match.similarity) + " like «\(m.match.phrase)»")
        }
        for r in c.reviews {
            lines.append("  review  \(r.conclusion.rawValue) by \(r.reviewedBy) \(ISO8601DateFormatter().string(from: r.reviewedAt))" + (r.note.map { ": \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ c: IncidentCase) -> JSONValue {
        let i = c.incident
        return .object([
            ("call_id", .integer(Int(i.callID))), ("week", .string(i.week)), ("suggested", .string(i.suggested)), ("decided", .string(i.decided)),
            ("suggested_reason", .optionalString(i.suggestedReason)), ("model_version", .string(i.modelVersion)),
            ("override_reason", .optionalString(c.decision?.overrideReason?.rawValue)), ("override_text", .optionalString(c.decision?.overrideText)),
            ("used", .array(c.used.map { .object([("code", .string($0.code)), ("turn", .optionalInteger($0.turn)), ("text", .string($0.text))]) })),
            ("missed", .array(c.missed.map { m in
                .object([("red_flag", .string(m.redFlag)), ("finding", .string(m.finding)), ("words", .string(m.match.words)),
                         ("turn", .integer(m.match.turn)), ("phrase", .string(m.match.phrase)), ("similarity", .number(m.match.similarity))])
            })),
            ("conclusion", .optionalString(i.conclusion?.rawValue)),
            ("reviews", .array(c.reviews.map { r in
                .object([("conclusion", .string(r.conclusion.rawValue)), ("by", .string(r.reviewedBy)),
                         ("at", .string(ISO8601DateFormatter().string(from: r.reviewedAt))), ("note", .optionalString(r.note))])
            })),
        ])
    }
}
