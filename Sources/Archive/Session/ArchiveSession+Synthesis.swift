import Foundation

extension ArchiveSession {
    /// The text of every turn and note of every call (replays too), read so that generated calls can be kept from
    /// repeating any of them. Needs the permission to read transcripts (a midwife's reach only today's calls, as her
    /// list does); audited as one view of all of them.
    public func everyTurnText() throws -> [String] {
        try require(.readTranscripts)
        let since = seesTodayOnly ? clock().addingTimeInterval(-Self.midwifeWindow) : nil
        var texts: [String] = []
        var calls = 0
        for summary in try store.listCalls(CallListRequest(ingestedSince: since)) where summary.turns > 0 {
            texts += try store.turns(ofCall: summary.id).map(\.text)
            calls += 1
        }
        try store.append(context().event(.viewTranscript, detail: "\(texts.count) turns of \(calls) calls, compared with synthetic calls"))
        return texts
    }
}
