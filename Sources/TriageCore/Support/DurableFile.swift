import Foundation

/// Files written so that they survive a kill or a power cut: copied in chunks and synced, renamed into place with
/// their folder synced, so that a reader finds the old state or the whole new one, never a part.
public enum DurableFile {
    /// A write that failed, with the file and the operating system's reason.
    public struct Failure: Error, Sendable {
        public var path: String
        public var reason: String
    }

    /// Copies `source` to a new file `target` (which must not exist) in 1 MB chunks and syncs it to the disk.
    public static func copy(from source: String, to target: String) throws(Failure) {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw Failure(path: source, reason: String(cString: strerror(errno))) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard output >= 0 else { throw Failure(path: target, reason: String(cString: strerror(errno))) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: source, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { write(output, $0.baseAddress.map { $0 + written }, n - written) }
                if w < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: target, reason: String(cString: strerror(errno)))
                }
                written += w
            }
        }
        if fsync(output) != 0 { throw Failure(path: target, reason: String(cString: strerror(errno))) }
    }

    /// Renames `source` to `target` (replacing it) and syncs the folder, so that the new name survives a power cut.
    public static func rename(_ source: String, to target: String) throws(Failure) {
        if Foundation.rename(source, target) != 0 { throw Failure(path: target, reason: String(cString: strerror(errno))) }
        try syncFolder(of: target)
    }

    /// Syncs the folder that holds `path` (its entries: a file created or renamed there).
    public static func syncFolder(of path: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        try sync(folder.isEmpty ? "." : folder, flags: O_RDONLY | O_DIRECTORY)
    }

    /// Syncs the file at `path` to the disk.
    public static func sync(_ path: String, flags: Int32 = O_RDONLY) throws(Failure) {
        let fd = open(path, flags)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }
}
