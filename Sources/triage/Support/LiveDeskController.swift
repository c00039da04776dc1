import Archive
import Foundation
import Live
import LiveAudio
import Triage
import Synchronization
import TerminalUI
import TriageCore

/// The triage screen's live call: `r` starts recording from the desk's device (or a file played as
/// one), the live analysis runs on it and on the live transcript, and `r` again stops it and archives
/// the call with its transcript and the midwife's notes. The recording runs on a thread of its own; if
/// the device goes or the disk fills, the screen says so and what was recorded is kept.
final class LiveDeskController: LiveDesk {
    struct Configuration {
        /// Opens the input (logging and turning a failure into a one-line `CommandFailure`).
        var makeInput: () throws -> AudioInput
        var transcriptFrom: String?
        var channelRoles: [String]?
        var folders: RecordingFolders
        var archiving: CallArchiving
        var taxonomy: Taxonomy
        /// The reason model beside the rules for the live suggestion, as for the archived calls.
        var model: ReasonModel? = nil
    }

    /// One recording in progress: what the recorder thread and the screen share.
    private final class Run: Sendable {
        let session: LiveCallSession
        let stop = StopSignal()
        let outcome = Mutex<Result<Recorder.Outcome, CommandFailure>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let asked = Mutex<[String]>([])
        let notes = Mutex<[String]>([])
        let startedAt: LocalDateTime?

        init(session: LiveCallSession, startedAt: LocalDateTime?) { self.session = session; self.startedAt = startedAt }
    }

    private struct Unchecked<T>: @unchecked Sendable { let value: T }

    let configuration: Configuration
    private var run: Run?

    init(_ configuration: Configuration) { self.configuration = configuration }

    var call: LiveCallView? {
        guard let run else { return nil }
        let snapshot = run.session.snapshot
        let current = snapshot.assessment?.questions.map(\.text) ?? []
        let asked = run.asked.withLock { asked -> [String] in
            for q in current where !asked.contains(q) { asked.append(q) }
            return asked
        }
        let problem: String? = run.outcome.withLock { outcome in
            switch outcome {
            case .some(.success(let o)): return o.ending.problem ?? "\(o.ending == .sourceEnded ? "the source ended" : "stopped"); r archives the call"
            case .some(.failure(let f)): return f.message
            case .none: return nil
            }
        }
        return LiveCallView(startedAt: run.startedAt, audioMs: snapshot.audioMs, turns: snapshot.turns, suggestion: snapshot.record,
                            columns: snapshot.columns.map { ($0.peak, $0.speech) }, firstColumnMs: snapshot.firstColumnMs,
                            episodes: snapshot.episodes.episodes.map { ($0.startMs, $0.endMs) },
                            questions: asked.map { ($0, !current.contains($0)) }, problem: problem ?? snapshot.problems.last, version: snapshot.version,
                            recentF0Hz: snapshot.recentF0Hz)
    }

    var isRecording: Bool { run != nil }

    var version: Int { run?.session.version ?? -1 }

    func start() throws {
        guard run == nil else { return }
        let input = try configuration.makeInput()
        let live = LiveRecording(input: input, finalPath: nil, roles: configuration.channelRoles, transcriptFrom: configuration.transcriptFrom,
                                 folders: configuration.folders, taxonomy: configuration.taxonomy, model: configuration.model)
        let (session, recorder) = (live.session, Unchecked(value: live.recorder))
        let run = Run(session: session, startedAt: live.startedAt)
        let folders = configuration.folders
        let presence = LivePresence(session: configuration.archiving.store, folders: folders)
        presence.beat(session.snapshot)
        let thread = Thread {
            let result: Result<Recorder.Outcome, CommandFailure>
            defer { presence.end() }
            do {
                let outcome = try recorder.value.run(stop: run.stop) { chunk, _ in
                    session.audio(chunk)
                    presence.beat(session.snapshot)
                }
                if let problem = outcome.ending.problem { folders.log(problem) }
                result = .success(outcome)
            } catch {
                folders.log("\(error)")
                result = .failure(CommandFailure(error))
            }
            run.outcome.withLock { $0 = result }
            run.finished.signal()
        }
        thread.name = "recording"
        thread.start()
        self.run = run
    }

    func stop() -> (callID: Int64?, message: String) {
        guard let run else { return (nil, "") }
        run.stop.raise()
        run.finished.wait()
        self.run = nil
        guard case .some(.success(let outcome)) = run.outcome.withLock({ $0 }) else {
            return (nil, run.outcome.withLock { if case .some(.failure(let f)) = $0 { return f.message } else { return "recording failed" } })
        }
        let finished = RecordingFinisher.finish(outcome.entry)
        let duration = TimeFormat.duration(ms: Int(outcome.durationMs))
        guard let id = LiveRecording.archive(outcome.entry, path: finished.path, session: run.session, notes: run.notes.withLock { $0 },
                                             archiving: configuration.archiving, folders: configuration.folders) else {
            return (nil, "\(finished.path) (\(duration)) is kept but was not archived; it will be on the next start")
        }
        return (id, "\(finished.path) (\(duration)) archived as call \(id)" + (finished.warning.map { "; \($0)" } ?? ""))
    }

    func note(_ text: String) {
        guard let run else { return }
        run.notes.withLock { $0.append(text) }
        run.session.note(text)
    }
}
