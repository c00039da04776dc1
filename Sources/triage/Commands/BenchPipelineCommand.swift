import Acoustics
import ArgumentParser
import AudioIO
import Dispatch
import Foundation
import Ingest

/// `triage bench pipeline`: what a user runs (`features --summary`, eGeMAPS, the frame table, ingest with
/// features), each as its own process, side by side with the feature engine measured in the same run:
/// ratios to the engine per core and to real time, peak resident memory, and the scaling of a batch.
struct BenchPipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Benchmark the user-facing feature paths against the feature engine in the same run, with peak memory.",
        discussion: HelpText.paragraphs("""
            Generates a long two-channel call (default 3 hours at 8 kHz, a demo call's speech on each channel) and a batch
            of one-minute calls, then runs each path as a child process of this executable and reads its wall time, CPU
            time and peak resident memory from the kernel. The baseline is the feature engine itself, one thread, on the
            same audio in this run: a path's 'per core' figure is the engine's CPU time over the path's, per hour of
            channel audio. Targets (issue 20): within 15 % of the engine per core, ingest ≥ 2,000x real time on 2 cores,
            under 64 MB for the long call (eGeMAPS included), a batch ≥ 85 % of linear on 2 cores.
            """)
    )

    static let memoryTarget = 64.0, perCoreTarget = 0.85, ingestTarget = 2000.0, scalingTarget = 0.85

    @Option(name: .long, help: "Hours of the long call.")
    var hours: Double = 3

    @Option(name: .long, help: "One-minute calls in the ingest batch.")
    var calls = 200

    @Option(name: .long, help: "The speech to repeat on each channel of the long call.")
    var call = "Recordings/en01-labour-every-four-minutes.flac"

    @Option(name: .long, help: "Generate the calls into this folder and keep them (default: a temporary folder, removed).")
    var keep: String?

    @Flag(name: .long, help: "Leave eGeMAPS out (it takes the longest).")
    var noEgemaps = false

    func validate() throws {
        if !(hours > 0 && hours <= 48) { throw ValidationError("--hours must be more than 0 and at most 48") }
        if calls < 2 || calls > 100_000 { throw ValidationError("--calls must be from 2 to 100000") }
    }

    func run() throws {
        let fm = FileManager.default
        let folder = keep ?? fm.temporaryDirectory.appendingPathComponent("triage-bench-pipeline-\(getpid())").path
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? fm.removeItem(atPath: folder) } }
        let cores = ProcessInfo.processInfo.activeProcessorCount

        // The long call: the speech on channel 0, the same speech half its length later on channel 1.
        let speech: [Float], rate: Int
        do {
            let file = try AudioFile(path: call)
            rate = file.info.sampleRate
            speech = try file.readMono()
        } catch { throw CommandFailure(message: "\(error) (run from the project folder)") }
        guard !speech.isEmpty else { throw CommandFailure(message: "\(call): no samples") }
        let long = (folder as NSString).appendingPathComponent("long.wav")
        let total = Int(hours * 3600 * Double(rate))
        do {
            let writer = try AudioFileWriter(path: long, sampleRate: rate, channels: 2)
            var written = 0
            var block = [Float]()
            while written < total {
                let n = min(65536, total - written)
                block.removeAll(keepingCapacity: true)
                for i in written..<(written + n) {
                    block.append(speech[i % speech.count])
                    block.append(speech[(i + speech.count / 2) % speech.count])
                }
                try writer.write(block)
                written += n
            }
            try writer.close()
        }
        let channelHours = hours * 2
        Console.out(String(format: "a %.1f h two-channel call at %d Hz (%@ on each channel) and %d one-minute calls, %d cores:", hours, rate, call, calls, cores))

        // The baseline: the engine, one thread, on an hour of the same speech (wholeSignalFloor, as the paths use).
        var hour = [Float]()
        hour.reserveCapacity(rate * 3600)
        while hour.count < rate * 3600 { hour += speech.prefix(rate * 3600 - hour.count) }
        let engine = (0..<2).map { _ -> Double in
            let start = DispatchTime.now().uptimeNanoseconds
            BenchFeaturesCommand.extract(hour, FeatureSettings(sampleRate: rate))
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.min() ?? 1
        Console.out(String(format: "  %-46@ %7.2f s per channel-hour = %6.0fx real time (the baseline)", "feature engine, one thread" as NSString, engine, 3600 / engine))
        // eGeMAPS is its own analysis (openSMILE's framing and pitch): its baseline is itself in this process.
        var egemapsEngine = 0.0
        if !noEgemaps {
            let quarter = Array(hour.prefix(rate * 900))
            let start = DispatchTime.now().uptimeNanoseconds
            _ = EGeMAPS.functionals(samples: quarter, sampleRate: rate)
            egemapsEngine = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 * 4
            Console.out(String(format: "  %-46@ %7.2f s per channel-hour = %6.0fx real time (its baseline; 15 minutes timed)",
                               "eGeMAPS functionals, one thread" as NSString, egemapsEngine, 3600 / egemapsEngine))
        }
        hour = []

        func report(_ name: String, _ run: MeasuredRun, channelHours: Double, against baseline: Double? = nil) throws {
            guard run.status == 0 else { throw CommandFailure(message: "\(name) failed with status \(run.status)") }
            let perHour = run.cpuSeconds / channelHours
            Console.out(String(format: "  %-46@ %7.2f s wall, %7.2f s CPU = %6.0fx real time, %.2fx %@ per core, peak %6.1f MB",
                               name as NSString, run.wallSeconds, run.cpuSeconds, channelHours * 3600 / run.wallSeconds, (baseline ?? engine) / perHour,
                               (baseline == nil ? "the engine" : "its baseline") as NSString, run.peakMegabytes))
        }
        try report("features --summary (long call)", MeasuredRun.triage(["features", long, "--summary", "--format", "json"]), channelHours: channelHours)
        try report("features, frame table as CSV (long call)", MeasuredRun.triage(["features", long]), channelHours: channelHours)
        if !noEgemaps {
            try report("features --summary --set egemaps (long call)", MeasuredRun.triage(["features", long, "--summary", "--set", "egemaps"]),
                       channelHours: channelHours, against: egemapsEngine)
        }

        // Ingest with features: one job, then every core.
        let batch = (folder as NSString).appendingPathComponent("batch")
        _ = try BenchCorpus.generate(into: batch, files: calls, seconds: 60, rate: 8000, transcripts: false)
        let audio = Double(calls) / 60
        var times: [Int: MeasuredRun] = [:]
        for jobs in [1, cores] where times[jobs] == nil {
            let db = (folder as NSString).appendingPathComponent("ingest-\(jobs).sqlite")
            let run = try MeasuredRun.triage(["ingest", "--db", db, "--jobs", String(jobs), (batch as NSString).appendingPathComponent("calls")])
            try report("ingest with features, --jobs \(jobs) (\(calls) calls)", run, channelHours: audio)
            times[jobs] = run
        }
        if cores > 1, let one = times[1], let many = times[cores] {
            let speedup = one.wallSeconds / many.wallSeconds
            Console.out(String(format: "  a batch on %d cores: %.2fx one core = %.0f%% of linear (target %.0f%%)", cores, speedup, speedup / Double(cores) * 100, Self.scalingTarget * 100))
        }
    }
}
