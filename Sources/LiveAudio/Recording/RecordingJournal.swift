import Foundation

/// A folder of small JSON notes, one per recording in progress, so a recording cut off by a crash,
/// a kill or a power cut is found and recovered on the next start. A note is written (atomically)
/// before the first sample and removed only once the recording is finished and archived.
public struct RecordingJournal: Sendable {
    /// One recording in progress.
    public struct Entry: Codable, Sendable, Equatable {
        /// The recorder's process; a note whose process is gone belongs to a cut-off recording.
        public var pid: Int32
        /// The WAV file being written (header kept valid as it grows).
        public var capturePath: String
        /// Where the finished recording goes (the same path, or a FLAC file encoded at the end).
        public var finalPath: String
        /// When the recording started, ISO 8601 local time with offset.
        public var startedAt: String
        public var sampleRate: Int
        public var channels: Int
        public var device: String
        /// One role per channel (caller, midwife) when the parties are on separate channels.
        public var channelRoles: [String]?

        public init(pid: Int32, capturePath: String, finalPath: String, startedAt: String, sampleRate: Int, channels: Int, device: String, channelRoles: [String]?) {
            self.pid = pid; self.capturePath = capturePath; self.finalPath = finalPath; self.startedAt = startedAt
            self.sampleRate = sampleRate; self.channels = channels; self.device = device; self.channelRoles = channelRoles
        }

        /// The journal note's file name: the capture file's name, so two recordings never share one.
        var noteName: String { (capturePath as NSString).lastPathComponent + ".json" }
    }

    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// Records that a recording begins.
    public func begin(_ entry: Entry) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(entry).write(to: URL(fileURLWithPath: path(of: entry)), options: .atomic)
    }

    /// Forgets a recording that is finished and safe.
    public func end(_ entry: Entry) {
        try? FileManager.default.removeItem(atPath: path(of: entry))
    }

    /// Recordings whose recorder is no longer running: cut off, to be recovered.
    public func orphans() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)),
                  let entry = try? JSONDecoder().decode(Entry.self, from: data) else { return nil }
            return Self.isRunning(entry.pid) ? nil : entry
        }
    }

    private func path(of entry: Entry) -> String { (folder as NSString).appendingPathComponent(entry.noteName) }

    private static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
