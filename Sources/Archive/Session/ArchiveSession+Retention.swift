import Foundation
import TriageCore

/// What a retention run removed (or would remove).
public struct RetentionResult: Sendable {
    /// Calls whose recording was removed from the store, oldest archived first.
    public var removed: [Int64] = []
    /// Calls with a recording that is young enough to keep.
    public var kept = 0
}

extension ArchiveSession {
    /// The retention policy: the stored recordings of calls archived more than `days` days ago are deleted from the
    /// recording store, each with an audit entry written first; their transcripts, notes, suggestions, decisions and
    /// labels stay. A run cut off part-way is finished by the next (an entry whose file is still there). With
    /// `dryRun`, only says what would go. An admin's operation.
    public func applyRetention(olderThanDays days: Int, dryRun: Bool = false) throws -> RetentionResult {
        try require(.audit)
        guard days >= 1 else { throw ArchiveError.failed(path: address, reason: "a retention period is at least one day") }
        let cutoff = clock().addingTimeInterval(-Double(days) * 86_400)
        let removedBefore = try removedRecordings()
        let recordings = self.recordings
        var result = RetentionResult()
        try forEachAudioCall { call in
            let copy = recordings.path(sha256: call.sha256, fileExtension: (call.path as NSString).pathExtension)
            if removedBefore.contains(call.id) {
                if !dryRun, FileManager.default.fileExists(atPath: copy) { try deleteCopy(copy) }
                return
            }
            let archived = try store.auditEntries(AuditFilter(callID: call.id, limit: 1, action: .ingest)).first.flatMap { Timestamps.date($0.at) }
            guard let archived, archived < cutoff else { result.kept += 1; return }
            result.removed.append(call.id)
            guard !dryRun else { return }
            // The entry first: a kill after it leaves a file the next run deletes, never a call whose recording is
            // gone without a word.
            try store.append(context().event(.removeRecording, callID: call.id,
                                             detail: "retention: recording removed after \(days) days; transcript and labels kept"))
            try deleteCopy(copy)
        }
        return result
    }

    /// The calls whose recording the retention policy removed.
    func removedRecordings() throws -> Set<Int64> {
        Set(try store.auditEntries(AuditFilter(action: .removeRecording)).compactMap(\.callID))
    }

    private func deleteCopy(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw ArchiveError.file(path: path, problem: "cannot remove the recording (\(error.localizedDescription))")
        }
    }
}
