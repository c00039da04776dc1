/// A centred box listing every key, over whatever screen is showing.
public struct HelpOverlay: Sendable {
    public var title: String
    public var lines: [(key: String, meaning: String)]

    public init(title: String, lines: [(key: String, meaning: String)]) { self.title = title; self.lines = lines }

    public func render(into buffer: inout ScreenBuffer) {
        let keyWidth = lines.map { DisplayWidth.of($0.key) }.max() ?? 0
        let width = min(buffer.width - 2, max(30, keyWidth + 3 + (lines.map { DisplayWidth.of($0.meaning) }.max() ?? 0) + 4))
        let height = min(buffer.height - 2, lines.count + 2)
        let area = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(area)
        let inside = Frame.draw(into: &buffer, area: area, title: title, style: .bold)
        for (row, line) in lines.prefix(inside.height).enumerated() {
            buffer.put(line.key, x: inside.x + 1, y: inside.y + row, style: Style(foreground: .yellow, bold: true))
            buffer.put(DisplayWidth.truncate(line.meaning, to: inside.width - keyWidth - 3), x: inside.x + keyWidth + 2, y: inside.y + row)
        }
    }
}
