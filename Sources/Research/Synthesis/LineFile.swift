import Foundation

/// A UTF-8 file written a line at a time through a buffer, so a large output is never held whole.
final class LineFile {
    private let path: String
    private let handle: FileHandle
    private var buffer = Data()
    private static let flushAt = 1 << 20

    /// Creates (or empties) the file at `path`.
    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw DatasetProblem(path: path, problem: "cannot be created")
        }
        do { handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path)) } catch {
            throw DatasetProblem(path: path, problem: "cannot be opened (\((error as NSError).localizedDescription))")
        }
    }

    /// Adds `line` and a line break.
    func append(_ line: String) throws {
        buffer.append(contentsOf: Array(line.utf8))
        buffer.append(0x0A)
        if buffer.count >= Self.flushAt { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        do { try handle.close() } catch { throw DatasetProblem(path: path, problem: "cannot be closed (\((error as NSError).localizedDescription))") }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw DatasetProblem(path: path, problem: "cannot be written (\((error as NSError).localizedDescription))")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
