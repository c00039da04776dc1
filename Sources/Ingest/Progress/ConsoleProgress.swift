import Foundation
import Synchronization
import TriageCore

/// Ingest progress on the console: a redrawn bar with files and audio hours on a terminal, plain
/// lines otherwise (logs, pipes, CI). Errors always go to standard error as one line per file.
public final class ConsoleProgress: IngestProgress {
    private struct State {
        var total = 0
        var done = 0
        var failed = 0
        var audioMs = 0
        var lastDraw: TimeInterval = 0
        var startedAt: TimeInterval = 0
    }

    private let interactive: Bool
    private let state = Mutex(State())

    /// `interactive`: draw a bar (true when standard error is a terminal).
    public init(interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.interactive = interactive
    }

    public func started(total: Int) {
        state.withLock { $0.total = total; $0.startedAt = Date().timeIntervalSinceReferenceDate }
    }

    public func finished(_ item: IngestItem, result: IngestResult) {
        state.withLock { s in
            s.done += 1
            switch result {
            case .archived(let id, let ms):
                s.audioMs += ms ?? 0
                if !interactive { Console.out("archived call \(id): \(Console.printable(item.primaryPath))\(ms.map { " (\(Console.duration(ms: $0)))" } ?? "")") }
            case .alreadyPresent(let id):
                if !interactive { Console.out("already archived as call \(id): \(Console.printable(item.primaryPath))") }
            case .failed(let error):
                s.failed += 1
                if interactive { Console.err("\r\u{1B}[2K", terminator: "") }
                Console.err("error: \(Console.printable("\(error)"))")
            }
            let now = Date().timeIntervalSinceReferenceDate
            if interactive, now - s.lastDraw > 0.1 || s.done == s.total {
                s.lastDraw = now
                Console.err("\r\u{1B}[2K" + bar(s), terminator: "")
            }
        }
    }

    public func completed(_ summary: IngestSummary) {
        let elapsed = state.withLock { s in
            if interactive, s.total > 0 { Console.err("") }
            return Date().timeIntervalSinceReferenceDate - s.startedAt
        }
        var parts = ["\(summary.archived) archived"]
        if summary.alreadyPresent > 0 { parts.append("\(summary.alreadyPresent) already present") }
        if summary.failed > 0 { parts.append("\(summary.failed) failed") }
        Console.out("ingest: \(parts.joined(separator: ", ")); \(Console.hours(ms: summary.audioMs)) of audio in \(String(format: "%.1f", elapsed)) s")
    }

    private func bar(_ s: State) -> String {
        let failed = s.failed > 0 ? " · \(s.failed) failed" : ""
        return ConsoleProgressBar.bar(done: s.done, total: s.total) + " \(s.done)/\(s.total) files · \(Console.hours(ms: s.audioMs)) audio\(failed)"
    }
}

/// Line-atomic console output, shared by the commands.
public enum Console {
    public static func out(_ line: String, terminator: String = "\n") { write(line + terminator, to: STDOUT_FILENO) }
    public static func err(_ line: String, terminator: String = "\n") { write(line + terminator, to: STDERR_FILENO) }

    /// Writes the whole text with as few `write(2)` calls as it takes, so lines never interleave.
    public static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(n)
        }
    }

    public static func duration(ms: Int) -> String { TimeFormat.duration(ms: ms) }

    public static func hours(ms: Int) -> String { String(format: "%.2f h", Double(ms) / 3_600_000) }

    /// Text from a file, a transcript or the archive made safe for one line of a terminal or log: control
    /// characters (newlines, escape sequences) shown as `\u{…}` instead of acting.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
