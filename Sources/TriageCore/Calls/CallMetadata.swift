import Foundation

/// What is known about a call beside its audio and transcript: the caller's record and the call's
/// circumstances, typically from a `.meta.json` sidecar. Every field is optional.
public struct CallMetadata: Sendable, Equatable {
    /// Wall-clock start of the call in the hospital's local time.
    public var startedAt: LocalDateTime?
    /// Offset of `startedAt` from UTC in minutes, when the source gave one.
    public var utcOffsetMinutes: Int?
    /// Completed weeks of gestation (the 38 of "38+2").
    public var gestationalWeek: Int?
    /// Days past the completed week (the 2 of "38+2").
    public var gestationalDays: Int?
    /// Whether this is her first baby (nullipara).
    public var firstBaby: Bool?
    /// Who is calling.
    public var caller: CallerType?
    /// Days since the birth, for calls after it.
    public var daysPostpartum: Int?
    /// The call's language as an ISO 639-1 code ("da", "en").
    public var language: String?
    /// The role of each audio channel, in channel order, when the channels are separate parties.
    public var channelRoles: [Speaker]?
    /// The recording this call replays, when it is a known call played again through the live path.
    public var replayOf: ReplaySource?

    public init(startedAt: LocalDateTime? = nil, utcOffsetMinutes: Int? = nil, gestationalWeek: Int? = nil,
                gestationalDays: Int? = nil, firstBaby: Bool? = nil, caller: CallerType? = nil,
                daysPostpartum: Int? = nil, language: String? = nil, channelRoles: [Speaker]? = nil,
                replayOf: ReplaySource? = nil) {
        self.startedAt = startedAt
        self.utcOffsetMinutes = utcOffsetMinutes
        self.gestationalWeek = gestationalWeek
        self.gestationalDays = gestationalDays
        self.firstBaby = firstBaby
        self.caller = caller
        self.daysPostpartum = daysPostpartum
        self.language = language
        self.channelRoles = channelRoles
        self.replayOf = replayOf
    }
}
