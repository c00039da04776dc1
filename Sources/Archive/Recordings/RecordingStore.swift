import Foundation
import TriageCore

/// The archive's own copies of its recordings, addressed by content: `ROOT/ab/abcdef….flac` for a recording
/// whose SHA-256 is `abcdef…`. A copy is written under a temporary name, synced, renamed into place and its folder
/// synced, so a kill or a power cut leaves either no copy or a whole one; once it is there, the file the call was
/// ingested from may be moved or deleted.
public struct RecordingStore: Sendable {
    /// The store's folder.
    public let root: String

    public init(root: String) { self.root = root }

    /// The folder of the store that belongs to the archive at `address`: `$TRIAGE_RECORDINGS` when set (a
    /// department's shared folder), else beside an SQLite file (`calls.sqlite` → `calls.recordings`), else, for a
    /// PostgreSQL archive, a folder for its database in the user's data folder.
    public static func root(forArchive address: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let folder = environment["TRIAGE_RECORDINGS"], !folder.isEmpty { return folder }
        if PostgresAddress.names(address) {
            let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
            let name = PostgresAddress.folderName(address)
            return "\(data)/triage/recordings/\(name)"
        }
        let url = URL(fileURLWithPath: address).standardizedFileURL
        return url.deletingPathExtension().path + ".recordings"
    }

    /// Where the copy of the recording with content hash `sha256` and file extension `fileExtension` lives.
    public func path(sha256: String, fileExtension: String) -> String {
        "\(root)/\(sha256.prefix(2))/\(RecordingStore.fileName(sha256: sha256, fileExtension: fileExtension))"
    }

    /// A copy's file name: its content hash and its format's extension (lower-case letters and digits only, at
    /// most 8 of them, whatever the original was called).
    public static func fileName(sha256: String, fileExtension: String) -> String {
        let ext = String(fileExtension.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(8))
        return ext.isEmpty ? sha256 : "\(sha256).\(ext)"
    }

    /// How a recording's copy in the store stands.
    public enum Check: Equatable, Sendable {
        case intact
        case missing
        /// Its bytes no longer hash to its name (`found` is what they hash to now).
        case damaged(found: String)
        case unreadable(String)
    }

    /// Reads the copy in full and compares its hash with its name.
    public func check(sha256: String, fileExtension: String) -> Check {
        let file = path(sha256: sha256, fileExtension: fileExtension)
        guard FileManager.default.fileExists(atPath: file) else { return .missing }
        do {
            let found = try SHA256Digest.hex(fileAt: file)
            return found == sha256 ? .intact : .damaged(found: found)
        } catch {
            return .unreadable(error.reason)
        }
    }

    /// Copies the recording at `source`, whose content hash is `sha256`, into the store, unless a copy of its size is
    /// already there (`verify: true` reads that copy in full first and replaces it when damaged; `triage verify` reads
    /// every copy). Returns the copy's path. The copy is hashed before it is renamed into place: a file that changed
    /// while it was read is refused, not stored under the wrong name.
    @discardableResult
    public func keep(fileAt source: String, sha256: String, verify: Bool = false) throws(ArchiveError) -> String {
        let ext = (source as NSString).pathExtension
        let target = path(sha256: sha256, fileExtension: ext)
        if verify {
            if check(sha256: sha256, fileExtension: ext) == .intact { return target }
        } else if let size = Self.size(target), size == Self.size(source) {
            return target
        }
        let folder = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ArchiveError.file(path: folder, problem: "cannot create the recording store's folder (\(error.localizedDescription))")
        }
        let temporary = "\(folder)/.incoming-\(sha256)-\(UUID().uuidString)"
        defer { unlink(temporary) }
        do { try DurableFile.copy(from: source, to: temporary) } catch {
            throw ArchiveError.file(path: error.path, problem: "cannot copy the recording into the store (\(error.reason))")
        }
        let copied: String
        do { copied = try SHA256Digest.hex(fileAt: temporary) } catch {
            throw ArchiveError.file(path: temporary, problem: "cannot read the copy back (\(error.reason))")
        }
        guard copied == sha256 else {
            throw ArchiveError.file(path: source, problem: "the recording changed while it was copied into the store; ingest it again")
        }
        do { try DurableFile.rename(temporary, to: target) } catch {
            throw ArchiveError.file(path: error.path, problem: "cannot put the recording into the store (\(error.reason))")
        }
        return target
    }

    /// The file's size, or nil when there is no file.
    static func size(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(clamping: info.st_size) : nil
    }
}
