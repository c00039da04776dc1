import Foundation

/// Times as people read them: call lengths ("3:35", "1:02:07") and positions in a call ("02:31.5").
public enum TimeFormat {
    /// `m:ss`, or `h:mm:ss` from an hour.
    public static func duration(ms: Int) -> String {
        let s = ms / 1000
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    /// `mm:ss.t`, or `h:mm:ss.t` from an hour.
    public static func position(ms: Int) -> String {
        let tenths = ms / 100 % 10, s = ms / 1000
        return s >= 3600 ? String(format: "%d:%02d:%02d.%d", s / 3600, s / 60 % 60, s % 60, tenths)
            : String(format: "%02d:%02d.%d", s / 60, s % 60, tenths)
    }
}
