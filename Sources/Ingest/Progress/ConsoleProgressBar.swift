import Foundation
import Synchronization

/// A progress bar on standard error for a long command (an export): `[█████░░░░░] 4200/10000 calls · writing`,
/// redrawn at most ten times a second and cleared at the end. Nothing is drawn when standard error is not a
/// terminal (logs, pipes, CI): there the command's summary line says what was done.
public final class ConsoleProgressBar: Sendable {
    private struct State { var lastDraw: TimeInterval = 0; var drawn = false }

    private let unit: String
    private let interactive: Bool
    private let state = Mutex(State())

    /// `unit`: what is counted (`calls`); `interactive`: draw (true when standard error is a terminal).
    public init(unit: String, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.unit = unit; self.interactive = interactive
    }

    /// Redraws the bar when a tenth of a second has passed since the last drawing, or the step is done.
    public func update(done: Int, total: Int, step: String? = nil) {
        guard interactive else { return }
        state.withLock { s in
            let now = Date().timeIntervalSinceReferenceDate
            guard now - s.lastDraw > 0.1 || done >= total else { return }
            s.lastDraw = now
            s.drawn = true
            Console.err("\r\u{1B}[2K" + Self.text(done: done, total: total, unit: unit, step: step), terminator: "")
        }
    }

    /// Clears the bar's line.
    public func finish() {
        guard interactive else { return }
        state.withLock { s in if s.drawn { Console.err("\r\u{1B}[2K", terminator: "") }; s.drawn = false }
    }

    /// The bar's text: thirty cells filled in proportion, then the count and the step.
    public static func text(done: Int, total: Int, unit: String, step: String? = nil) -> String {
        bar(done: done, total: total) + " \(done)/\(total) \(unit)" + (step.map { " · \($0)" } ?? "")
    }

    /// `[████░░░░]`: `width` cells, filled in proportion to `done` of `total` (full when there is nothing to do).
    public static func bar(done: Int, total: Int, width: Int = 30) -> String {
        let clamped = min(max(done, 0), max(total, 0))
        let filled = total <= 0 ? width : Int((Double(clamped) / Double(total) * Double(width)).rounded(.down))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
    }
}
