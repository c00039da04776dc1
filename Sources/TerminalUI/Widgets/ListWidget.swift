/// A scrolling list with one selected row shown reversed; rows carry their own styles.
public struct ListWidget: Sendable {
    public struct Item: Sendable {
        public var text: String
        public var style: Style
        /// A short coloured marker before the text (a disposition dot).
        public var marker: (String, Style)?

        public init(_ text: String, style: Style = .plain, marker: (String, Style)? = nil) {
            self.text = text; self.style = style; self.marker = marker
        }
    }

    public var items: [Item]
    public var selected: Int?

    public init(items: [Item], selected: Int?) { self.items = items; self.selected = selected }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        let top = max(0, min((selected ?? 0) - area.height / 2, items.count - area.height))
        for (row, index) in (top..<min(items.count, top + area.height)).enumerated() {
            let item = items[index]
            let y = area.y + row
            var x = area.x
            if let (marker, style) = item.marker { x = buffer.put(marker, x: x, y: y, style: style, maxX: area.maxX) }
            buffer.put(DisplayWidth.truncate(item.text, to: area.maxX - x), x: x, y: y, style: item.style, maxX: area.maxX)
            if index == selected { buffer.paint(Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(bold: true, reverse: true)) }
        }
    }
}
