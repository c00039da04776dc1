import TriageCore

/// A call's replay mark as both stores keep it on `calls`: `replay` (0 or 1), the source's path and content hash; the
/// source's archived id is looked up by that hash when the call is read.
enum ReplayColumns {
    /// The columns to select beside a call's own, over `calls c`.
    static let select = """
        c.replay, c.replay_of_path, c.replay_of_sha256,
        (SELECT s.id FROM calls s WHERE s.content_sha256 = c.replay_of_sha256) AS replay_of_call_id
        """

    /// Leaves out replays: a condition on a call's id (`c.id`, or `r.call_id` of `current_reasons`) answered from the
    /// small index of replays, so that the statistics' covering indexes still answer the rest.
    static func excluded(_ callID: String = "c.id") -> String { "\(callID) NOT IN (SELECT id FROM calls WHERE replay = 1)" }

    /// The source of a call read with `select`; `nil` for a call that is no replay.
    static func source(replay: Int?, path: String?, sha256: String?, callID: Int64?) -> ReplaySource? {
        guard replay == 1 else { return nil }
        return ReplaySource(path: path ?? "", sha256: sha256, callID: callID)
    }
}
