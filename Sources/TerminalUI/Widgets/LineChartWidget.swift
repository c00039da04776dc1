/// Series of shares (0…1) over the same points as a terminal line chart: a y axis from 0 to 100 %, each point a
/// column spread over the width (the newest when they do not all fit), each series its mark and colour joined by dots from one
/// point to the next, a missing value (nil, a suppressed cell) left out. A later series is drawn over an earlier one.
public struct LineChartWidget: Sendable {
    public struct Series: Sendable {
        public var values: [Double?]
        public var mark: Character
        public var style: Style

        public init(values: [Double?], mark: Character, style: Style) { self.values = values; self.mark = mark; self.style = style }
    }

    public var series: [Series]

    public init(series: [Series]) { self.series = series }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let axis = 5 // "100 %"
        guard area.width > axis + 2, area.height >= 3 else { return }
        let plot = Rect(x: area.x + axis + 1, y: area.y, width: area.width - axis - 1, height: area.height)
        for y in plot.y..<plot.maxY { buffer.put("│", x: plot.x - 1, y: y, style: .dim) }
        buffer.put("100 %", x: area.x, y: plot.y, style: .dim)
        buffer.put("  0 %", x: area.x, y: plot.maxY - 1, style: .dim)
        if plot.height > 4 { buffer.put(" 50 %", x: area.x, y: plot.y + (plot.height - 1) / 2, style: .dim) }
        let count = series.map(\.values.count).max() ?? 0
        guard count > 0 else { return }
        // The points spread over the width, up to eight columns apart; the newest when they do not all fit.
        let step = count > 1 ? max(1, min(8, (plot.width - 1) / (count - 1))) : 1
        let shown = min(count, max(1, (plot.width - 1) / step + 1))
        let first = count - shown
        func row(_ v: Double) -> Int {
            let clipped = v.isFinite ? min(1, max(0, v)) : 0
            return plot.maxY - 1 - Int((clipped * Double(plot.height - 1)).rounded())
        }
        for s in series {
            var previous: (x: Int, y: Int)?
            for i in 0..<shown {
                guard s.values.indices.contains(first + i), let v = s.values[first + i] else { previous = nil; continue }
                let point = (x: plot.x + i * step, y: row(v))
                if let p = previous, point.x - p.x > 1 {
                    for x in (p.x + 1)..<point.x {
                        let y = p.y + (point.y - p.y) * (x - p.x) / (point.x - p.x)
                        buffer[x, y] = Cell("·", style: s.style)
                    }
                }
                buffer[point.x, point.y] = Cell(String(s.mark), style: Style(foreground: s.style.foreground, bold: true))
                previous = point
            }
        }
    }
}
