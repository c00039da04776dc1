/// Text with styled spans, word-wrapped into an area: the transcript with its evidence highlighted.
public struct HighlightedText: Sendable {
    public struct Span: Sendable, Equatable {
        /// Character offsets in the text.
        public var range: Range<Int>
        public var style: Style

        public init(range: Range<Int>, style: Style) { self.range = range; self.style = style }
    }

    public struct Paragraph: Sendable {
        public var prefix: String
        public var prefixStyle: Style
        public var text: String
        public var spans: [Span]

        public init(prefix: String = "", prefixStyle: Style = .bold, text: String, spans: [Span] = []) {
            self.prefix = prefix; self.prefixStyle = prefixStyle; self.text = text; self.spans = spans
        }
    }

    public var paragraphs: [Paragraph]

    public init(paragraphs: [Paragraph]) { self.paragraphs = paragraphs }

    /// The wrapped lines as (paragraph, [(character, style)]), before scrolling.
    func lines(width: Int) -> [[(Character, Style)]] {
        guard width > 4 else { return [] }
        var out: [[(Character, Style)]] = []
        for p in paragraphs {
            var styled: [(Character, Style)] = p.prefix.map { ($0, p.prefixStyle) }
            for (i, ch) in p.text.enumerated() {
                let style = p.spans.last { $0.range.contains(i) }?.style ?? .plain
                styled.append((ch, style))
            }
            let indent = DisplayWidth.of(p.prefix)
            var line: [(Character, Style)] = []
            var used = 0
            var word: [(Character, Style)] = []
            func flushWord() {
                // A word's trailing space may hang past the edge.
                let w = word.reduce(0) { $0 + DisplayWidth.of($1.0) } - (word.last?.0 == " " ? 1 : 0)
                if used + w > width, !line.isEmpty {
                    out.append(line)
                    line = Array(repeating: (" ", .plain), count: min(indent, width / 2))
                    used = line.count
                    while let first = word.first, first.0 == " " { word.removeFirst() }
                }
                line += word
                used += word.reduce(0) { $0 + DisplayWidth.of($1.0) }
                word = []
            }
            for item in styled {
                word.append(item)
                if item.0 == " " { flushWord() }
            }
            flushWord()
            out.append(line)
        }
        return out
    }

    /// Draws the lines from `scroll` on; returns how many lines the text has in all.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect, scroll: Int = 0) -> Int {
        let all = lines(width: area.width)
        let first = max(0, min(scroll, max(0, all.count - area.height)))
        for (row, line) in all.dropFirst(first).prefix(area.height).enumerated() {
            var x = area.x
            for (ch, style) in line { x = buffer.put(String(ch), x: x, y: area.y + row, style: style, maxX: area.maxX) }
        }
        return all.count
    }
}
