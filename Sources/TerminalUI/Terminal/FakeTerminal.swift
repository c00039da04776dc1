import Foundation

/// A terminal in memory for tests: a screen that applies the drawn runs, a queue of keys to feed, and a
/// count of cells written (to prove only changes are drawn).
public final class FakeTerminal: Terminal {
    public private(set) var screen: ScreenBuffer
    public private(set) var cellsWritten = 0
    public private(set) var restored = false
    private var keys: [Key] = []

    public init(width: Int = 80, height: Int = 24) { screen = ScreenBuffer(width: width, height: height) }

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

    public func readKey(timeout: TimeInterval) -> Key? { keys.isEmpty ? nil : keys.removeFirst() }

    public func restore() { restored = true }
}
