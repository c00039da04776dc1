import Archive
import ArgumentParser
import Foundation
import Ingest
import Reports
import TriageCore

/// `triage stats`: contact-reason statistics for coordinators, small cells suppressed.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count calls by contact reason, disposition, hour, weekday, week, month, gestational age … with shares and 95 % CIs.",
        discussion: HelpText.paragraphs("""
            --by takes one or two keys: reason, disposition, hour, weekday, week, month, ga_band, first_baby, duration_band,
            language, caller (e.g. --by hour,weekday). A call counts once, under its primary reason, unless --all-reasons.
            Counts from 1 to 4 are shown as <5 and neighbouring cells are hidden so they cannot be worked out from
            the totals; --no-suppress shows them, for the local screen only.
            --format csv-da writes the CSV as Excel set to Danish reads it (semicolons, decimal commas).
            --format fhir writes a FHIR R4 MeasureReport by reason, stratified by hour and weekday.
            """)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, md, fhir
        case csvDanish = "csv-da"
    }

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var stats: StatsOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Option(name: .long, help: "Group by one or two keys, comma-separated.")
    var by: String = "reason"

    @Option(name: .long, help: "csv, csv-da (semicolons, decimal commas), json, md or fhir.")
    var format: Format = .csv

    @Flag(name: .long, help: "Count every reason of a call, not only the primary.")
    var allReasons = false

    @OptionGroup var suppression: SuppressionOptions

    @Flag(name: .long, help: "Add readable labels beside the codes (CSV).")
    var labels = false

    @Option(name: .long, help: "Language of labels: da or en.")
    var lang: String = "da"

    func validate() throws {
        for key in by.split(separator: ",") where StatsDimension(rawValue: String(key)) == nil {
            throw ValidationError("unknown --by key '\(key)' (keys: \(StatsDimension.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if format == .fhir, by != "reason" { throw ValidationError("--format fhir reports by reason (with hour and weekday strata); leave out --by") }
    }

    func run() throws {
        let store = try archive.open("stats", readOnly: true, requiring: .statistics)
        let taxonomy = try? taxonomyOptions.load()
        let suppress = suppression.suppress(what: "output")
        let known = taxonomy?.reasons.map(\.code) ?? []
        func table(_ dims: [StatsDimension]) throws -> StatsTable {
            do {
                let t = try store.statistics(StatsQuery(dimensions: dims, source: stats.statsSource, filter: stats.filter, allReasons: allReasons,
                                       knownReasons: known))
                return suppress ? SmallCellSuppression.apply(to: t) : t
            } catch let invalid as StatsQuery.Invalid {
                throw CommandFailure(message: invalid.description, status: .usage)
            } catch let failure as CommandFailure { throw failure } catch { throw CommandFailure(error) }
        }
        /// The months the calls asked for span (unsuppressed: only the range is used), for a report's period.
        func months() throws -> [String] {
            do { return try store.statistics(StatsQuery(dimensions: [.month], source: stats.statsSource, filter: stats.filter)).rows.filter { $0.count > 0 }.map { $0.keys[0] } }
            catch { throw CommandFailure(error) }
        }
        let dims = by.split(separator: ",").compactMap { StatsDimension(rawValue: String($0)) }
        let names = StatsLabels(taxonomy: taxonomy, language: lang)
        switch format {
        case .csv: Console.out(CSVWriter.write(try table(dims), labels: labels ? names : nil), terminator: "")
        case .csvDanish: Console.out(CSVWriter.write(try table(dims), labels: labels ? names : nil, dialect: .danishExcel), terminator: "")
        case .json: Console.out(StatsJSONWriter.write(try table(dims)))
        case .md: Console.out(MarkdownWriter.write(try table(dims), labels: names), terminator: "")
        case .fhir:
            guard let taxonomy else { throw CommandFailure(message: "the FHIR report needs the taxonomy: name it with --taxonomy") }
            let report = MeasureReportWriter.write(byReason: try table([.reason]), byReasonHour: try table([.reason, .hour]),
                                                   byReasonWeekday: try table([.reason, .weekday]), taxonomy: taxonomy,
                                                   period: try stats.from.map { ($0, stats.to ?? $0) } ?? FHIRCoding.period(covering: months()), language: lang)
            Console.out(report.rendered(pretty: true))
        }
    }
}
