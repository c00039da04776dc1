import CCrypto
import Foundation

/// SHA-256 as lower-case hex: content hashes of recordings and transcripts, training-set and model ids, the
/// audit log's chain.
public enum SHA256Digest {
    /// The digest of `bytes`.
    public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = digest.withUnsafeMutableBufferPointer { out in
            SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, out.baseAddress)
        }
        return hex(digest: digest)
    }

    /// The digest of `data`.
    public static func hex(_ data: Data) -> String { data.withUnsafeBytes { hex($0) } }

    /// The digest of `bytes`, as its 32 bytes.
    public static func bytes<C: ContiguousBytes>(_ bytes: C) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBytes { input in
            _ = digest.withUnsafeMutableBufferPointer { out in
                SHA256(input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count, out.baseAddress)
            }
        }
        return digest
    }

    /// A file that could not be read to the end, and why (from the operating system).
    public struct ReadFailure: Error, Sendable {
        public var path: String
        public var reason: String
    }

    /// The digest of the file at `path`, read in 1 MB chunks (a recording of hours costs no more memory).
    public static func hex(fileAt path: String) throws(ReadFailure) -> String {
        guard let stream = fopen(path, "rb") else { throw ReadFailure(path: path, reason: String(cString: strerror(errno))) }
        defer { fclose(stream) }
        guard let context = EVP_MD_CTX_new() else { throw ReadFailure(path: path, reason: "no hash context") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stream) }
            if n > 0 { _ = buffer.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, n) } }
            if n < buffer.count {
                if ferror(stream) != 0 { throw ReadFailure(path: path, reason: "read error") }
                break
            }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return hex(digest: digest.prefix(Int(length)))
    }

    /// Bytes (a finished digest) as lower-case hex.
    public static func hex<C: Collection>(digest bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
