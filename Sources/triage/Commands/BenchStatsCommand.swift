import Archive
import ArgumentParser
import Foundation
import Ingest
import Reports

/// `triage bench stats`: the coordinators' queries over a large generated archive against a 1 s budget.
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

    func run() throws {
        let path = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-stats-\(getpid()).sqlite").path
        defer { if keep == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
        let archive = try ArchiveSession.open(address: path, origin: "bench stats")
        if try archive.callCount() == 0 {
            let start = DispatchTime.now().uptimeNanoseconds
            try archive.fillSynthetic(calls: calls)
            Console.out(String(format: "generated %d calls in %.1f s (%@)", calls, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, path))
        }
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
        var worst = 0.0
        for (name, query) in queries {
            let start = DispatchTime.now().uptimeNanoseconds
            let table = SmallCellSuppression.apply(to: try archive.statistics(query))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            worst = max(worst, seconds)
            Console.out(String(format: "%-28@ %7.3f s  %4d rows  %8d calls  = %.1f× under the %.0f s budget", name as NSString, seconds,
                               table.rows.count, table.total, Self.budgetSeconds / seconds, Self.budgetSeconds))
        }
        Console.out(String(format: "slowest: %.3f s = %.1f× under budget", worst, Self.budgetSeconds / worst))
    }
}
