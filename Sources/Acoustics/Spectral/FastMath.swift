import Foundation

/// Base-2 logarithm and power for the per-band loops (40 of each per frame), inlined so the loops
/// vectorise; both are accurate to a few units in the last place of a Float (the tests check them
/// against Foundation's over the whole range a power spectrum takes).
enum FastMath {
    /// log2(x) for a positive, finite, normal x: the exponent from the bits, and the mantissa (scaled to
    /// [0.75, 1.5)) through the odd series of atanh, 2/ln2 · (t + t³/3 + … + t⁹/9) with t = (m − 1)/(m + 1).
    @inline(__always)
    static func log2(_ x: Float) -> Float {
        let bits = x.bitPattern
        var exponent = Float(Int32(bitPattern: (bits >> 23) & 0xFF) - 127)
        var m = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F80_0000)   // [1, 2)
        if m > 1.5 { m *= 0.5; exponent += 1 }
        let t = (m - 1) / (m + 1), t2 = t * t
        let series = t * (1 + t2 * (1 / 3 + t2 * (1 / 5 + t2 * (1 / 7 + t2 * (1 / 9)))))
        return exponent + series * 2.885_390_081_777_926_8   // 2 / ln 2
    }

    /// 2^y for y in [−126, 127] (clamped): the nearest integer into the exponent bits, the rest
    /// (in [−½, ½]) through the Taylor series of e^(f ln 2) to the seventh power.
    @inline(__always)
    static func exp2(_ y: Float) -> Float {
        let clamped = min(127, max(-126, y))
        // Adding 1.5 × 2^23 + 127 rounds to the nearest integer and leaves n + 127 in the low mantissa bits:
        // no rounding call and no checked conversion, so a loop of these runs several at a time.
        let shifted = clamped + 12_583_039
        let n = shifted - 12_583_039
        let f = (clamped - n) * 0.693_147_180_559_945_3
        let p = 1 + f * (1 + f * (1 / 2 + f * (1 / 6 + f * (1 / 24 + f * (1 / 120 + f * (1 / 720 + f * (1 / 5040)))))))
        return p * Float(bitPattern: (shifted.bitPattern & 0xFF) &<< 23)
    }
}
