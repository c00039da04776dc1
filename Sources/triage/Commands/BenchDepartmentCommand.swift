import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage bench department`: a birth reception's load on one archive. Desks, researchers and a coordinator run as
/// separate processes for a fixed time, first against the PostgreSQL archive named, then against one SQLite file
/// (the named baseline, in the same run): throughput and p50/p99 latency per operation, errors, lost or duplicated
/// calls, and the audit chain at the end.
struct BenchDepartmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "department",
        abstract: "Benchmark several desks, researchers and a coordinator at once on a PostgreSQL archive against one SQLite file."
    )

    @Option(name: .long, help: ArgumentHelp("An empty PostgreSQL archive to load (postgresql://…).", valueName: "address"))
    var postgresql: String

    @Option(name: .long, help: "Desks (each ingests, classifies and decides calls).")
    var desks: Int = 6

    @Option(name: .long, help: "Researchers (each lists and labels calls).")
    var researchers: Int = 2

    @Option(name: .long, help: "Seconds each run lasts.")
    var seconds: Double = 15

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    struct Outcome {
        var name: String
        var reports: [BenchDepartmentWorker.Report]
        var calls: Int
        var auditIntact: Bool
        var seconds: Double

        var errors: [String] { reports.flatMap(\.errors) }
        var offered: Set<String> { Set(reports.flatMap(\.offered)) }
        var inserted: [String] { reports.flatMap(\.inserted) }
        func latencies(_ operation: String) -> [Double] { reports.flatMap { $0.latencies[operation] ?? [] }.sorted() }
    }

    func run() throws {
        guard PostgresAddress.names(postgresql) else { throw CommandFailure(message: "--postgresql: \(postgresql) is not a postgresql:// address") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-department-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        Console.out("\(desks) desks, \(researchers) researchers and a coordinator as separate processes, \(Int(seconds)) s on each archive")
        let department = try load(postgresql, name: "PostgreSQL", folder: folder)
        let workstation = try load(folder.appendingPathComponent("department.sqlite").path, name: "SQLite file", folder: folder)
        for outcome in [department, workstation] { report(outcome) }
        let operations = ["ingest", "classify", "decide", "label", "stats"]
        for operation in operations {
            let pg = department.latencies(operation), lite = workstation.latencies(operation)
            guard !pg.isEmpty, !lite.isEmpty else { continue }
            Console.out(operation.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: " PostgreSQL %.2f× the SQLite file's throughput, p99 %.2f× its p99",
                               (Double(pg.count) / department.seconds) / (Double(lite.count) / workstation.seconds),
                               Self.percentile(pg, 0.99) / Self.percentile(lite, 0.99)))
        }
        // The department's archive must hold exactly the calls inserted, each once, with no failed operation; the
        // SQLite file's errors (its single writer's locks under this load) are what it is measured against.
        if !department.errors.isEmpty || department.calls != department.inserted.count
            || Set(department.inserted).count != department.inserted.count || !department.auditIntact {
            throw CommandFailure(message: "bench department: the PostgreSQL archive lost or doubled calls, failed operations or broke its audit chain")
        }
    }

    /// Runs every worker against `address` at once and gathers their reports.
    private func load(_ address: String, name: String, folder: URL) throws -> Outcome {
        let setup = try ArchiveSession.open(address: address, origin: "bench department")
        guard try setup.callCount() == 0 else { throw CommandFailure(message: "\(address): the benchmark needs an empty archive") }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let taxonomy = try taxonomyOptions.locate().path
        var workers: [(Process, URL)] = []
        let kinds = Array(repeating: BenchDepartmentWorker.Kind.desk, count: max(1, desks))
            + Array(repeating: .researcher, count: max(0, researchers)) + [.coordinator]
        let started = Date()
        for (index, kind) in kinds.enumerated() {
            let out = folder.appendingPathComponent("\(name.prefix(6))-\(index).json")
            let process = Process()
            process.executableURL = executable
            process.arguments = ["bench", "department-worker", "--db", address, "--kind", kind.rawValue, "--worker", String(index),
                                 "--seconds", String(seconds), "--out", out.path, "--taxonomy", taxonomy]
            try process.run()
            workers.append((process, out))
        }
        var reports: [BenchDepartmentWorker.Report] = []
        for (process, out) in workers {
            process.waitUntilExit()
            guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: out.path) else {
                throw CommandFailure(message: "bench department: a worker on \(name) failed (exit \(process.terminationStatus))")
            }
            reports.append(try JSONDecoder().decode(BenchDepartmentWorker.Report.self, from: data))
        }
        let elapsed = Date().timeIntervalSince(started)
        let check = try ArchiveSession.open(address: address, origin: "bench department")
        return Outcome(name: name, reports: reports, calls: try check.callCount(), auditIntact: try check.verifyAudit() == nil, seconds: elapsed)
    }

    private func report(_ outcome: Outcome) {
        Console.out("\n\(outcome.name): \(outcome.calls) calls archived of \(outcome.offered.count) offered "
            + "(\(outcome.inserted.count) inserted, \(Set(outcome.inserted).count) distinct), "
            + "\(outcome.errors.count) errors, audit chain \(outcome.auditIntact ? "intact" : "BROKEN")")
        for operation in ["ingest", "classify", "decide", "list", "label", "stats"] {
            let times = outcome.latencies(operation)
            guard !times.isEmpty else { continue }
            Console.out("  " + operation.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: " %7.1f /s   p50 %7.2f ms   p99 %7.2f ms   (%d)",
                               Double(times.count) / outcome.seconds, Self.percentile(times, 0.5), Self.percentile(times, 0.99), times.count))
        }
        for error in outcome.errors.prefix(3) { Console.out("  error: \(Console.printable(error))") }
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
}
