/// A one-line modal prompt in a box at the bottom of an area: a label, what has been typed, a cursor.
public struct PromptWidget: Sendable {
    public var title: String
    public var text: String
    public var hint: String

    public init(title: String, text: String, hint: String) { self.title = title; self.text = text; self.hint = hint }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let box = Rect(x: area.x, y: area.maxY - 3, width: area.width, height: 3)
        buffer.fill(box)
        let inside = Frame.draw(into: &buffer, area: box, title: title, style: Style(foreground: .yellow, bold: true))
        // The end of a long note stays in view.
        var shown = text
        while DisplayWidth.of(shown) > inside.width - 2, !shown.isEmpty { shown.removeFirst() }
        let x = buffer.put(shown, x: inside.x, y: inside.y)
        buffer.put("▏", x: x, y: inside.y, style: Style(foreground: .yellow, bold: true))
        buffer.put(hint, x: box.maxX - DisplayWidth.of(hint) - 2, y: box.maxY - 1, style: .dim)
    }
}
