import Foundation

/// A wall-clock date and time without a time zone, as the hospital's clock shows it.
///
/// Statistics by hour of day and weekday need the local clock, so calls keep it as given;
/// the text form is ISO 8601 (`2026-03-14T02:17:00`), which also sorts chronologically.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDateTime.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` (a space may stand for `T`), with an optional
    /// `Z` or `±HH:MM` suffix whose offset is returned beside the wall-clock time.
    public static func parse(_ text: String) -> (LocalDateTime, utcOffsetMinutes: Int?)? {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var n = 0
            for b in s[from..<(from + count)] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = number(0, 4), s.count >= 10, s[4] == 45, let mo = number(5, 2), s[7] == 45,
              let d = number(8, 2) else { return nil }
        var i = 10, h = 0, mi = 0, se = 0
        if i < s.count, s[i] == 84 || s[i] == 32 {
            guard let hh = number(i + 1, 2), i + 3 < s.count, s[i + 3] == 58, let mm = number(i + 4, 2) else { return nil }
            (h, mi) = (hh, mm)
            i += 6
            if i < s.count, s[i] == 58 {
                guard let ss = number(i + 1, 2) else { return nil }
                se = ss
                i += 3
                if i < s.count, s[i] == 46 || s[i] == 44 {
                    i += 1
                    while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
                }
            }
        }
        var offset: Int?
        if i < s.count {
            if s[i] == 90, i == s.count - 1 { offset = 0 }
            else if s[i] == 43 || s[i] == 45, let oh = number(i + 1, 2) {
                var om = 0
                if i + 3 < s.count { guard let m = number(s[i + 3] == 58 ? i + 4 : i + 3, 2) else { return nil }; om = m }
                offset = (s[i] == 45 ? -1 : 1) * (oh * 60 + om)
            } else { return nil }
        }
        guard let value = LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: se) else { return nil }
        return (value, offset)
    }

    /// ISO 8601 text, `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let t = String(n); return String(repeating: "0", count: max(0, w - t.count)) + t }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // Days since 1970-01-01 (a Thursday) by the civil-from-days algorithm.
        let days = LocalDateTime.daysFromCivil(year, month, day)
        return ((days % 7) + 7 + 3) % 7 + 1
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.description < b.description }

    /// The ISO 8601 week, "2026-W11": weeks start on Monday and week 1 holds the year's first Thursday.
    public var isoWeek: String {
        let days = LocalDateTime.daysFromCivil(year, month, day)
        let thursday = days - (isoWeekday - 1) + 3
        // The ISO year is the year of that Thursday.
        var y = year + 1
        while LocalDateTime.daysFromCivil(y, 1, 1) > thursday { y -= 1 }
        let week = (thursday - LocalDateTime.daysFromCivil(y, 1, 1)) / 7 + 1
        return "\(y)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// Every ISO week from `first` to `last` ("2026-W15" … "2026-W49"), in order, for an axis that shows the weeks
    /// without calls as gaps; at most `limit` weeks, and empty when either is not a week.
    public static func isoWeeks(from first: String, to last: String, limit: Int = 1_000) -> [String] {
        func monday(_ week: String) -> Int? {
            let parts = week.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), (1...9999).contains(year), parts[1].hasPrefix("W"),
                  let n = Int(parts[1].dropFirst()), (1...53).contains(n) else { return nil }
            let january4 = daysFromCivil(year, 1, 4)
            let weekday = ((january4 % 7) + 7 + 3) % 7 // 0 = Monday
            return january4 - weekday + (n - 1) * 7
        }
        guard let start = monday(first), let end = monday(last), start <= end else { return [] }
        return stride(from: start, through: end, by: 7).prefix(limit).map { LocalDateTime(daysSince1970: $0).isoWeek }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date `days` after 1970-01-01 at `minuteOfDay` (pure arithmetic: fast enough for millions).
    public init(daysSince1970 days: Int, minuteOfDay: Int = 0) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        (year, month, day) = (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
        (hour, minute, second) = (minuteOfDay / 60 % 24, minuteOfDay % 60, 0)
    }

    /// Days since 1970-01-01.
    public var daysSince1970: Int { LocalDateTime.daysFromCivil(year, month, day) }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

