import Archive
import AudioIO
import Foundation
import Language
import TriageCore

/// Reads and checks everything one call's files hold, and turns them into a `CallDraft`.
/// Reads only: nothing reaches the archive until the whole call has been read without error.
enum CallPreparer {
    /// The call's content hash, computed first so that an archived call is skipped before decoding.
    static func contentHash(of item: IngestItem) throws -> (sha256: String, transcriptData: Data?) {
        if let audio = item.audioPath {
            do { return (try ContentHash.sha256(fileAt: audio), nil) } catch let error as AudioIOError {
                throw IngestError(path: audio, reason: error.reason)
            }
        }
        guard let transcript = item.transcriptPath else { throw IngestError(path: item.primaryPath, reason: "nothing to ingest") }
        guard let data = FileManager.default.contents(atPath: transcript) else {
            throw IngestError(path: transcript, reason: "cannot read the transcript")
        }
        return (ContentHash.sha256(data), data)
    }

    /// A path as the archive stores it: absolute, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    static func draft(for item: IngestItem, sha256: String, transcriptData: Data?, features: Bool = false, channelThreads: Int = 1) throws -> CallDraft {
        // Absolute paths: the label screen opened from another folder still finds the recording.
        var draft = CallDraft(sha256: sha256, contentKind: item.audioPath == nil ? .transcript : .audio,
                              sourcePath: absolute(item.primaryPath))
        if let audio = item.audioPath {
            do {
                let file = try AudioFile(path: audio)
                try file.validate()
                draft.audioFormat = file.info.format
                draft.sampleRate = file.info.sampleRate
                draft.channels = file.info.channels
                draft.frames = file.info.frames
                draft.durationMs = file.info.durationMs
            } catch let error as AudioIOError {
                throw IngestError(path: audio, reason: error.reason)
            }
            // Rates too low to analyse are archived without features rather than refused.
            if features, draft.sampleRate.map({ $0 >= RecordingFeatures.lowestSampleRate }) == true {
                do { draft.features = FeatureRecords.records(for: try RecordingFeatures(path: audio).summarise(threads: channelThreads)) } catch let error as AudioIOError {
                    throw IngestError(path: audio, reason: error.reason)
                }
            }
        }
        if let path = item.transcriptPath {
            do {
                let transcript: Transcript
                if let transcriptData, let format = TranscriptFormat(fileExtension: (path as NSString).pathExtension) {
                    transcript = try TranscriptReader.parse(transcriptData, format: format, path: path)
                } else {
                    transcript = try TranscriptReader.read(fileAt: path)
                }
                draft.turns = transcript.turns
                draft.transcriptPath = absolute(path)
                draft.transcriptFormat = transcript.format.rawValue
                if draft.durationMs == nil { draft.durationMs = transcript.endMs }
                if let duration = draft.durationMs, let end = transcript.endMs, item.audioPath != nil, end > duration + 2000 {
                    throw IngestError(path: path, reason: "the transcript runs to \(end) ms but the recording is \(duration) ms long")
                }
            } catch let error as TranscriptError {
                throw IngestError(path: error.path, reason: error.reason)
            }
        }
        if let path = item.metadataPath {
            let (metadata, json) = try MetadataFile.read(fileAt: path)
            draft.metadata = metadata
            draft.metadataJSON = json
            if let roles = metadata.channelRoles, item.audioPath != nil, roles.count != draft.channels {
                throw IngestError(path: path, reason: "channel_roles names \(roles.count) channels but the recording has \(draft.channels)")
            }
        }
        return draft
    }
}
