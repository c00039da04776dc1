import CCrypto
import Foundation

/// The SHA-256 of some bytes as lower-case hex, for the training-set hash and the model's id.
enum SHA256Text {
    static func hex(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBytes { bytes in
            _ = SHA256(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, &digest)
        }
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
