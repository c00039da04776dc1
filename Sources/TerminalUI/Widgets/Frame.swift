/// A box with a title, and the area inside it.
public enum Frame {
    @discardableResult
    public static func draw(into buffer: inout ScreenBuffer, area: Rect, title: String, style: Style = .dim) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        buffer.put("┌" + String(repeating: "─", count: area.width - 2) + "┐", x: area.x, y: area.y, style: style)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.put("│", x: area.x, y: y, style: style)
            buffer.put("│", x: area.maxX - 1, y: y, style: style)
        }
        buffer.put("└" + String(repeating: "─", count: area.width - 2) + "┘", x: area.x, y: area.maxY - 1, style: style)
        if !title.isEmpty { buffer.put(" " + DisplayWidth.truncate(title, to: area.width - 4) + " ", x: area.x + 1, y: area.y, style: .bold) }
        return area.inset(1)
    }
}
