/// Horizontal bars with labels and values, drawn with eighth blocks for smooth lengths.
public struct BarsWidget: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var text: String
        public var style: Style

        public init(label: String, value: Double, text: String, style: Style = Style(foreground: .cyan)) {
            self.label = label; self.value = value; self.text = text; self.style = style
        }
    }

    public var bars: [Bar]

    public init(bars: [Bar]) { self.bars = bars }

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let labelWidth = min(max(8, bars.map { DisplayWidth.of($0.label) }.max() ?? 8), area.width / 3)
        let textWidth = min(12, bars.map { DisplayWidth.of($0.text) }.max() ?? 0)
        let plot = max(1, area.width - labelWidth - textWidth - 2)
        let peak = max(bars.map(\.value).max() ?? 1, 1e-9)
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            buffer.put(DisplayWidth.truncate(bar.label, to: labelWidth), x: area.x, y: y)
            let eighthsTotal = Int((bar.value / peak * Double(plot * 8)).rounded())
            let full = eighthsTotal / 8
            let x = buffer.put(String(repeating: "█", count: full) + Self.eighths[eighthsTotal % 8], x: area.x + labelWidth + 1, y: y, style: bar.style)
            buffer.put(bar.text, x: x + 1, y: y, style: .dim, maxX: area.maxX)
        }
    }
}
