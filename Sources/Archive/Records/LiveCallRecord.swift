import Foundation
import TriageCore

/// A call being taken at a desk right now, as the other desks' queues and the coordinator's screen show it: who
/// takes it, since when, and the suggestion so far — no transcript. The desk refreshes it every second while
/// recording; one not refreshed for `staleAfter` seconds (a desk that was killed) is no longer shown.
public struct LiveCallRecord: Sendable, Equatable, Codable {
    /// The desk: host name and process.
    public var desk: String
    public var user: String
    public var startedAt: Date
    public var updatedAt: Date
    public var audioMs: Int
    public var disposition: Disposition?
    public var primaryReason: ReasonCode?

    public init(desk: String = LiveCallRecord.thisDesk, user: String, startedAt: Date, updatedAt: Date = Date(), audioMs: Int,
                disposition: Disposition?, primaryReason: ReasonCode?) {
        self.desk = desk; self.user = user; self.startedAt = startedAt; self.updatedAt = updatedAt; self.audioMs = audioMs
        self.disposition = disposition; self.primaryReason = primaryReason
    }

    /// This process's desk name.
    public static let thisDesk = "\(ProcessInfo.processInfo.hostName):\(getpid())"

    /// Seconds after its last refresh that a live call is taken for gone.
    public static let staleAfter: TimeInterval = 10
}
