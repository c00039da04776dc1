import Foundation

/// Reads a live transcript from a pipe, a FIFO, a growing file or standard input (`-`) on a thread of
/// its own and hands each event on. Ends at the end of the input (the recogniser closed it).
public final class TranscriptFeed: Sendable {
    public let source: String

    public init(source: String) { self.source = source }

    /// Starts reading; `handle` is called on the feed's thread for every event.
    public func start(_ handle: @escaping @Sendable (LiveTranscriptParser.Event) -> Void) {
        let source = self.source
        let thread = Thread {
            let fd: Int32 = source == "-" ? 0 : open(source, O_RDONLY)
            guard fd >= 0 else {
                handle(.problem("\(source): cannot open the live transcript (\(String(cString: strerror(errno))))"))
                return
            }
            defer { if fd != 0 { close(fd) } }
            var parser = LiveTranscriptParser()
            var pending = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                pending.append(contentsOf: buffer[0..<n])
                while let newline = pending.firstIndex(of: 10) {
                    let line = String(decoding: pending[0..<newline], as: UTF8.self)
                    pending.removeFirst(newline + 1)
                    parser.feed(line: line).forEach(handle)
                }
            }
            if !pending.isEmpty { parser.feed(line: String(decoding: pending, as: UTF8.self)).forEach(handle) }
            parser.flush().forEach(handle)
        }
        thread.name = "live transcript"
        thread.start()
    }
}
