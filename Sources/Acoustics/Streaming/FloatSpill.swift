import Foundation

/// Records of `width` floats that wait on disk rather than in memory: a long call's frames are written to
/// a temporary file that is unlinked as soon as it is opened (nothing is left behind, even after a kill)
/// and read back in order. The last megabyte stays in memory; a short call never touches the disk. When
/// the disk refuses (full, read-only), the records stay in memory instead: the same values, more memory.
public final class FloatSpill {
    public let width: Int
    /// Records written so far.
    public private(set) var count = 0
    private var descriptor: Int32 = -1
    private var diskFailed = false
    /// Records on disk, all before those in `tail`.
    private var onDisk = 0
    private var tail: [Float] = []
    /// Floats kept in memory before they go to disk.
    private let threshold: Int

    /// `memoryFloats`: how many floats stay in memory before the disk is used.
    public init(width: Int, memoryFloats: Int = 1 << 18) {
        self.width = max(1, width)
        threshold = max(self.width, memoryFloats)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends one value to a spill of width 1.
    public func append(_ value: Float) {
        tail.append(value)
        count += 1
        if tail.count >= threshold { spillTail() }
    }

    /// Appends one record of a spill of width 2.
    public func append(_ first: Float, _ second: Float) {
        tail.append(first)
        tail.append(second)
        count += 1
        if tail.count >= threshold { spillTail() }
    }

    /// Appends one record (`width` values; shorter is padded with 0, longer cut).
    public func append(_ record: some Collection<Float>) {
        if record.count == width {
            tail.append(contentsOf: record)
        } else {
            var n = 0
            for v in record where n < width { tail.append(v); n += 1 }
            while n < width { tail.append(0); n += 1 }
        }
        count += 1
        if tail.count >= threshold { spillTail() }
    }

    /// Two floats holding the bit patterns of `value`, so that an integer (a time in ms) is stored exactly.
    public static func bits(of value: Int) -> (Float, Float) {
        let u = UInt64(bitPattern: Int64(value))
        return (Float(bitPattern: UInt32(truncatingIfNeeded: u)), Float(bitPattern: UInt32(truncatingIfNeeded: u >> 32)))
    }

    /// The integer that `bits(of:)` made two floats of.
    public static func integer(low: Float, high: Float) -> Int {
        Int(truncatingIfNeeded: Int64(bitPattern: UInt64(low.bitPattern) | UInt64(high.bitPattern) << 32))
    }

    /// Two floats holding the bit pattern of `value`, so that a double is stored exactly.
    public static func bits(of value: Double) -> (Float, Float) {
        bits(of: Int(truncatingIfNeeded: Int64(bitPattern: value.bitPattern)))
    }

    /// The double that `bits(of:)` made two floats of.
    public static func double(low: Float, high: Float) -> Double {
        Double(bitPattern: UInt64(bitPattern: Int64(integer(low: low, high: high))))
    }

    /// Calls `body` with consecutive runs of records (`width` floats each, in order) until all are read.
    public func forEachBatch(records batch: Int = 4096, _ body: (UnsafeBufferPointer<Float>) -> Void) {
        let per = max(1, batch)
        var buffer = [Float](repeating: 0, count: per * width)
        var record = 0
        while record < onDisk {
            let n = min(per, onDisk - record)
            let bytes = n * width * MemoryLayout<Float>.stride
            let read = buffer.withUnsafeMutableBytes { raw -> Int in
                var done = 0
                while done < bytes {
                    let r = pread(descriptor, raw.baseAddress.map { $0 + done }, bytes - done, off_t(record * width * 4 + done))
                    if r <= 0 { break }
                    done += r
                }
                return done
            }
            // A file that cannot be read back is a broken disk; its records read as zeros rather than
            // stopping a long analysis, and the count says how far the data were real.
            if read < bytes { buffer.withUnsafeMutableBytes { raw in for i in read..<bytes { raw[i] = 0 } } }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<(n * width)])) }
            record += n
        }
        var start = 0
        tail.withUnsafeBufferPointer { t in
            while start < t.count {
                let end = min(t.count, start + per * width)
                body(UnsafeBufferPointer(rebasing: t[start..<end]))
                start = end
            }
        }
    }

    /// Every record's value in `column`, in order.
    public func column(_ column: Int) -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(count)
        let c = min(max(0, column), width - 1)
        forEachBatch { b in
            var i = c
            while i < b.count { out.append(b[i]); i += width }
        }
        return out
    }

    private func spillTail() {
        guard !diskFailed else { return }
        if descriptor < 0 {
            let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("triage-spill-XXXXXX")
            var name = Array(template.utf8CString)
            let fd = name.withUnsafeMutableBufferPointer { b in b.baseAddress.map { mkstemp($0) } ?? -1 }
            guard fd >= 0 else { diskFailed = true; return }
            name.withUnsafeBufferPointer { b in if let p = b.baseAddress { _ = unlink(p) } }
            descriptor = fd
        }
        let bytes = tail.count * MemoryLayout<Float>.stride
        let offset = off_t(onDisk * width * 4)
        let written = tail.withUnsafeBytes { raw -> Int in
            var done = 0
            while done < bytes {
                let w = pwrite(descriptor, raw.baseAddress.map { $0 + done }, bytes - done, offset + off_t(done))
                if w <= 0 { break }
                done += w
            }
            return done
        }
        guard written == bytes else { diskFailed = true; return }
        onDisk += tail.count / width
        tail.removeAll(keepingCapacity: true)
    }
}
