import Foundation

/// Turns a transcript's bytes into text: UTF-8 (with or without BOM) or UTF-16 LE/BE (with a BOM,
/// or sniffed from NUL bytes, as Praat writes TextGrids holding æøå).
package enum TextDecoding {
    package static func decode(_ data: Data, allowLatin1: Bool) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try utf8(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), littleEndian: false) }
        if bytes.count >= 4 {
            // BOM-less UTF-16: ASCII text puts a NUL in every other byte.
            let evenNULs = stride(from: 0, to: min(bytes.count, 400), by: 2).filter { bytes[$0] == 0 }.count
            let oddNULs = stride(from: 1, to: min(bytes.count, 400), by: 2).filter { bytes[$0] == 0 }.count
            let pairs = min(bytes.count, 400) / 2
            if oddNULs > pairs / 2 && evenNULs == 0 { return try utf16(bytes[...], littleEndian: true) }
            if evenNULs > pairs / 2 && oddNULs == 0 { return try utf16(bytes[...], littleEndian: false) }
        }
        if bytes.contains(0) { throw TranscriptParseError("binary data, not a text transcript") }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if allowLatin1, let text = String(data: data, encoding: .isoLatin1) { return text }
        throw TranscriptParseError("not UTF-8 or UTF-16 text")
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw TranscriptParseError("invalid UTF-8 text") }
        return text
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws -> String {
        guard bytes.count % 2 == 0 else { throw TranscriptParseError("invalid UTF-16 text (odd number of bytes)") }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { throw TranscriptParseError("invalid UTF-16 text") }
        return text
    }
}
