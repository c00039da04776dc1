import Archive
import Foundation
import Ingest
import Live
import Synchronization

/// This desk's live call as the other desks see it: shown when recording starts, refreshed at most once a second (at
/// once when the suggested disposition changes), removed when the call ends. A failure to show it never stops the
/// recording: it is said once on standard error and in the recording log.
final class LivePresence: Sendable {
    private let session: ArchiveSession
    private let folders: RecordingFolders
    private let startedAt = Date()
    private struct Shown { var at: Date?; var looked: Date?; var disposition: String?; var failed = false }
    private let shown = Mutex(Shown())

    init(session: ArchiveSession, folders: RecordingFolders) {
        self.session = session; self.folders = folders
    }

    /// Shows the call (or its progress) from the live analysis's snapshot, which it takes at most four times a second.
    func beat(_ snapshot: @autoclosure () -> LiveSnapshot, now: Date = Date()) {
        let look = shown.withLock { s -> Bool in
            guard s.looked.map({ now.timeIntervalSince($0) >= 0.25 }) ?? true else { return false }
            s.looked = now
            return true
        }
        guard look else { return }
        let snapshot = snapshot()
        let disposition = snapshot.record?.disposition.rawValue
        let due = shown.withLock { s -> Bool in
            guard s.at.map({ now.timeIntervalSince($0) >= 1 }) ?? true || s.disposition != disposition else { return false }
            s.at = now; s.disposition = disposition
            return true
        }
        guard due else { return }
        let call = LiveCallRecord(user: session.user.name, startedAt: startedAt, updatedAt: now, audioMs: snapshot.audioMs,
                                  disposition: snapshot.record?.disposition, primaryReason: snapshot.record?.primaryReason)
        attempt { try session.putLiveCall(call) }
    }

    /// The call has ended: the other desks stop showing it.
    func end() {
        attempt { try session.endLiveCall() }
    }

    private func attempt(_ body: () throws -> Void) {
        do { try body() } catch {
            let first = shown.withLock { s -> Bool in defer { s.failed = true }; return !s.failed }
            guard first else { return }
            let message = "the other desks cannot see this live call: \(CommandFailure(error).message)"
            Console.err("warning: \(message)")
            folders.log(message)
        }
    }
}
