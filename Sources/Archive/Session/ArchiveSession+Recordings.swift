import Foundation
import TriageCore

/// What `verify` found for one recording the archive refers to.
public struct RecordingProblem: Sendable, Equatable {
    public var callID: Int64
    public var sha256: String
    /// The file the call was ingested from.
    public var originalPath: String
    /// The copy in the store.
    public var storePath: String
    public var problem: String
}

/// What `verify` checked and found.
public struct RecordingVerification: Sendable {
    /// Audio calls checked.
    public var checked = 0
    /// Recordings copied into the store from their intact originals (with `repair`).
    public var repaired = 0
    /// Calls whose recording the retention policy removed (not checked).
    public var retired = 0
    public var problems: [RecordingProblem] = []
}

extension ArchiveSession {
    /// The archive's recording store (`RecordingStore.root(forArchive:)`).
    public var recordings: RecordingStore { RecordingStore(root: recordingsRoot ?? RecordingStore.root(forArchive: address)) }

    /// Copies a recording being archived into the store (before its call is stored, so that no call refers to a
    /// recording the store lacks).
    public func keepRecording(fileAt path: String, sha256: String) throws {
        try require(.ingest)
        try recordings.keep(fileAt: path, sha256: sha256)
    }

    /// The file to play or analyse for an audio call: the store's copy, else the original while it is still there
    /// (a call archived before the store existed); nil when neither is.
    public func recordingPath(of call: CallSummary) -> String? {
        recordingPath(sha256: call.sha256, originalPath: call.path)
    }

    /// The file to analyse for a call (as `recordingPath(of:)` for a listed call).
    public func recordingPath(of call: Call) -> String? {
        recordingPath(sha256: call.sha256, originalPath: call.path)
    }

    func recordingPath(sha256: String, originalPath: String) -> String? {
        guard !originalPath.isEmpty else { return nil }
        let copy = recordings.path(sha256: sha256, fileExtension: (originalPath as NSString).pathExtension)
        if FileManager.default.fileExists(atPath: copy) { return copy }
        return FileManager.default.fileExists(atPath: originalPath) ? originalPath : nil
    }

    /// Reads every recording the archive refers to in full and checks its hash: the store's copy must be there
    /// and intact. With `repair`, a recording missing from the store (or damaged there) whose original is still
    /// intact is copied in, and is not a problem any more. An admin's check, like the audit log's.
    public func verifyRecordings(repair: Bool = false) throws -> RecordingVerification {
        try require(.audit)
        let store = recordings
        var result = RecordingVerification()
        let removed = try removedRecordings()
        try forEachAudioCall { call in
            // Removed under the retention policy, with its audit entry: nothing to find.
            if removed.contains(call.id) { result.retired += 1; return }
            result.checked += 1
            let ext = (call.path as NSString).pathExtension
            let copy = store.path(sha256: call.sha256, fileExtension: ext)
            let found: String
            switch store.check(sha256: call.sha256, fileExtension: ext) {
            case .intact: return
            case .missing: found = "missing from the recording store"
            case .damaged(let hash): found = "damaged in the recording store (its bytes hash to \(hash.prefix(12))…)"
            case .unreadable(let reason): found = "unreadable in the recording store (\(reason))"
            }
            let original: Bool? // nil: the original is gone (or cannot be read, which comes to the same)
            do { original = try SHA256Digest.hex(fileAt: call.path) == call.sha256 } catch { original = nil }
            if repair, original == true {
                try store.keep(fileAt: call.path, sha256: call.sha256, verify: true)
                result.repaired += 1
                return
            }
            let state = switch original {
            case true?: "; the original is intact (verify --repair copies it in)"
            case false?: "; the original has changed since it was ingested"
            case nil: "; the original is gone too"
            }
            result.problems.append(RecordingProblem(callID: call.id, sha256: call.sha256, originalPath: call.path, storePath: copy, problem: found + state))
        }
        return result
    }

    /// Every call with a recording, a thousand at a time, whoever's and however old (for an admin's checks).
    func forEachAudioCall(_ body: (CallSummary) throws -> Void) throws {
        var offset = 0
        while true {
            let calls = try store.listCalls(CallListRequest(limit: 1000, offset: offset))
            offset += calls.count
            for call in calls where call.sampleRate != nil && !call.path.isEmpty { try body(call) }
            if calls.count < 1000 { break }
        }
    }
}

/// A call's recording, opened to be played or read: the call, and the file that holds its audio.
public struct OpenedRecording: Sendable {
    public var call: Call
    /// The store's copy, or the original for a call archived before the store existed.
    public var path: String
}
