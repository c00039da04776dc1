import Foundation
import TriageCore

extension ArchiveSession {
    /// The id of the call archived with this content hash, if any (ingest's duplicate check).
    public func callID(sha256: String) throws -> Int64? {
        try require(.ingest)
        return try store.callID(sha256: sha256)
    }

    /// Archives a call with its turns and features in one transaction, with its audit entry.
    public func store(_ draft: CallDraft) throws -> ArchiveOutcome {
        try require(.ingest)
        return try store.store(draft, by: context())
    }

    /// Calls newest start first; a midwife sees today's calls.
    public func listCalls(limit: Int? = nil, offset: Int = 0) throws -> [CallSummary] {
        try require(.readCalls)
        let since = seesTodayOnly ? clock().addingTimeInterval(-Self.midwifeWindow) : nil
        return try store.listCalls(CallListRequest(limit: limit, offset: offset, ingestedSince: since))
    }

    /// How many calls the archive holds (a number, not a call: any role that reads statistics).
    public func callCount() throws -> Int {
        try require(.statistics)
        return try store.callCount()
    }

    /// One call with its metadata (audited as a view), or `nil`.
    public func call(id: Int64) throws -> Call? {
        try require(.readCalls)
        guard let call = try store.call(id: id) else { return nil }
        try store.append(context().event(.viewCall, callID: id))
        return call
    }

    /// Several calls with their metadata, by id (an export's), each view audited, in one transaction; a missing id is
    /// left out.
    public func calls(ids: [Int64]) throws -> [Int64: Call] {
        try require(.readCalls)
        var found: [Int64: Call] = [:]
        for id in ids { if let call = try store.call(id: id) { found[id] = call } }
        let context = context()
        try store.append(ids.filter { found[$0] != nil }.map { context.event(.viewCall, callID: $0) })
        return found
    }

    /// The call's transcript turns and notes in order (audited as a view).
    public func turns(ofCall id: Int64) throws -> [Turn] {
        try require(.readTranscripts)
        let turns = try store.turns(ofCall: id)
        try store.append(context().event(.viewTranscript, callID: id, detail: "\(turns.count) turns"))
        return turns
    }

    /// Turns that match every word of `query` as a prefix (audited with the query).
    public func searchTranscripts(_ query: String, limit: Int = 100) throws -> [TranscriptMatch] {
        try require(.readTranscripts)
        let found = try store.searchTranscripts(query, limit: limit)
        try store.append(context().event(.viewTranscript, detail: "search \(query.debugDescription): \(found.count) turns"))
        return found
    }

    /// A call and its turns read to classify it, not to show it: the suggestion stored from them is what the audit
    /// log records. Needs the permission to archive suggestions.
    public func callForClassification(id: Int64) throws -> (call: Call, turns: [Turn])? {
        try require(.ingest)
        guard let call = try store.call(id: id) else { return nil }
        return (call, try store.turns(ofCall: id))
    }

    /// A call's stored acoustic features.
    public func features(ofCall id: Int64) throws -> [CallFeatureRecord] {
        try require(.readRecordings)
        return try store.features(ofCall: id)
    }

    /// Records that a call's recording is about to be read or played, and returns the call with the file to read
    /// (the store's copy, else the original); nil for a call without audio. Refuses a role that may not, and
    /// throws when the recording is gone from both places.
    public func openRecording(ofCall id: Int64) throws -> OpenedRecording? {
        try require(.readRecordings)
        guard let call = try store.call(id: id), call.format != nil else { return nil }
        if let removal = try store.auditEntries(AuditFilter(callID: id, limit: 1, action: .removeRecording)).first {
            throw ArchiveError.file(path: call.path, problem: "the recording was removed under the retention policy on \(removal.at.prefix(10)); the transcript and labels are kept")
        }
        guard let path = recordingPath(sha256: call.sha256, originalPath: call.path) else {
            throw ArchiveError.file(path: call.path, problem: "the recording is missing: not in the recording store, and the original is gone")
        }
        try store.append(context().event(.readRecording, callID: id, detail: path))
        return OpenedRecording(call: call, path: path)
    }
}
