import Foundation

/// A terminal in memory for tests: a screen that applies the drawn runs, a queue of keys to feed, and a
/// count of cells written (to prove only changes are drawn). Given a manual clock, waiting for a key that is not
/// there moves that clock on by the wait instead of sleeping, so a test drives the application's loop through
/// minutes in no time, as swift-nio's embedded event loop advances its own.
public final class FakeTerminal: Terminal {
    public private(set) var screen: ScreenBuffer
    public private(set) var cellsWritten = 0
    public private(set) var restored = false
    private var keys: [Key] = []
    private let clock: ManualClock?

    public init(width: Int = 80, height: Int = 24, clock: ManualClock? = nil) {
        screen = ScreenBuffer(width: width, height: height)
        self.clock = clock
    }

    public var size: (width: Int, height: Int) { (screen.width, screen.height) }

    public func draw(_ runs: [BufferDiff.Run]) {
        for run in runs {
            for (i, cell) in run.cells.enumerated() { screen[run.x + i, run.y] = cell }
            cellsWritten += run.cells.count
        }
    }

    /// Queues keys, as typed.
    public func type(_ keys: Key...) { self.keys += keys }

    /// Queues the characters of `text`.
    public func type(_ text: String) { keys += text.map { .character($0) } }

    /// Changes the size, and queues the resize the real terminal would report.
    public func resize(width: Int, height: Int) {
        screen = ScreenBuffer(width: width, height: height)
        keys.append(.resize)
    }

    public func readKey(timeout: TimeInterval) -> Key? {
        if keys.isEmpty {
            clock?.advance(by: timeout)
            return nil
        }
        return keys.removeFirst()
    }

    public func restore() { restored = true }
}
