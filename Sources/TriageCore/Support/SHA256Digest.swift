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

    /// Bytes (a finished digest) as lower-case hex.
    public static func hex<C: Collection>(digest bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
