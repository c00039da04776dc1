import CCrypto
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
        guard let stream = fopen(path, "rb") else {
            throw AudioIOError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(stream) }
        guard let context = EVP_MD_CTX_new() else { throw AudioIOError.unreadable(path: path, reason: "no hash context") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stream) }
            if n > 0 { _ = buffer.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, n) } }
            if n < buffer.count {
                if ferror(stream) != 0 { throw AudioIOError.unreadable(path: path, reason: "read error") }
                break
            }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return SHA256Digest.hex(digest: digest.prefix(Int(length)))
    }
}
