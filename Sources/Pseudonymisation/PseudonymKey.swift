import Foundation

/// The secret that makes pseudonyms keyed: 32 random bytes in a file outside the archive, private to its owner
/// (mode 0600), created on first use. Whoever holds the archive or an export but not the key cannot tell whose a
/// pseudonym is by hashing candidates; whoever keeps the key gets the same pseudonyms in every export.
public struct PseudonymKey: Sendable, Equatable {
    public let bytes: [UInt8]
    /// Where the key was read from (for messages), or a description for a key made in memory.
    public let origin: String

    public init(bytes: [UInt8], origin: String = "memory") { self.bytes = bytes; self.origin = origin }

    /// How long a created key is.
    public static let length = 32

    /// The key file to use: `explicit`, else `$TRIAGE_PSEUDONYM_KEY`, else `$XDG_CONFIG_HOME/triage/pseudonym.key`
    /// (`~/.config/triage/pseudonym.key`).
    public static func locate(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["TRIAGE_PSEUDONYM_KEY"], !path.isEmpty { return path }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return config + "/triage/pseudonym.key"
    }

    /// Reads the key at `path`, creating it (and its folder, private to the owner) with random bytes when there is
    /// none. A key shorter than 16 bytes, or one others may read, is refused.
    public static func loadOrCreate(at path: String) throws(PseudonymisationProblem) -> PseudonymKey {
        if !FileManager.default.fileExists(atPath: path) { try create(at: path) }
        var info = stat()
        guard stat(path, &info) == 0 else { throw PseudonymisationProblem(path: path, problem: "cannot be read (\(String(cString: strerror(errno))))") }
        if info.st_mode & 0o077 != 0 {
            throw PseudonymisationProblem(path: path, problem: "others may read this pseudonym key; make it private with: chmod 600 \(path)")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw PseudonymisationProblem(path: path, problem: "cannot be read (\((error as NSError).localizedDescription))")
        }
        guard data.count >= 16 else { throw PseudonymisationProblem(path: path, problem: "is too short for a pseudonym key (\(data.count) bytes; at least 16)") }
        return PseudonymKey(bytes: [UInt8](data), origin: path)
    }

    /// Writes a new key of random bytes from the system's generator, mode 0600, never over an existing file.
    static func create(at path: String) throws(PseudonymisationProblem) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw PseudonymisationProblem(path: folder, problem: "cannot create the folder for the pseudonym key (\((error as NSError).localizedDescription))")
            }
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        // Another process made it first: use that one.
        if fd < 0, errno == EEXIST { return }
        guard fd >= 0 else { throw PseudonymisationProblem(path: path, problem: "cannot be created (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw PseudonymisationProblem(path: path, problem: "cannot be written (\(reason))")
        }
    }
}
