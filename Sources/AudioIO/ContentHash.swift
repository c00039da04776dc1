import Foundation
import TriageCore

/// SHA-256 content hashes: the identity of a recording or transcript in the archive, so the same
/// file ingested twice is one call.
public enum ContentHash {
    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: UnsafeRawBufferPointer) -> String { SHA256Digest.hex(bytes) }

    /// Lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { sha256($0) }
    }

    /// Lower-case hex SHA-256 of the file at `path`, read in chunks.
    public static func sha256(fileAt path: String) throws -> String {
        do { return try SHA256Digest.hex(fileAt: path) } catch {
            throw AudioIOError.unreadable(path: path, reason: error.reason)
        }
    }
}
