/// A one-row gauge: a label, a bar filled to a ratio (eighth blocks), and the value as text.
public struct GaugeWidget: Sendable {
    public var label: String
    public var ratio: Double
    public var text: String
    public var style: Style

    public init(label: String, ratio: Double, text: String, style: Style = Style(foreground: .green)) {
        self.label = label; self.ratio = ratio; self.text = text; self.style = style
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        var x = buffer.put(label.isEmpty ? "" : label + " ", x: area.x, y: area.y, maxX: area.maxX)
        let textWidth = DisplayWidth.of(text)
        let plot = max(0, area.maxX - x - textWidth - 3)
        guard plot > 0 else { return }
        let eighths = Int((min(1, max(0, ratio.isFinite ? ratio : 0)) * Double(plot * 8)).rounded())
        x = buffer.put("▕", x: x, y: area.y, style: .dim)
        let bar = String(repeating: "█", count: eighths / 8) + BarsWidget.eighths[eighths % 8]
        buffer.put(bar, x: x, y: area.y, style: style)
        x = buffer.put("▏", x: x + plot, y: area.y, style: .dim)
        buffer.put(" " + text, x: x, y: area.y, style: .dim, maxX: area.maxX)
    }
}
