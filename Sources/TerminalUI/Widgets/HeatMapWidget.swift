/// A grid of counts as shades (░▒▓█) with row and column labels: calls by weekday and hour.
public struct HeatMapWidget: Sendable {
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var values: [[Int]]

    public init(rowLabels: [String], columnLabels: [String], values: [[Int]]) {
        self.rowLabels = rowLabels; self.columnLabels = columnLabels; self.values = values
    }

    static let shades = [" ", "░", "▒", "▓", "█"]

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let labelWidth = min(10, (rowLabels.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
        let cellWidth = max(1, min(3, (area.width - labelWidth) / max(1, columnLabels.count)))
        let peak = max(1, values.flatMap { $0 }.max() ?? 1)
        for (c, label) in columnLabels.enumerated() where c % max(1, 3 / cellWidth) == 0 {
            buffer.put(label, x: area.x + labelWidth + c * cellWidth, y: area.y, style: .dim, maxX: area.maxX)
        }
        for (r, label) in rowLabels.enumerated() where r + 1 < area.height {
            let y = area.y + 1 + r
            buffer.put(DisplayWidth.truncate(label, to: labelWidth - 1), x: area.x, y: y)
            for c in columnLabels.indices {
                let v = r < values.count && c < values[r].count ? values[r][c] : 0
                let shade = v == 0 ? "·" : Self.shades[min(4, 1 + (v * 4 - 1) / peak)]
                buffer.put(String(repeating: shade, count: cellWidth), x: area.x + labelWidth + c * cellWidth, y: y,
                           style: v == 0 ? .dim : Style(foreground: .blue), maxX: area.maxX)
            }
        }
    }
}
