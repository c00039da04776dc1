import ArgumentParser
import Dispatch
import Foundation
import Ingest
import Live
import LiveAudio
import TriageCore

/// `triage record`: record a call from the desk's audio device (or a file played as one), analyse it
/// while it goes on, and archive it when it ends.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a call from the audio device, analyse it live, and archive it when it ends.",
        discussion: HelpText.paragraphs("""
            Audio is written as it arrives; the file's header is kept valid and synced every second, so
            a crash, kill -9 or power cut loses at most the last second. A recording that was cut off is
            recovered and archived the next time triage starts. Stop with Ctrl-C (or --seconds).
            The recording goes to --out (FLAC or WAV by its extension), else to $TRIAGE_RECORDINGS or a
            'recordings' folder beside the archive, named by its start time.
            A call played from a file (--from) is archived as a replay of that file, with the source's caller's
            record (language, caller, gestation from its .meta.json), and left out of the statistics unless
            --include-replays.

            A live transcript (--transcript-from PATH, a FIFO, a file or - for standard input) is read
            line by line: JSON lines {"speaker":"caller","start_ms":1200,"end_ms":3400,"text":"..."}
            ("partial": true for an interim hypothesis), or WebVTT cues. See docs/live-transcript.md.
            Exit status: 0 when the call was recorded and archived, 1 when the device or the disk failed
            (what was recorded is kept and archived), 2 for a usage error.
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var modelOptions: ModelOptions

    @Option(name: .long, help: "Capture device (a name from 'triage devices'; default: the server's default input).")
    var device: String?

    @Option(name: .long, help: "1 (mono) or 2 (one party per channel).")
    var channels = 1

    @Option(name: .long, help: "Sample rate in Hz (default: the device's own).")
    var rate: Int?

    @Option(name: .long, help: "Where the recording goes (.flac or .wav).")
    var out: String?

    @Option(name: .long, help: "Play this audio file as if it were the device.")
    var from: String?

    @Flag(name: .long, help: "With --from: deliver the file at the pace of the clock, as a device would.")
    var realtime = false

    @Option(name: .long, help: "With --realtime: play this many times faster than real time.")
    var speed: Double = 1

    @Option(name: .long, help: "Read a live transcript from this FIFO, file or - (standard input).")
    var transcriptFrom: String?

    @Option(name: .long, help: "Channel roles, e.g. caller,midwife (default for 2 channels).")
    var roles: String?

    @Option(name: .long, help: "Stop after this many seconds of audio.")
    var seconds: Double?

    @Flag(name: .long, help: "Keep the recording but do not archive it.")
    var noArchive = false

    func validate() throws {
        guard (1...2).contains(channels) else { throw ValidationError("--channels must be 1 or 2") }
        if let rate, !(8000...192_000).contains(rate) { throw ValidationError("--rate must be from 8000 to 192000 Hz") }
        if realtime, from == nil { throw ValidationError("--realtime needs --from FILE") }
        if speed != 1, !realtime { throw ValidationError("--speed needs --realtime") }
        if speed <= 0 || speed > 100 { throw ValidationError("--speed must be above 0 and at most 100") }
        if let seconds, seconds <= 0 { throw ValidationError("--seconds must be positive") }
        if let roles {
            let parts = roles.split(separator: ",").map(String.init)
            if parts.contains(where: { Speaker(label: $0) == nil }) { throw ValidationError("--roles takes caller, midwife, partner…, one per channel") }
        }
    }

    func run() throws {
        signal(SIGXFSZ, SIG_IGN) // a file-size limit is a full disk: a failed write, not a dead recorder
        signal(SIGPIPE, SIG_IGN)
        let store = try archive.open("record", requiring: .ingest)
        let folders = RecordingFolders(archivePath: archive.path)
        let archiving = CallArchiving(store: store, taxonomyOptions: taxonomyOptions, modelOptions: modelOptions)
        RecordingRecoveryOnStart.run(folders: folders, archiving: archiving)
        let taxonomy = try taxonomyOptions.load()
        let model = try modelOptions.load(taxonomy: taxonomy, taxonomyURL: try taxonomyOptions.locate(), archive: store)

        let input = try LiveRecording.openInput(file: from, pacer: realtime ? RealtimePacer(speed: speed) : ImmediatePacer(),
                                                device: device, channels: channels, sampleRate: rate, folders: folders)
        let live = LiveRecording(input: input, finalPath: out, roles: roles.map { $0.split(separator: ",").map(String.init) },
                                 transcriptFrom: transcriptFrom, folders: folders, taxonomy: taxonomy, model: model)
        let (recorder, session) = (live.recorder, live.session)

        let stop = StopSignal()
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.raise() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }

        Console.err("recording from \(input.deviceName) (\(input.format)) to \(recorder.entry.finalPath); Ctrl-C stops")
        let presence = LivePresence(session: store, folders: folders)
        presence.beat(session.snapshot)
        defer { presence.end() }
        let limit = seconds.map { Int64($0 * Double(input.format.sampleRate)) }
        let status = LiveStatusLine(enabled: isatty(2) == 1)
        var latency = LatencyStatistics()
        let outcome: Recorder.Outcome
        do {
            outcome = try recorder.run(stop: stop) { chunk, frame in
                let arrived = DispatchTime.now().uptimeNanoseconds
                session.audio(chunk)
                latency.add(nanoseconds: DispatchTime.now().uptimeNanoseconds - arrived)
                let end = frame + Int64(chunk.count / input.format.channels)
                status.show(audioMs: Int(input.format.milliseconds(frames: end)), session.snapshot)
                presence.beat(session.snapshot)
                if let limit, end >= limit { stop.raise() }
            }
        } catch {
            folders.log("\(error)")
            throw CommandFailure(error)
        }
        status.end()
        if let problem = outcome.ending.problem {
            Console.err("error: \(problem)")
            folders.log(problem)
        }
        let finished = RecordingFinisher.finish(outcome.entry)
        if let warning = finished.warning { Console.err("warning: \(warning)"); folders.log(warning) }
        Console.out("recorded \(finished.path) (\(TimeFormat.duration(ms: Int(outcome.durationMs))), \(input.format))")
        if let summary = latency.summary { Console.out("analysis after each chunk: \(summary)") }
        if let record = session.snapshot.record {
            Console.out("suggestion: \(record.disposition) · \(record.primaryReason ?? "-") (\(record.taxonomyID)@\(record.taxonomyVersion), \(record.modelVersion))")
        }
        if noArchive {
            folders.journal.end(outcome.entry)
        } else {
            if let id = LiveRecording.archive(outcome.entry, path: finished.path, session: session, notes: [], archiving: archiving, folders: folders) {
                Console.out("archived as call \(id)")
            } else {
                Console.err("error: \(finished.path) was recorded but not archived; it will be archived on the next start")
                throw ExitCode(ExitStatus.failure.rawValue)
            }
        }
        if outcome.ending.problem != nil { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}
