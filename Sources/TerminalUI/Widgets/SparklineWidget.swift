/// Values as one row of eighth-height blocks (▁▂▃▄▅▆▇█), the newest on the right; the last `width`
/// values are shown, scaled to the largest of them (or to `maximum`).
public struct SparklineWidget: Sendable {
    public var values: [Double]
    public var maximum: Double?
    public var style: Style

    public init(values: [Double], maximum: Double? = nil, style: Style = Style(foreground: .cyan)) {
        self.values = values; self.maximum = maximum; self.style = style
    }

    static let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let shown = values.suffix(area.width)
        let top = max(maximum ?? (shown.max() ?? 0), 1e-12)
        let start = area.maxX - shown.count
        for (i, v) in shown.enumerated() {
            let level = Int((min(1, max(0, v.isFinite ? v / top : 0)) * 8).rounded())
            buffer[start + i, area.y] = Cell(String(Self.levels[level]), style: style)
        }
    }
}
