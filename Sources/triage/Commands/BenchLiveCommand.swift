import ArgumentParser
import Foundation
import Ingest
import Language
import Live
import LiveAudio
import Synchronization
import TriageCore

/// `triage bench live`: how soon a live call's suggestion follows what arrives, and whether a long
/// recording stays in bounded memory.
struct BenchLiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Latency from live audio and transcript lines to an updated suggestion (budget 250 ms), and memory over a 2-hour recording.",
        discussion: HelpText.paragraphs("""
            Latency: a demo call is played as a device (--from at --speed times real time) with its
            transcript replayed into a FIFO on the call's clock, through the same code as 'triage record'.
            Memory: a generated call of --hours is recorded as fast as it can be made, with a transcript
            line every 30 s; resident memory is sampled as it goes.
            """)
    )

    static let budgetMs = 250.0

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Option(name: .long, help: "The call to play as a device.")
    var call = "Recordings/da01-veer-foerstegang.flac"

    @Option(name: .long, help: "Times real time the call is played at.")
    var speed: Double = 4

    @Option(name: .long, help: "Hours of generated audio for the memory run (0 skips it).")
    var hours: Double = 2

    func run() throws {
        let taxonomy = try taxonomyOptions.load()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-live-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try latency(taxonomy: taxonomy, folder: folder)
        if hours > 0 { try memory(taxonomy: taxonomy, folder: folder) }
    }

    private func latency(taxonomy: Taxonomy, folder: String) throws {
        let input: FileInput
        do { input = try FileInput(path: call, pacer: RealtimePacer(speed: speed)) } catch { throw CommandFailure(error) }
        let base = (call as NSString).deletingPathExtension
        guard let transcriptPath = IngestDiscovery.transcriptSidecar(forBase: base) else {
            throw CommandFailure(message: "\(call): no transcript beside it to replay")
        }
        let turns = try TranscriptReader.read(fileAt: transcriptPath).turns
        let fifo = (folder as NSString).appendingPathComponent("recogniser.fifo")
        guard mkfifo(fifo, 0o600) == 0 else { throw CommandFailure(message: "\(fifo): cannot make a FIFO") }
        let session = LiveCallSession(taxonomy: taxonomy, sampleRate: input.format.sampleRate, channels: input.format.channels)
        let written = Mutex<[UInt64]>([])
        let textLatency = Mutex(LatencyStatistics())
        let feed = TranscriptFeed(source: fifo)
        feed.start { event in
            session.transcript(event)
            let now = DispatchTime.now().uptimeNanoseconds
            written.withLock { times in
                if !times.isEmpty { let sent = times.removeFirst(); textLatency.withLock { $0.add(nanoseconds: now - sent) } }
            }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let speed = self.speed
        let replay = Thread {
            guard let out = FileHandle(forWritingAtPath: fifo) else { return }
            for turn in turns {
                let due = start + UInt64(Double(turn.endMs ?? 0) * 1_000_000 / speed)
                let now = DispatchTime.now().uptimeNanoseconds
                if due > now { usleep(useconds_t((due - now) / 1000)) }
                let line = "{\"speaker\": \"\(turn.speaker.rawValue)\", \"start_ms\": \(turn.startMs ?? 0), \"end_ms\": \(turn.endMs ?? 0), \"text\": \(JSONValue.string(turn.text).rendered())}\n"
                written.withLock { $0.append(DispatchTime.now().uptimeNanoseconds) }
                out.write(Data(line.utf8))
            }
            try? out.close()
        }
        replay.start()
        var audioLatency = LatencyStatistics()
        let recorder = Recorder(input: input, finalPath: (folder as NSString).appendingPathComponent("live.wav"),
                                journal: RecordingJournal(folder: (folder as NSString).appendingPathComponent(".journal")),
                                startedAt: RecordingFolders.localTimestamp(), channelRoles: nil)
        let outcome = try recorder.run(stop: StopSignal()) { chunk, _ in
            let arrived = DispatchTime.now().uptimeNanoseconds
            session.audio(chunk)
            audioLatency.add(nanoseconds: DispatchTime.now().uptimeNanoseconds - arrived)
        }
        usleep(300_000) // the last lines
        Console.out("live latency: \(call), \(TimeFormat.duration(ms: Int(outcome.durationMs))) played at \(speed)x real time, \(turns.count) transcript lines")
        for (name, stats) in [("audio chunk (20 ms) → updated analysis", audioLatency), ("transcript line → updated suggestion", textLatency.withLock { $0 })] {
            guard let summary = stats.summary, let p99 = stats.percentile(0.99), let worst = stats.percentile(1) else { continue }
            Console.out(String(format: "  %@: %@; p99 %.0fx and worst %.0fx under the %.0f ms budget", name, summary,
                               Self.budgetMs / max(p99, 0.001), Self.budgetMs / max(worst, 0.001), Self.budgetMs))
        }
        if let suggestion = session.snapshot.record { Console.out("  final suggestion: \(suggestion.disposition) · \(suggestion.primaryReason ?? "-")") }
    }

    private func memory(taxonomy: Taxonomy, folder: String) throws {
        let input = GeneratedInput(seconds: hours * 3600)
        let session = LiveCallSession(taxonomy: taxonomy, sampleRate: 8000, channels: 1)
        let recorder = Recorder(input: input, finalPath: (folder as NSString).appendingPathComponent("long.wav"),
                                journal: RecordingJournal(folder: (folder as NSString).appendingPathComponent(".journal")),
                                startedAt: RecordingFolders.localTimestamp(), channelRoles: nil)
        var samples: [(minutes: Int, megabytes: Double)] = []
        let lines = ["Jeg har veer hvert femte minut.", "Det gør ondt i ryggen.", "Vandet er ikke gået.", "Jeg er 39 uger.",
                     "Barnet sparker fint.", "Skal jeg komme ind?"]
        let started = DispatchTime.now().uptimeNanoseconds
        _ = try recorder.run(stop: StopSignal()) { chunk, frame in
            session.audio(chunk)
            let seconds = Int(frame / 8000)
            if frame % (8000 * 30) < Int64(chunk.count), seconds > 0 {
                session.transcript(Turn(speaker: .caller, startMs: seconds * 1000, endMs: seconds * 1000 + 2000, text: lines[(seconds / 30) % lines.count]))
            }
            if frame % (8000 * 600) < Int64(chunk.count) { samples.append((seconds / 60, Self.residentMegabytes())) }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        Console.out(String(format: "memory: %.1f h generated call recorded and analysed in %.1f s (%.0fx real time), a transcript line every 30 s",
                           hours, elapsed, hours * 3600 / elapsed))
        Console.out("  resident memory: " + samples.map { String(format: "%d min %.1f MB", $0.minutes, $0.megabytes) }.joined(separator: ", "))
        if let first = samples.dropFirst().first, let last = samples.last {
            Console.out(String(format: "  growth from %d min to %d min: %.1f MB (%.2fx)", first.minutes, last.minutes,
                               last.megabytes - first.megabytes, last.megabytes / max(first.megabytes, 0.1)))
        }
    }

    static func residentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
