/// A waveform drawn in braille dots: each cell holds two columns of four dots, each dot column spans the
/// signal's minimum to maximum over its stretch of time, so a 200-column screen shows 400 envelope
/// columns at four times the row resolution. A marked range (a selection, an annotation) is shaded.
public struct BrailleWaveform: Sendable {
    /// Per dot column: the lowest and highest sample value in [-1, 1].
    public var columns: [(min: Float, max: Float)]
    public var style: Style
    /// Dot columns to show with `markedStyle` (selections, annotations).
    public var marked: [Range<Int>]
    public var markedStyle: Style

    public init(columns: [(min: Float, max: Float)], style: Style = Style(foreground: .green), marked: [Range<Int>] = [],
                markedStyle: Style = Style(foreground: .yellow, bold: true)) {
        self.columns = columns; self.style = style; self.marked = marked; self.markedStyle = markedStyle
    }

    /// Braille dot bits by (column 0/1, row 0…3 from the top).
    static let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let dotRows = area.height * 4
        func row(_ v: Float) -> Int {
            let clamped = min(1, max(-1, v.isFinite ? v : 0))
            return min(dotRows - 1, max(0, Int(((1 - clamped) / 2 * Float(dotRows - 1)).rounded())))
        }
        for cx in 0..<area.width {
            var masks = [UInt32](repeating: 0, count: area.height)
            var isMarked = false
            for half in 0..<2 {
                let c = cx * 2 + half
                guard c < columns.count else { continue }
                if marked.contains(where: { $0.contains(c) }) { isMarked = true }
                let top = row(columns[c].max), bottom = row(columns[c].min)
                for r in min(top, bottom)...max(top, bottom) { masks[r / 4] |= Self.bits[half][r % 4] }
            }
            for cy in 0..<area.height {
                let text = masks[cy] == 0 ? " " : String(UnicodeScalar(0x2800 + masks[cy]).map(Character.init) ?? " ")
                buffer[area.x + cx, area.y + cy] = Cell(text, style: isMarked ? markedStyle : style)
            }
        }
    }
}
