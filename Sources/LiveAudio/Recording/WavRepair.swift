import Foundation

/// Makes a WAV file cut off mid-write whole again: the RIFF and data sizes in its header are set to
/// the sample frames actually on disk (a partial last frame is dropped). Only the two size fields are
/// written, so the audio is never touched.
public enum WavRepair {
    public struct Problem: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Repairs `path` in place and returns the sample frames it holds.
    @discardableResult
    public static func repair(path: String) throws -> Int64 {
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw Problem(path: path, reason: "cannot open the recording") }
        defer { try? handle.close() }
        let size = Int64(try handle.seekToEnd())
        func read(_ offset: Int64, _ count: Int) throws -> [UInt8] {
            try handle.seek(toOffset: UInt64(offset))
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        }
        func le32(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * $1) } }
        let riff = try read(0, 12)
        guard riff.count == 12, riff[0..<4].elementsEqual("RIFF".utf8), riff[8..<12].elementsEqual("WAVE".utf8) else {
            throw Problem(path: path, reason: "not a RIFF/WAVE recording")
        }
        var position: Int64 = 12
        var blockAlign = 0
        while position + 8 <= size {
            let header = try read(position, 8)
            guard header.count == 8 else { break }
            let id = String(decoding: header[0..<4], as: UTF8.self)
            let length = Int64(le32(header, 4))
            if id == "fmt " {
                let fmt = try read(position + 8, 16)
                if fmt.count == 16 { blockAlign = Int(fmt[12]) | Int(fmt[13]) << 8 }
            } else if id == "data" {
                guard blockAlign > 0 else { throw Problem(path: path, reason: "the recording has no format chunk before its audio") }
                let start = position + 8
                let frames = (size - start) / Int64(blockAlign)
                let dataBytes = frames * Int64(blockAlign)
                guard dataBytes <= Int64(UInt32.max) - start else { throw Problem(path: path, reason: "the recording is larger than WAV allows") }
                try handle.truncate(atOffset: UInt64(start + dataBytes))
                try handle.seek(toOffset: UInt64(position + 4))
                handle.write(Self.le32(UInt32(dataBytes)))
                try handle.seek(toOffset: 4)
                handle.write(Self.le32(UInt32(start + dataBytes - 8)))
                try handle.synchronize()
                return frames
            }
            position += 8 + length + (length & 1)
        }
        throw Problem(path: path, reason: "the recording has no audio chunk")
    }

    private static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
}
