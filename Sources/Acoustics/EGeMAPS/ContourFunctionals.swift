import Foundation

/// The functionals eGeMAPS applies to a low-level contour, with openSMILE's definitions: moments, rising
/// and falling slopes between the peaks and valleys that survive a threshold of 10 % of the contour's range
/// (`cFunctionalPeaks2`), and the lengths of segments where the contour is (or is not) zero
/// (`cFunctionalSegments`, at least 3 frames, pauses of at least 2). Percentiles are `Functionals.percentile`.
enum ContourFunctionals {
    /// The mean and openSMILE's `stddevNorm`: the standard deviation over the signed mean (0 for a flat contour).
    static func moments(_ x: [Double]) -> (mean: Double, stddevNorm: Double) {
        guard !x.isEmpty else { return (0, 0) }
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
        guard variance > 0 else { return (mean, 0) }
        return (mean, variance.squareRoot() / (mean == 0 ? 1 : mean))
    }

    struct Slopes: Equatable {
        var peaks = 0
        var meanRising = 0.0, stddevRising = 0.0, meanFalling = 0.0, stddevFalling = 0.0
    }

    /// Peaks and slopes (per second, frames `period` seconds apart) of a contour.
    static func slopes(_ x: [Double], period: Double, relativeThreshold: Double = 0.1) -> Slopes {
        let n = x.count
        guard n > 0, let lo = x.min(), let hi = x.max() else { return Slopes() }
        let threshold = relativeThreshold * (hi - lo)
        // 16 bytes an extremum: a long contour has hundreds of thousands. The position fits in 32 bits
        // for any contour that fits in memory.
        struct Extremum {
            var value: Double
            var storedPosition: Int32
            var isMax: Bool
            var removed = false
            init(isMax: Bool, position: Int, value: Double) { self.value = value; storedPosition = Int32(clamping: position); self.isMax = isMax }
            var position: Int { Int(storedPosition) }
        }
        var list: [Extremum] = []
        if n > 4 {
            for i in 2..<(n - 2) {
                if x[i] > x[i - 1], x[i] > x[i + 1] { list.append(Extremum(isMax: true, position: i, value: x[i])) }
                else if x[i] < x[i - 1], x[i] < x[i + 1] { list.append(Extremum(isMax: false, position: i, value: x[i])) }
            }
        }
        // Small peaks go; of neighbouring maxima without a clear valley between, the higher stays.
        var lastValue = x[0], lastMin = x[0], lastMax = x[0]
        var minFlag = false
        var lastMaxIndex: Int?
        for i in list.indices {
            let e = list[i]
            if e.isMax {
                if abs(e.value - lastValue) < threshold {
                    if e.value - lastMin < threshold {
                        list[i].removed = true
                    } else {
                        if e.value > lastMax * 1.05 {
                            if let m = lastMaxIndex { list[m].removed = true }
                            lastMax = e.value; lastMaxIndex = i
                        } else if minFlag {
                            lastMax = e.value; lastMaxIndex = i
                        } else {
                            list[i].removed = true
                        }
                        minFlag = false
                    }
                } else {
                    minFlag = false
                    lastMax = e.value; lastMaxIndex = i
                }
            } else if !(abs(e.value - lastValue) < threshold) {
                minFlag = true
                lastMin = e.value
            }
            lastValue = e.value
        }
        // Shallow valleys go.
        lastMax = x[0]
        for i in list.indices where !list[i].removed {
            if list[i].isMax { lastMax = list[i].value } else if lastMax - list[i].value < threshold { list[i].removed = true }
        }
        // Of consecutive extrema of one kind, the most extreme stays.
        var previousMin: Int?, previousMax: Int?
        var inMin = false, first = true
        for i in list.indices where !list[i].removed {
            let v = list[i].value
            if !list[i].isMax {
                if !inMin || first {
                    previousMin = i; inMin = true; first = false
                } else if let p = previousMin {
                    if v >= list[p].value { list[i].removed = true } else { list[p].removed = true; previousMin = i }
                }
            } else {
                if inMin || first {
                    previousMax = i; inMin = false; first = false
                } else if let p = previousMax {
                    if v <= list[p].value { list[i].removed = true } else { list[p].removed = true; previousMax = i }
                }
            }
        }
        let kept = list.lazy.filter { !$0.removed }
        var result = Slopes()
        result.peaks = kept.reduce(0) { $0 + ($1.isMax ? 1 : 0) }
        var rising: [Double] = [], falling: [Double] = []
        var maxValue = x[0], maxPosition = 0, minValue = x[0], minPosition = 0
        var lastIsMax: Bool?
        for e in kept {
            if e.isMax {
                maxValue = e.value; maxPosition = e.position
                if maxPosition - minPosition > 0 {
                    rising.append((maxValue - minValue) / (Double(maxPosition - minPosition) * period)); lastIsMax = true
                }
            } else {
                minValue = e.value; minPosition = e.position
                if minPosition - maxPosition > 0 {
                    falling.append((maxValue - minValue) / (Double(minPosition - maxPosition) * period)); lastIsMax = false
                }
            }
        }
        // openSMILE adds the stretch to the end of the contour to the means (not to the deviations).
        var risingSum = rising.reduce(0, +), fallingSum = falling.reduce(0, +)
        var risingCount = rising.count, fallingCount = falling.count
        switch lastIsMax {
        case true?:
            if n - 1 - maxPosition > 0 { fallingSum += (x[n - 1] - maxValue) / (Double(n - 1 - maxPosition) * period); fallingCount += 1 }
        case false?:
            if n - 1 - minPosition > 0 { risingSum += (x[n - 1] - minValue) / (Double(n - 1 - minPosition) * period); risingCount += 1 }
        case nil:
            let slope = (x[n - 1] - x[0]) / Double(n)
            if slope > 0 { risingSum = slope; risingCount = 1 } else if slope < 0 { fallingSum = slope; fallingCount = 1 }
        }
        result.meanRising = risingCount > 1 ? risingSum / Double(risingCount) : risingSum
        result.meanFalling = fallingCount > 1 ? fallingSum / Double(fallingCount) : fallingSum
        func deviation(_ values: [Double], _ mean: Double, _ count: Int) -> Double {
            var s = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            if count > 1 { s /= Double(count) }
            return s > 0 ? s.squareRoot() : 0
        }
        result.stddevRising = deviation(rising, result.meanRising, risingCount)
        result.stddevFalling = deviation(falling, result.meanFalling, fallingCount)
        return result
    }

    struct Segments: Equatable {
        var perSecond = 0.0, meanSeconds = 0.0, stddevSeconds = 0.0
    }

    /// Segments where the contour is non-zero (`nonZero`) or zero, of at least 3 frames, ended by at least 2
    /// frames of the other kind; at most 1,000 are counted.
    static func segments(_ x: [Double], nonZero: Bool, period: Double) -> Segments {
        let minimumLength = 3, minimumPause = 2, maximumCount = 1000
        var lengths: [Int] = []
        var state = 0, start = 0, segStart = 0, segEnd = 0
        func add(_ length: Int) { if lengths.count < maximumCount { lengths.append(length) } }
        for (i, v) in x.enumerated() {
            let inside = nonZero ? v != 0 : v == 0
            if inside {
                switch state {
                case 1:
                    segEnd = 0; segStart += 1
                    if segStart >= minimumLength { segStart = 0; state = 2 }
                case 0: segStart += 1; start = i; state = 1
                default: segEnd = 0
                }
            } else {
                if state == 2 {
                    segStart = 0; segEnd += 1
                    if segEnd >= minimumPause { state = 0; add(i - segEnd - start); segEnd = 0 }
                } else if state == 1 {
                    segEnd += 1
                    if segEnd >= minimumPause { state = 0; segEnd = 0; segStart = 0 }
                }
            }
        }
        if state == 2 { segEnd += 1; add(x.count - segEnd - start) }
        guard !x.isEmpty else { return Segments() }
        let total = Double(lengths.reduce(0, +))
        let mean = lengths.count > 1 ? total / Double(lengths.count) : total
        var deviation = 0.0
        if lengths.count > 1 {
            deviation = (lengths.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(lengths.count)).squareRoot()
        }
        return Segments(perSecond: Double(lengths.count) / (Double(x.count) * period), meanSeconds: mean * period, stddevSeconds: deviation * period)
    }
}
