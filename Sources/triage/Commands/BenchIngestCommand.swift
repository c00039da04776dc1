import Archive
import ArgumentParser
import AudioIO
import Foundation
import Ingest

/// `triage bench ingest`: archives generated one-minute 8 kHz calls, twice: the archive path alone against its
/// baseline of 200 files/s, and with acoustic features against real time and against the feature engine's own speed
/// measured in the same run (each figure against its own named baseline).
struct BenchIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Benchmark ingest of generated calls (default 1,000 one-minute 8 kHz WAV files with WebVTT transcripts).",
        discussion: HelpText.paragraphs("""
            Two runs over the same calls. Without features (the archive path: reading, hashing, the recording store, one
            transaction per call) against the baseline of 200 files/s. With features (what 'triage ingest' does by
            default) against real time, and per core against the feature engine alone on the same files in this run.
            --no-features runs the first only.
            """)
    )

    /// The named baseline of the archive path: 200 files per second on this machine's 2 cores.
    static let baselineFilesPerSecond = 200.0

    @Option(name: .long, help: "Number of calls to generate.")
    var files: Int = 1000

    @Option(name: .long, help: "Length of each call in seconds.")
    var seconds: Int = 60

    @Option(name: .long, help: "Sample rate of the generated audio.")
    var rate: Int = 8000

    @Option(name: .long, help: "Inputs prepared at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Generate audio without transcripts.")
    var noTranscripts = false

    @Flag(name: .long, help: "Only the archive path, without acoustic features.")
    var noFeatures = false

    func validate() throws {
        if files < 1 || seconds < 1 || rate < 1000 { throw ValidationError("--files, --seconds and --rate must be positive (rate ≥ 1000)") }
    }

    func run() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("triage-bench-\(getpid())")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: folder) }

        Console.out("generating \(files) calls of \(seconds) s at \(rate) Hz in \(folder.path) …")
        let generated = try BenchCorpus.generate(into: folder.path, files: files, seconds: seconds, rate: rate, transcripts: !noTranscripts)
        let items = IngestDiscovery.plan([folder.appendingPathComponent("calls").path]).items
        let cores = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let audioSeconds = Double(files * seconds)
        Console.out(String(format: "corpus: %d files, %.1f MB, %.1f h of audio (generated in %.1f s)",
                           files, Double(generated.bytes) / 1e6, audioSeconds / 3600, generated.seconds))

        // 1. The archive path alone, against 200 files/s.
        let plain = try ArchiveSession.open(address: folder.appendingPathComponent("plain.sqlite").path, origin: "bench ingest")
        let ingestor = Ingestor(archive: plain, jobs: cores, features: false)
        let first = try archived { ingestor.ingest(items, progress: SilentProgress()) }
        let again = measure { ingestor.ingest(items, progress: SilentProgress()) }
        let rate1 = Double(files) / first, rate2 = Double(files) / again.seconds
        Console.out(String(format: "archive path (new calls):  %7.1f files/s  %.2f s  = %.2f× baseline (%.0f files/s)",
                           rate1, first, rate1 / Self.baselineFilesPerSecond, Self.baselineFilesPerSecond))
        Console.out(String(format: "archive path (already there): %7.1f files/s  %.2f s  = %.2f× baseline",
                           rate2, again.seconds, rate2 / Self.baselineFilesPerSecond))
        guard !noFeatures else { return }

        // 2. With features, against real time and against the engine on the same files, one core.
        let sample = Array(items.compactMap(\.audioPath).prefix(max(1, min(files, 40))))
        let engine = try measure { for path in sample { _ = FeatureRecords.records(for: try RecordingFeatures(path: path).summarise()) } }
        let engineRealTime = Double(sample.count * seconds) / engine.seconds
        let featured = try ArchiveSession.open(address: folder.appendingPathComponent("features.sqlite").path, origin: "bench ingest")
        let withFeatures = try archived { Ingestor(archive: featured, jobs: cores, features: true).ingest(items, progress: SilentProgress()) }
        let realTime = audioSeconds / withFeatures
        Console.out(String(format: "feature engine alone:      %7.0f× real time on one core (%d files; the baseline per core)", engineRealTime, sample.count))
        Console.out(String(format: "with features (new calls): %7.1f files/s  %6.0f× real time on %d cores = %.2f× the engine per core",
                           Double(files) / withFeatures, realTime, cores, realTime / Double(cores) / engineRealTime))
    }

    /// Times an ingest that must archive every file, in seconds.
    private func archived(_ body: () -> [IngestResult]) throws -> Double {
        let run = measure(body)
        let count = run.value.filter { if case .archived = $0 { return true } else { return false } }.count
        guard count == files else { throw CommandFailure(message: "bench: only \(count) of \(files) calls were archived") }
        return run.seconds
    }

    private func measure<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

/// Synthetic calls for benchmarks: speech-like bursts of noise-modulated tones, every file distinct.
enum BenchCorpus {
    static func generate(into folder: String, files: Int, seconds: Int, rate: Int, transcripts: Bool) throws -> (bytes: Int, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let calls = (folder as NSString).appendingPathComponent("calls")
        try FileManager.default.createDirectory(atPath: calls, withIntermediateDirectories: true)
        var bytes = 0
        var samples = [Float](repeating: 0, count: rate * seconds)
        for index in 0..<files {
            var seed = UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15
            let pitch = Float(110 + index % 150)
            for i in samples.indices {
                seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
                let noise = Float(Int64(bitPattern: seed) >> 40) / Float(1 << 23)
                let talking = (i / (rate * 3)) % 2 == 0
                let tone = sinf(2 * .pi * pitch * Float(i) / Float(rate))
                samples[i] = talking ? 0.3 * tone + 0.05 * noise : 0.01 * noise
            }
            let name = String(format: "call%05d", index)
            let path = (calls as NSString).appendingPathComponent(name + ".wav")
            let writer = try AudioFileWriter(path: path, sampleRate: rate, channels: 1)
            try writer.write(samples)
            try writer.close()
            bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if transcripts {
                var vtt = "WEBVTT\n\n"
                for cue in 0..<(seconds / 6) {
                    let a = cue * 6000, b = a + 2500
                    let who = cue % 2 == 0 ? "Jordemoder" : "Kvinde"
                    vtt += "\(clock(a)) --> \(clock(b))\n<v \(who)>Opkald \(index), replik \(cue): veerne kommer hvert femte minut.\n\n"
                }
                try vtt.write(toFile: (calls as NSString).appendingPathComponent(name + ".vtt"), atomically: false, encoding: .utf8)
            }
        }
        return (bytes, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    static func clock(_ ms: Int) -> String {
        String(format: "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000)
    }
}
