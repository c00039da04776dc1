/// The whole screen as cells: what a frame renders into, and what the diff compares.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { x >= 0 && y >= 0 && x < width && y < height ? cells[y * width + x] : .blank }
        set { if x >= 0 && y >= 0 && x < width && y < height { cells[y * width + x] = newValue } }
    }

    /// Writes `text` from (x, y), clipped to `maxX` (default: the right edge); returns the column after it.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        let limit = min(maxX ?? width, width)
        var column = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                if column > x, column - 1 < limit { self[column - 1, y].text += String(ch) }
                continue
            }
            if column + w > limit { break }
            self[column, y] = Cell(String(ch), style: style)
            if w == 2 { self[column + 1, y] = Cell("", style: style) }
            column += w
        }
        return column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in rect.y..<min(rect.maxY, height) where y >= 0 {
            for x in rect.x..<min(rect.maxX, width) where x >= 0 { self[x, y] = cell }
        }
    }

    /// Applies `style` to the cells of a rectangle, keeping their text.
    public mutating func paint(_ rect: Rect, style: Style) {
        for y in rect.y..<min(rect.maxY, height) where y >= 0 {
            for x in rect.x..<min(rect.maxX, width) where x >= 0 { self[x, y].style = style }
        }
    }

    /// The screen as text, one line per row, trailing blanks trimmed: what snapshot tests compare.
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
