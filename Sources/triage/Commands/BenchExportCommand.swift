import Archive
import ArgumentParser
import Foundation
import Ingest
import Pseudonymisation
import Research
import TriageCore

/// `triage bench export`: a generated archive of labelled calls (default 10,000, two annotators each) exported in
/// every label format and as a JSON-lines dataset, as calls per second against a budget, and against reading the same
/// labels without writing them (the floor, measured in the same run).
struct BenchExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Benchmark exporting labelled calls (default 10,000) in every label format and as a dataset, in calls per second."
    )

    /// The named baseline: 10,000 labelled calls exported in ten seconds (the research issue's "in seconds").
    static let budgetCallsPerSecond = 1_000.0

    @Option(name: .long, help: "Labelled calls in the generated archive.")
    var calls: Int = 10_000

    @Option(name: .long, help: "Keep the generated archive and the exports in this folder (default: a temporary folder, removed).")
    var keep: String?

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func validate() throws {
        if calls < 1 || calls > 1_000_000 { throw ValidationError("--calls must be from 1 to 1000000") }
    }

    func run() throws {
        let fm = FileManager.default
        let folder = keep ?? fm.temporaryDirectory.appendingPathComponent("triage-bench-export-\(getpid())").path
        defer { if keep == nil { try? fm.removeItem(atPath: folder) } }
        do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw CommandFailure(message: "\(folder): cannot create the folder (\((error as NSError).localizedDescription))")
        }
        let taxonomy = try taxonomyOptions.load()
        let taxonomyFile = try taxonomyOptions.locate()
        let pseudonymiser: Pseudonymiser
        do { pseudonymiser = try Pseudonymiser.load(keyPath: "\(folder)/pseudonym.key", taxonomy: taxonomyFile) } catch {
            throw CommandFailure(message: error.description)
        }
        do {
            let session = try ArchiveSession.open(address: "\(folder)/bench.sqlite", origin: "bench export")
            let labelled = try filled(session, taxonomy: taxonomy)
            Console.out("\(labelled) labelled calls, two annotators each:")
            let floor = try time { let ids = try session.listCalls().map(\.id); _ = try session.calls(ids: ids); for id in ids { _ = try session.annotations(ofCall: id) } }
            line("reading every call's labels (the floor)", seconds: floor, calls: labelled, floor: nil)
            let bar = ConsoleProgressBar(unit: "calls")
            for format in LabelFormat.allCases {
                let out = "\(folder)/labels-\(format.rawValue)" + (format.holdsManyCalls ? ".\(format.fileExtension)" : "")
                let seconds = try time {
                    _ = try LabelExport.run(LabelExport.Request(callIDs: [], format: format, out: out), taxonomy: taxonomy, session: session,
                                            pseudonymiser: pseudonymiser, progress: { bar.update(done: $0.done, total: $0.total, step: $0.step) })
                }
                bar.finish()
                line("labels export --format \(format.rawValue)", seconds: seconds, calls: labelled, floor: floor)
            }
            let seconds = try time {
                _ = try DatasetExport.run(DatasetExport.Request(format: .jsonl, out: "\(folder)/dataset", triageVersion: VersionReport.program),
                                          taxonomy: taxonomy, session: session, pseudonymiser: pseudonymiser,
                                          progress: { bar.update(done: $0.done, total: $0.total, step: $0.step) })
            }
            bar.finish()
            line("export dataset --format jsonl", seconds: seconds, calls: labelled, floor: floor)
        } catch let failure as CommandFailure { throw failure } catch { throw CommandFailure(error) }
    }

    /// Fills a new archive with generated calls and two annotators' labels on each (one transaction); returns the count.
    private func filled(_ session: ArchiveSession, taxonomy: Taxonomy) throws -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        try session.fillSynthetic(calls: calls)
        let codes = taxonomy.reasons.map { LabelCode(rawValue: $0.code) }
        guard !codes.isEmpty else { throw CommandFailure(message: "the taxonomy has no reasons to label with") }
        var labels: [AnnotationRecord] = []
        for (n, call) in try session.listCalls().enumerated() {
            let length = max(2, call.durationMs ?? 60_000)
            for (a, annotator) in ["anna", "bo"].enumerated() {
                let code = codes[(n + a * (n % 3 == 0 ? 1 : 0)) % codes.count]
                labels.append(AnnotationRecord(callID: call.id, annotator: annotator, startMs: 0, endMs: length / 2, code: code,
                                               taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version, note: n % 10 == 0 ? "ring back" : nil))
                labels.append(AnnotationRecord(callID: call.id, annotator: annotator, startMs: length / 2, endMs: length,
                                               code: codes[(n + 1) % codes.count], taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version))
            }
        }
        try session.annotate(labels)
        Console.out(String(format: "generated %d calls with %d labels in %.1f s", calls, labels.count, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return calls
    }

    private func time(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func line(_ name: String, seconds: Double, calls: Int, floor: Double?) {
        let rate = Double(calls) / max(seconds, 1e-9)
        var text = name.padding(toLength: 40, withPad: " ", startingAt: 0)
            + String(format: " %7.2f s = %8.0f calls/s = %6.1f× the budget of %.0f calls/s", seconds, rate, rate / Self.budgetCallsPerSecond, Self.budgetCallsPerSecond)
        if let floor { text += String(format: ", %.1f× the floor's time", seconds / max(floor, 1e-9)) }
        Console.out(text)
    }
}
