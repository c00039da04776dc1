import Archive
import ArgumentParser
import Foundation
import Ingest
import Reports

/// `triage bench stats`: the coordinators' queries over a large generated archive against a 1 s budget, on an SQLite
/// file and, side by side in the same run, on a PostgreSQL archive (`--postgresql`).
struct BenchStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Benchmark statistics over a generated archive (default 1,000,000 calls) against 1 s per query."
    )

    /// The named baseline: statistics over a million calls in under a second (the statistics issue's requirement).
    static let budgetSeconds = 1.0

    @Option(name: .long, help: "Calls in the generated archive.")
    var calls: Int = 1_000_000

    @Option(name: .long, help: "Keep the generated archive here instead of a temporary file.")
    var keep: String?

    @Option(name: .long, help: ArgumentHelp("Also a PostgreSQL archive (empty, or filled by an earlier run), side by side.", valueName: "address"))
    var postgresql: String?

    func run() throws {
        let path = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-stats-\(getpid()).sqlite").path
        defer { if keep == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
        let sqlite = try measure(try filled(path))
        guard let postgresql else { return }
        let department = try measure(try filled(postgresql))
        for ((name, lite), (_, pg)) in zip(sqlite, department) {
            Console.out(name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: " PostgreSQL %.3f s = %.2f× the SQLite file's time", pg, pg / lite))
        }
        let worst = department.map(\.1).max() ?? 0
        Console.out(String(format: "PostgreSQL slowest: %.3f s = %.1f× under budget", worst, Self.budgetSeconds / worst))
    }

    /// The archive at `address`, generated when empty.
    private func filled(_ address: String) throws -> ArchiveSession {
        let archive = try ArchiveSession.open(address: address, origin: "bench stats")
        if try archive.callCount() == 0 {
            let start = DispatchTime.now().uptimeNanoseconds
            try archive.fillSynthetic(calls: calls)
            Console.out(String(format: "generated %d calls in %.1f s (%@)", calls, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, address))
        }
        return archive
    }

    /// Runs each query once, prints its line, and returns the times.
    private func measure(_ archive: ArchiveSession) throws -> [(String, Double)] {
        Console.out("\(archive.address):")
        let queries: [(String, StatsQuery)] = [
            ("by reason", StatsQuery(dimensions: [.reason])),
            ("by reason, every reason", StatsQuery(dimensions: [.reason], allReasons: true)),
            ("by disposition", StatsQuery(dimensions: [.disposition])),
            ("by hour × weekday", StatsQuery(dimensions: [.weekday, .hour])),
            ("by ISO week × reason", StatsQuery(dimensions: [.week, .reason])),
            ("by gestational age band", StatsQuery(dimensions: [.gestationalAgeBand])),
            ("March, by reason", StatsQuery(dimensions: [.reason], filter: StatsFilter(from: "2026-03-01", to: "2026-03-31"))),
            ("one reason, by hour", StatsQuery(dimensions: [.hour], filter: StatsFilter(reason: "rupture_of_membranes"))),
        ]
        // Each statistics query as the report shows it (suppressed), then the quality figures (`triage quality`): the
        // decisions against the suggestions they were made on.
        var runs: [(String, () throws -> (rows: Int, calls: Int))] = queries.map { name, query in
            (name, { let t = SmallCellSuppression.apply(to: try archive.statistics(query)); return (t.rows.count, t.total) })
        }
        runs += [
            ("quality by week", { let r = try archive.quality(QualityQuery()); return (r.count, r.map(\.decided).reduce(0, +)) }),
            ("quality by month × model", {
                let r = try archive.quality(QualityQuery(period: .month, split: .modelVersion)); return (r.count, r.map(\.decided).reduce(0, +))
            }),
            ("quality by week × override", {
                let r = try archive.quality(QualityQuery(split: .overrideReason)); return (r.count, r.map(\.decided).reduce(0, +))
            }),
            ("quality incidents", { let r = try archive.qualityIncidents(); return (r.count, r.count) }),
            ("quality confidence by week", { let r = try archive.confidenceDistribution(); return (r.count, r.map(\.count).reduce(0, +)) }),
        ]
        var worst = 0.0, times: [(String, Double)] = []
        for (name, run) in runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let (rows, calls) = try run()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            worst = max(worst, seconds)
            times.append((name, seconds))
            Console.out(name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: " %7.3f s  %4d rows  %8d calls  = %.1f× under the %.0f s budget",
                                                                                         seconds, rows, calls, Self.budgetSeconds / seconds, Self.budgetSeconds))
        }
        Console.out(String(format: "slowest: %.3f s = %.1f× under budget", worst, Self.budgetSeconds / worst))
        return times
    }
}
