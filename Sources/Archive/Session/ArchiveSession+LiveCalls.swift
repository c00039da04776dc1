import Foundation

extension ArchiveSession {
    /// Shows this desk's live call to the other desks (whoever may record a call may).
    public func putLiveCall(_ call: LiveCallRecord) throws {
        try require(.ingest)
        var mine = call
        mine.user = user.name
        try store.putLiveCall(mine)
    }

    /// This desk's live call has ended.
    public func endLiveCall(desk: String = LiveCallRecord.thisDesk) throws {
        try require(.ingest)
        try store.endLiveCall(desk: desk)
    }

    /// The calls being taken at the desks now (every role: who, since when, the suggestion so far; no transcript).
    public func liveCalls(now: Date = Date()) throws -> [LiveCallRecord] {
        try require(.statistics)
        return try store.liveCalls(since: now.addingTimeInterval(-LiveCallRecord.staleAfter))
    }
}
