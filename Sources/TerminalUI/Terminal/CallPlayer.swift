import Foundation

/// Plays a recorded call through the desk's audio output, for the label screen. The real one goes
/// through the same audio back end as recording; tests use `FakeCallPlayer`.
public protocol CallPlayer: AnyObject {
    /// Starts playing `path` from `fromMs`; throws an error whose description is one line when it
    /// cannot (no output device, an unreadable file).
    func play(path: String, fromMs: Int) throws
    func stop()
    /// Where playback is; nil when stopped or finished.
    var positionMs: Int? { get }
}

/// A player that plays nothing and moves on the clock it is given, as the audio device would.
public final class FakeCallPlayer: CallPlayer {
    public let clock: Clock
    /// Length of every file, to know when playback ends.
    public var durationMs: Int
    /// When set, `play` fails with this message (no output device).
    public var failure: String?
    private var started: (at: Date, fromMs: Int)?
    public private(set) var played: [(path: String, fromMs: Int)] = []

    public init(clock: Clock, durationMs: Int = 3_600_000) { self.clock = clock; self.durationMs = durationMs }

    struct Failure: Error, CustomStringConvertible { var description: String }

    public func play(path: String, fromMs: Int) throws {
        if let failure { throw Failure(description: failure) }
        played.append((path, fromMs))
        started = (clock.now, fromMs)
    }

    public func stop() { started = nil }

    public var positionMs: Int? {
        guard let started else { return nil }
        let position = started.fromMs + Int(clock.now.timeIntervalSince(started.at) * 1000)
        return position < durationMs ? position : nil
    }
}
