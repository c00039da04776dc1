/// Where a known signal lies inside a recording of it, and how alike they are there: the lag with the
/// best match of 10 ms level envelopes, refined sample by sample by Pearson correlation.
public enum SignalMatch {
    public static func best(of source: [Float], in recording: [Float], sampleRate: Int) -> (lag: Int, correlation: Double) {
        let hop = max(1, sampleRate / 100)
        func envelope(_ x: [Float]) -> [Double] {
            stride(from: 0, to: x.count - hop + 1, by: hop).map { s in (s..<(s + hop)).reduce(0.0) { $0 + Double(abs(x[$1])) } }
        }
        let a = envelope(source), b = envelope(recording)
        var bestLag = 0, bestScore = -Double.infinity
        if b.count > a.count {
            for lag in 0...(b.count - a.count) {
                let score = pearson(a, Array(b[lag..<(lag + a.count)]))
                if score > bestScore { bestScore = score; bestLag = lag }
            }
        }
        var best = (lag: 0, correlation: -1.0)
        for fine in max(0, bestLag * hop - hop)...(bestLag * hop + hop) where fine + source.count <= recording.count {
            let c = pearson(source.map(Double.init), recording[fine..<(fine + source.count)].map(Double.init))
            if c > best.correlation { best = (fine, c) }
        }
        return best
    }

    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(min(x.count, y.count))
        guard n > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<Int(n) { let dx = x[i] - mx, dy = y[i] - my; sxy += dx * dy; sxx += dx * dx; syy += dy * dy }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }
}
