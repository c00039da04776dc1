import Foundation

/// Writes a file of an export's staging folder with plain `open`/`write`/`close`: no flush to disk per file (Foundation's
/// `Data.write` syncs every file, which costs more than the export itself for thousands of small files). The staging
/// folder is flushed once (`flushToDisk`) before it is renamed into place.
enum StagedFile {
    /// Writes `text` to `path` (created or truncated); the error names the system's reason.
    static func write(_ text: String, to path: String) throws(StagedFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StagedFileError(reason: String(cString: strerror(errno))) }
        var bytes = Array(text.utf8)[...]
        var failure: Int32?
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { failure = n < 0 ? errno : EIO; break }
            bytes = bytes.dropFirst(n)
        }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw StagedFileError(reason: String(cString: strerror(failure))) }
    }

    /// The staging folder for an export into the folder `out`, beside it on the same file system: `.NAME.partial-PID`.
    static func stagingFolder(beside out: String) -> String {
        "\((out as NSString).deletingLastPathComponent)/.\((out as NSString).lastPathComponent).partial-\(getpid())"
    }

    /// Flushes everything written to disk, once, before the staged files are renamed into place.
    static func flushToDisk() { sync() }
}

/// Why a staged file could not be written (the system's words).
struct StagedFileError: Error { var reason: String }
