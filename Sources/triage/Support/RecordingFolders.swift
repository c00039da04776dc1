import Foundation
import Archive
import LiveAudio

/// Where live recordings go: `$TRIAGE_RECORDINGS`, else a `recordings` folder beside an SQLite archive, or the
/// desk's `~/.local/share/triage/recordings` for a department's PostgreSQL archive (which refers to each by its
/// path). The journal of recordings in progress lives in its `.journal` folder, and problems are logged in
/// `recording.log` there as well as shown.
struct RecordingFolders {
    let folder: String

    init(archivePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let configured = environment["TRIAGE_RECORDINGS"], !configured.isEmpty {
            folder = configured
        } else if PostgresAddress.names(archivePath) {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            folder = (home as NSString).appendingPathComponent(".local/share/triage/recordings")
        } else {
            let dir = (archivePath as NSString).deletingLastPathComponent
            folder = ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent("recordings")
        }
    }

    var journal: RecordingJournal { RecordingJournal(folder: (folder as NSString).appendingPathComponent(".journal")) }

    /// A new recording's path, named by its start time: `call-20261129-021700.flac`.
    func newRecordingPath(startedAt: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return (folder as NSString).appendingPathComponent("call-\(formatter.string(from: startedAt)).flac")
    }

    /// Appends a line to the recording log (best effort: the message is also on the screen).
    func log(_ message: String, at date: Date = Date()) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let line = "\(ISO8601DateFormatter().string(from: date)) \(message)\n"
        let path = (folder as NSString).appendingPathComponent("recording.log")
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try? handle.close()
        } else {
            FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
        }
    }

    /// The local time now, ISO 8601 with its UTC offset (what `.meta.json` takes as `started_at`).
    static func localTimestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
