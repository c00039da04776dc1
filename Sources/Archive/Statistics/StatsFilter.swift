/// Which calls the statistics count. Every field narrows; `nil` leaves it open. Replays of known calls are left out
/// unless `includeReplays`.
public struct StatsFilter: Sendable, Hashable {
    /// First and last day (inclusive), `YYYY-MM-DD`, of the call's local start.
    public var from: String?
    public var to: String?
    /// A reason the call must have (any of its reasons, not only the primary).
    public var reason: String?
    public var disposition: String?
    public var language: String?
    public var caller: String?
    /// Count the calls that replay a known recording too (the demo's live replays), which are left out by default.
    public var includeReplays: Bool

    public init(from: String? = nil, to: String? = nil, reason: String? = nil, disposition: String? = nil, language: String? = nil, caller: String? = nil,
                includeReplays: Bool = false) {
        self.from = from; self.to = to; self.reason = reason; self.disposition = disposition; self.language = language; self.caller = caller
        self.includeReplays = includeReplays
    }
}
