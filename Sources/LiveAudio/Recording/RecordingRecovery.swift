import AudioIO
import Foundation

/// Finds recordings a crash, a kill or a power cut left unfinished, makes their files whole and
/// finishes them. The journal note stays until the caller has archived the recording (`done`).
public struct RecordingRecovery {
    public struct Recovered: Sendable {
        public var entry: RecordingJournal.Entry
        /// The finished file to archive.
        public var path: String
        public var frames: Int64
        /// A warning to show (encoding failed and the WAV was kept).
        public var warning: String?
        public var durationMs: Int64 { frames * 1000 / Int64(max(1, entry.sampleRate)) }
    }

    public let journal: RecordingJournal

    public init(journal: RecordingJournal) { self.journal = journal }

    /// Every cut-off recording, repaired and finished; problems are reported, never thrown away.
    public func recover() -> (recovered: [Recovered], problems: [String]) {
        var recovered: [Recovered] = []
        var problems: [String] = []
        for entry in journal.orphans() {
            let fm = FileManager.default
            if !fm.fileExists(atPath: entry.capturePath) {
                if fm.fileExists(atPath: entry.finalPath), let finished = try? AudioFile(path: entry.finalPath) {
                    // Cut off after encoding, before the note was removed: the recording is finished.
                    recovered.append(Recovered(entry: entry, path: entry.finalPath, frames: finished.info.frames, warning: nil))
                } else {
                    problems.append("\(entry.capturePath): a cut-off recording's file is missing")
                }
                continue
            }
            do {
                let frames = try WavRepair.repair(path: entry.capturePath)
                guard frames > 0 else {
                    problems.append("\(entry.capturePath): the cut-off recording holds no audio; kept as it is")
                    journal.end(entry)
                    continue
                }
                let finished = RecordingFinisher.finish(entry)
                recovered.append(Recovered(entry: entry, path: finished.path, frames: frames, warning: finished.warning))
            } catch {
                problems.append("\(error)")
            }
        }
        return (recovered, problems)
    }

    /// Marks a recovered recording as archived: its journal note goes.
    public func done(_ recovered: Recovered) { journal.end(recovered.entry) }
}
