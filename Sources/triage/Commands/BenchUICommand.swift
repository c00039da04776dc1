import Archive
import ArgumentParser
import Foundation
import Ingest
import Reports
import TerminalUI
import Triage

/// `triage bench ui`: time from a key press to the changed cells, against one frame at 60 Hz (16 ms).
struct BenchUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Benchmark redrawing after key presses: the 3.6-minute demo labour call in a 10,000-call archive, against 16 ms."
    )

    /// The named baseline: one frame at 60 Hz.
    static let budgetMs = 16.0

    @Option(name: .long, help: "Calls in the generated archive besides the demo call.")
    var calls: Int = 10_000

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("triage-bench-ui-\(getpid())")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: folder) }
        let archive = try ArchiveSession.open(address: folder.appendingPathComponent("bench.sqlite").path, origin: "bench ui")
        try archive.fillSynthetic(calls: calls)
        let taxonomy = try taxonomyOptions.load()
        // The longest demo call, with its transcript and suggestion, at the top of the queue: a copy whose
        // record says it started after every generated call.
        let demo = try Self.demoCallStartingLast(in: folder.path)
        guard case .archived(let id, _)? = Ingestor(archive: archive).ingest(IngestDiscovery.plan([demo]).items, progress: SilentProgress()).first else {
            throw CommandFailure(message: "bench: cannot ingest Recordings/da01-veer-foerstegang.flac (run from the project folder)")
        }
        let classifier = ArchivedClassification(archive: archive, classifier: TriageClassifier(taxonomy: taxonomy))
        _ = try classifier.classifyAndStore(callID: id)

        let terminal = FakeTerminal(width: 200, height: 60)
        let start = DispatchTime.now().uptimeNanoseconds
        let app = TriageApp(model: try DeskModel(archive: archive, taxonomy: taxonomy), terminal: terminal, clock: SystemClock())
        app.redraw()
        let openMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        Console.out(String(format: "%d calls in the archive, a %d-turn call on screen at 200×60; opening took %.1f ms", calls + 1,
                           try archive.turns(ofCall: id).count, openMs))
        let triageKeys: [Key] = [.down, .up, .pageDown, .pageUp, .character("l"), .character("l"), .character("?"), .character("x")]
        report("triage screen", measure(app, keys: triageKeys))
        // The label screen on the same 3.6-minute call: the first key reads the audio once.
        app.handle(.tab)
        let t0 = DispatchTime.now().uptimeNanoseconds
        app.redraw()
        Console.out(String(format: "label screen opened (audio read, waveform and spectrogram computed) in %.1f ms", Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6))
        let labelKeys: [Key] = [.right, .right, .character("+"), .character("+"), .right, .character("-"), .character("-"), .left, .left, .home]
        report("label screen", measure(app, keys: labelKeys))
    }

    /// Copies the demo labour call into `folder` with its record's start moved to 2099; returns the audio's path.
    static func demoCallStartingLast(in folder: String) throws -> String {
        let base = "Recordings/da01-veer-foerstegang"
        let copy = (folder as NSString).appendingPathComponent("da01-veer-foerstegang")
        do {
            for ext in ["flac", "vtt"] { try FileManager.default.copyItem(atPath: "\(base).\(ext)", toPath: "\(copy).\(ext)") }
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(base).meta.json"))
            guard var meta = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CommandFailure(message: "\(base).meta.json: not a JSON object")
            }
            meta["started_at"] = "2099-01-01T00:00:00"
            try JSONSerialization.data(withJSONObject: meta).write(to: URL(fileURLWithPath: "\(copy).meta.json"))
        } catch let failure as CommandFailure { throw failure } catch {
            throw CommandFailure(message: "bench: cannot copy \(base) (run from the project folder): \(error.localizedDescription)")
        }
        return "\(copy).flac"
    }

    private func measure(_ app: TriageApp, keys: [Key]) -> [Double] {
        var times: [Double] = []
        for round in 0..<50 {
            for key in keys {
                let t0 = DispatchTime.now().uptimeNanoseconds
                app.handle(key)
                app.redraw()
                if round > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6) }
            }
        }
        return times.sorted()
    }

    private func report(_ screen: String, _ times: [Double]) {
        let mean = times.reduce(0, +) / Double(times.count), p99 = times[Int(Double(times.count) * 0.99)]
        Console.out(String(format: "%@, key press to redrawn cells: mean %.2f ms, p99 %.2f ms = %.1f× under the %.0f ms frame (p99 %.1f×)",
                           screen, mean, p99, Self.budgetMs / mean, Self.budgetMs, Self.budgetMs / p99))
    }
}
