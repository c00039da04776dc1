/// What the midwife advises at the end of the call, from most to least urgent.
public enum Disposition: String, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Call 112 now.
    case emergency112 = "emergency_112"
    /// Come in now.
    case attendNow = "attend_now"
    /// Come in for a check within hours, the same day.
    case attendSoon = "attend_soon"
    /// Stay home with advice, and call again.
    case selfCare = "self_care"
    /// Referred elsewhere: GP, own midwife, health visitor, emergency GP.
    case refer
    /// An information or administrative answer.
    case infoOnly = "info_only"

    /// 0 is the most urgent.
    public var urgencyRank: Int { Disposition.allCases.firstIndex(of: self) ?? Disposition.allCases.count }

    /// Whether `self` is more urgent than `other`.
    public func isMoreUrgent(than other: Disposition) -> Bool { urgencyRank < other.urgencyRank }

    /// Orders by urgency: the most urgent compares smallest.
    public static func < (a: Disposition, b: Disposition) -> Bool { a.urgencyRank < b.urgencyRank }
}

extension Disposition {
    /// The code, as stored and printed (`attend_now`).
    public var description: String { rawValue }
}
