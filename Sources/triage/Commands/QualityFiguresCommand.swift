import Archive
import ArgumentParser
import Foundation
import Ingest
import Reports

/// `triage quality [figures]`: how the suggestions fare against the midwives' decisions, week by week.
struct QualityFiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "The suggestions against the midwives' decisions per week or month, the incidents, and drift.",
        discussion: HelpText.paragraphs("""
            For each period (and --split value): the decided calls, and the share where the midwife confirmed the
            suggestion, chose more urgently (possible under-triage by the assistant) or less urgently (over-triage), with
            95 % Wilson intervals. Incidents are calls she decided two or more levels more urgently, or where the
            suggestion was to stay home and she decided attend now or 112; they are counted per week against
            --incident-alarm (--incidents lists their call ids; triage quality incidents shows a researcher each one's
            evidence). Drift: the population-stability index of each week's suggested reasons against the first --reference-weeks
            weeks (warning above 0.10, alarm above 0.25), and of the suggestions' confidence scores in ten bins against
            the same weeks and thresholds (--format csv --table confidence writes that distribution). Counts from 1 to 4
            are suppressed.
            Exit status: 0, or 4 when an incident or drift alarm is raised (for a scheduled job).
            """)
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: "week or month.")
    var period: String = "week"

    @Option(name: .long, help: "none, reason, disposition, taxonomy_version, model_version or override_reason.")
    var split: String = "none"

    @Option(name: .long, help: "First day, YYYY-MM-DD.")
    var from: String?

    @Option(name: .long, help: "Last day, YYYY-MM-DD.")
    var to: String?

    @Option(name: .long, help: "Incidents in a week that raise the alarm.")
    var incidentAlarm: Int = 3

    @Option(name: .long, help: "Weeks at the start that are the drift's reference.")
    var referenceWeeks: Int = 8

    @Flag(name: .long, help: "Count the replays of known calls too (the demo's live calls), left out by default.")
    var includeReplays = false

    @Flag(name: .long, help: "List the incidents' calls.")
    var incidents = false

    @Option(name: .long, help: "text, csv, json or fhir (a FHIR R4 MeasureReport).")
    var format: String = "text"

    @Option(name: .long, help: "With --format csv: figures (per period) or confidence (the weekly confidence distribution and its drift).")
    var table: String = "figures"

    func validate() throws {
        guard QualityQuery.Period(rawValue: period) != nil else { throw ValidationError("--period is week or month") }
        guard QualityQuery.Split(rawValue: split) != nil else {
            throw ValidationError("--split is none, reason, disposition, taxonomy_version, model_version or override_reason")
        }
        guard ["figures", "confidence"].contains(table) else { throw ValidationError("--table is figures or confidence") }
        guard ["text", "csv", "json", "fhir"].contains(format) else { throw ValidationError("--format is text, csv, json or fhir") }
        guard incidentAlarm >= 1, referenceWeeks >= 1 else { throw ValidationError("--incident-alarm and --reference-weeks are at least 1") }
    }

    func run() throws {
        let session = try archive.open("quality", readOnly: true, requiring: .statistics)
        let query = QualityQuery(period: QualityQuery.Period(rawValue: period) ?? .week, split: QualityQuery.Split(rawValue: split) ?? .none,
                                 from: from, to: to, includeReplays: includeReplays)
        let report: QualityReport
        let found: [QualityIncident]
        do {
            found = try session.qualityIncidents(from: from, to: to, includeReplays: includeReplays)
            let reasons = try session.statistics(StatsQuery(dimensions: [.week, .reason],
                                                            filter: StatsFilter(from: from, to: to, includeReplays: includeReplays)))
            let confidence = ConfidenceDrift.make(try session.confidenceDistribution(from: from, to: to, includeReplays: includeReplays),
                                                  referenceWeeks: referenceWeeks)
            report = QualityReport.make(rows: try session.quality(query), incidents: found, incidentAlarm: incidentAlarm,
                                        drift: DriftReport.make(weekByReason: reasons, referenceWeeks: referenceWeeks), confidence: confidence)
        } catch {
            throw CommandFailure(error)
        }
        switch format {
        case "csv": Console.out(table == "confidence" ? QualityWriter.confidenceCSV(report) : QualityWriter.csv(report), terminator: "")
        case "json": Console.out(try QualityWriter.json(report), terminator: "")
        case "fhir": Console.out(QualityMeasureReportWriter.write(report, period: from.map { ($0, to ?? $0) }).rendered(pretty: true))
        default:
            Console.out(QualityWriter.text(report, split: query.split), terminator: "")
            if incidents {
                Console.out("")
                for incident in found {
                    Console.out("incident: call \(incident.callID)  \(incident.week)  suggested \(incident.suggested) (\(incident.suggestedReason ?? "–"), "
                        + "\(incident.modelVersion))  decided \(incident.decided)")
                }
            }
        }
        if report.anyAlarm { throw ExitCode(4) }
    }
}
