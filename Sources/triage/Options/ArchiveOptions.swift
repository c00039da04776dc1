import Archive
import ArgumentParser
import Foundation

/// `--db`: which archive a command works on.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "The archive database (default: $TRIAGE_DB, else ./triage.sqlite).")
    var db: String?

    var path: String { db ?? CallArchive.defaultPath() }

    /// Opens the archive, turning failures into a one-line message.
    func open(readOnly: Bool = false) throws -> CallArchive {
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(message: "\(path): no archive here yet; ingest calls first (triage ingest PATH…)")
        }
        let timeout = ProcessInfo.processInfo.environment["TRIAGE_BUSY_TIMEOUT_MS"].flatMap(Double.init).map { $0 / 1000 } ?? 5
        do {
            return try CallArchive(path: path, readOnly: readOnly, busyTimeout: timeout)
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}
