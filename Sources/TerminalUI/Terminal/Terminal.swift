import Foundation

/// Where the application draws and reads keys: the real terminal through ncursesw, or a fake one in tests.
public protocol Terminal: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Writes runs of changed cells and shows them.
    func draw(_ runs: [BufferDiff.Run])
    /// The next key, waiting at most `timeout` seconds; `nil` when none came.
    func readKey(timeout: TimeInterval) -> Key?
    /// Gives the terminal back as it was (also after an error or a signal).
    func restore()
}

/// The time the application shows and waits by: the wall clock, or one a test moves by hand.
public protocol Clock: AnyObject {
    var now: Date { get }
}

public final class SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that stands still until a test advances it, as swift-nio's embedded event loop does.
public final class ManualClock: Clock {
    public private(set) var now: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_773_454_620)) { now = start }

    public func advance(by seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}
