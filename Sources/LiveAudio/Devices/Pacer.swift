import Foundation

/// Decides when a file played as a device hands over its next chunk: at the pace of the wall clock
/// (`--realtime`, for demos and latency benchmarks) or at once (tests, which then control time).
public protocol Pacer: AnyObject {
    /// Returns once the audio up to `milliseconds` from the start would have arrived from a device.
    func wait(untilAudioMs milliseconds: Int64)
}

/// Hands chunks over as a device would: the chunk ending at 2 s arrives 2 s after the first read.
/// At `speed` 2 the same chunk arrives after 1 s (for demos and tests that cannot wait a whole call).
public final class RealtimePacer: Pacer {
    public let speed: Double
    private var start: UInt64?

    public init(speed: Double = 1) { self.speed = speed > 0 ? speed : 1 }

    public func wait(untilAudioMs milliseconds: Int64) {
        let now = DispatchTime.now().uptimeNanoseconds
        let origin = start ?? now
        start = origin
        let due = origin + UInt64(Double(max(0, milliseconds)) * 1_000_000 / speed)
        if due > now { usleep(useconds_t(min(UInt64(UInt32.max), (due - now) / 1000))) }
    }
}

/// Hands chunks over at once; remembers how far the audio got (for tests that step the clock).
public final class ImmediatePacer: Pacer {
    public private(set) var audioMs: Int64 = 0

    public init() {}

    public func wait(untilAudioMs milliseconds: Int64) { audioMs = milliseconds }
}
