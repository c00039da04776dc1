import Foundation
import Live
import LiveAudio
import Triage
import TriageCore

/// A live call's recording and its analysis, set up and finished the same way for `triage record` and
/// for the triage screen's `r`.
struct LiveRecording {
    let recorder: Recorder
    let session: LiveCallSession
    /// When the call started, local time.
    let startedAt: LocalDateTime?

    /// The input a live call records from: a file played as the device (by its absolute path, which the journal keeps
    /// as the device, so that a recovered replay still finds its source), else the sound server's device.
    /// A failure is logged and becomes a one-line `CommandFailure`.
    static func openInput(file: String?, pacer: @autoclosure () -> Pacer, device: String?, channels: Int, sampleRate: Int? = nil,
                          folders: RecordingFolders) throws -> AudioInput {
        do {
            if let file { return try FileInput(path: URL(fileURLWithPath: file).standardizedFileURL.path, pacer: pacer()) }
            return try PulseInput(device: device, channels: channels, sampleRate: sampleRate)
        } catch {
            folders.log("\(error)")
            throw CommandFailure(error)
        }
    }

    /// Prepares to record `input` into `finalPath` (default: a new file in the recordings folder), with the
    /// live analysis on the caller's channel and the live transcript read from `transcriptFrom`.
    /// Two channels are caller and midwife unless `roles` says otherwise.
    init(input: AudioInput, finalPath: String?, roles: [String]?, transcriptFrom: String?, folders: RecordingFolders, taxonomy: Taxonomy,
         model: ReasonModel? = nil) {
        let started = Date()
        let stamp = RecordingFolders.localTimestamp(started)
        var metadata = CallMetadata()
        if let (time, offset) = LocalDateTime.parse(stamp) { metadata.startedAt = time; metadata.utcOffsetMinutes = offset }
        let channelRoles = roles ?? (input.format.channels == 2 ? ["caller", "midwife"] : nil)
        recorder = Recorder(input: input, finalPath: finalPath ?? folders.newRecordingPath(startedAt: started), journal: folders.journal,
                            startedAt: stamp, channelRoles: channelRoles)
        let session = LiveCallSession(taxonomy: taxonomy, model: model, sampleRate: input.format.sampleRate, channels: input.format.channels,
                                      callerChannel: channelRoles?.firstIndex(of: "caller") ?? 0, metadata: metadata)
        if let transcriptFrom { TranscriptFeed(source: transcriptFrom).start { session.transcript($0) } }
        self.session = session
        startedAt = metadata.startedAt
    }

    /// Archives a finished recording (`RecordingFinisher.finish`) with the live transcript heard in
    /// `session` and the midwife's notes; the call's id, nil when it could not be archived (the journal then
    /// brings it back on the next start).
    static func archive(_ entry: RecordingJournal.Entry, path: String, session: LiveCallSession, notes: [String],
                        archiving: CallArchiving, folders: RecordingFolders) -> Int64? {
        FinishedRecording(entry: entry, path: path, turns: session.turns.filter { $0.speaker != .notes }, notes: notes)
            .archive(with: archiving, journal: folders.journal, folders: folders)
    }
}
