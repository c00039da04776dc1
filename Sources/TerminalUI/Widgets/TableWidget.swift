/// Rows under a header, in columns sized to their cells (the last takes what is left), one selected row
/// reversed, scrolled so it stays in view.
public struct TableWidget: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    public var selected: Int?
    public var rowStyles: [Style]

    public init(headers: [String], rows: [[String]], selected: Int? = nil, rowStyles: [Style] = []) {
        self.headers = headers; self.rows = rows; self.selected = selected; self.rowStyles = rowStyles
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        let widths = headers.indices.map { i in ([headers[i]] + rows.map { $0.indices.contains(i) ? $0[i] : "" }).map(DisplayWidth.of).max() ?? 0 }
        func line(_ cells: [String], y: Int, style: Style) {
            var x = area.x
            for (i, cell) in cells.enumerated() where x < area.maxX {
                let width = i == cells.count - 1 ? area.maxX - x : min(widths[i], area.maxX - x)
                buffer.put(DisplayWidth.truncate(cell, to: width), x: x, y: y, style: style, maxX: area.maxX)
                x += width + 2
            }
        }
        line(headers, y: area.y, style: Style(bold: true, underline: true))
        let visible = area.height - 1
        guard visible > 0 else { return }
        let top = max(0, min((selected ?? 0) - visible / 2, rows.count - visible))
        for (row, index) in (top..<min(rows.count, top + visible)).enumerated() {
            let y = area.y + 1 + row
            line(rows[index], y: y, style: rowStyles.indices.contains(index) ? rowStyles[index] : .plain)
            if index == selected { buffer.paint(Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(bold: true, reverse: true)) }
        }
    }
}
