import Archive
import ArgumentParser
import Foundation
import Ingest
import Reports
import TriageCore

/// `triage report --out report.html`: the coordinators' HTML report with its charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report with charts (inline SVG), and the charts as SVG files beside it."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var stats: StatsOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Option(name: .long, help: "The HTML file to write.")
    var out: String = "report.html"

    @Option(name: .long, help: "Folder for the standalone SVG charts (default: next to the report, NAME-charts/).")
    var svgDir: String?

    @Option(name: .long, help: "Language: da or en.")
    var lang: String = "da"

    @OptionGroup var suppression: SuppressionOptions

    @Flag(name: .long, help: "Leave out the published reference distribution.")
    var noReference = false

    func run() throws {
        let store = try archive.open("report", requiring: .statistics)
        let taxonomy = try taxonomyOptions.load()
        let report = HTMLReport(source: stats.statsSource, filter: stats.filter, taxonomy: taxonomy, language: lang,
                                suppress: suppression.suppress(what: "report"), reference: noReference ? nil : .manchester2009)
        let built: (html: String, charts: [(name: String, svg: String)])
        do { built = try report.build(archive: store) } catch let invalid as StatsQuery.Invalid {
            throw CommandFailure(message: invalid.description, status: .usage)
        }
        let folder = svgDir ?? ((out as NSString).deletingPathExtension + "-charts")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, svg) in built.charts { try AtomicFile.write(svg, to: (folder as NSString).appendingPathComponent(name)) }
            try AtomicFile.write(built.html, to: out)
        } catch { throw CommandFailure(message: "\(out): cannot write the report (\(error.localizedDescription))") }
        do { try store.recordExport("HTML report \(out)") } catch { throw CommandFailure(error) }
        Console.out("wrote \(out) and \(built.charts.count) charts in \(folder)/")
    }
}

/// Writes a file whole or not at all: to a temporary name beside it, then renamed over it.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
