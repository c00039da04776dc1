import Archive
import Foundation
import Ingest
import Language
import LiveAudio
import TriageCore

/// Puts a finished (or recovered) recording into the archive with its sidecars: the live transcript
/// as WebVTT and a `.meta.json` with the start time, the device and the channel roles (and, for a file played
/// as the device, the replay's source and the source's caller's record: `ReplaySidecar`). The journal
/// note goes only once the call is archived, so a recording is never dropped on the way.
struct FinishedRecording {
    let entry: RecordingJournal.Entry
    /// The audio file to archive.
    let path: String
    /// Timed transcript turns heard live.
    var turns: [Turn] = []
    /// Typed notes, added to the call after it is archived.
    var notes: [String] = []

    /// Writes the sidecars and archives the call; returns its id (nil when it could not be archived).
    func archive(with archiving: CallArchiving, journal: RecordingJournal, folders: RecordingFolders) -> Int64? {
        let base = (path as NSString).deletingPathExtension
        do {
            if turns.contains(where: { $0.startMs != nil }), IngestDiscovery.transcriptSidecar(forBase: base) == nil {
                try Data(WebVTTWriter.render(turns).utf8).write(to: URL(fileURLWithPath: base + ".vtt"), options: .atomic)
            }
            var meta: [String: Any] = ["started_at": entry.startedAt, "device": entry.device, "recorded_live": true]
            if let roles = entry.channelRoles { meta["channel_roles"] = roles }
            if let replay = ReplaySidecar(device: entry.device) {
                let (fields, problems) = replay.fields()
                meta.merge(fields) { _, carried in carried }
                for problem in problems { Console.err("warning: \(problem)"); folders.log(problem) }
            }
            let metaPath = base + ".meta.json"
            if !FileManager.default.fileExists(atPath: metaPath) {
                let data = try JSONSerialization.data(withJSONObject: meta, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                try data.write(to: URL(fileURLWithPath: metaPath), options: .atomic)
            }
        } catch {
            folders.log("\(path): sidecars not written: \(error)")
        }
        let plan = IngestDiscovery.plan([path])
        let results = archiving.archive(plan.items, jobs: 1, progress: SilentProgress(), classify: notes.isEmpty).results
        for result in results {
            switch result {
            case .archived(let id, _), .alreadyPresent(let id):
                for note in notes {
                    do { try archiving.store.addNote(callID: id, text: note) } catch {
                        // The note stays in the recording's sidecar; say so rather than lose it quietly.
                        Console.err("error: call \(id): a note was not stored (\(CommandFailure(error).message)); it is kept in \(path)'s notes")
                        folders.log("call \(id): note not stored: \(error)")
                    }
                }
                if !notes.isEmpty { archiving.classify(results) }
                journal.end(entry)
                return id
            case .failed(let error):
                Console.err("error: \(error)")
                folders.log("\(error)")
            }
        }
        return nil
    }
}

/// Finds recordings a crash or a kill cut off, finishes them and archives them, saying so.
enum RecordingRecoveryOnStart {
    @discardableResult
    static func run(folders: RecordingFolders, archiving: CallArchiving, say: (String) -> Void = { Console.err($0) }) -> Int {
        let recovery = RecordingRecovery(journal: folders.journal)
        let (recovered, problems) = recovery.recover()
        for problem in problems {
            say("warning: \(problem)")
            folders.log(problem)
        }
        for item in recovered {
            if let warning = item.warning { say("warning: \(warning)"); folders.log(warning) }
            let finished = FinishedRecording(entry: item.entry, path: item.path)
            let id = finished.archive(with: archiving, journal: folders.journal, folders: folders)
            let message = "recovered a recording that was cut off (started \(item.entry.startedAt), \(TimeFormat.duration(ms: Int(item.durationMs)))): \(item.path)"
                + (id.map { ", archived as call \($0)" } ?? ", not yet archived")
            say(message)
            folders.log(message)
        }
        return recovered.count
    }
}
