/// A spectrogram in half blocks: each cell shows two frequency bands, the upper half (▀) in the
/// foreground colour and the lower in the background, low frequencies at the bottom. On a terminal
/// without colour, each cell shows the louder of its two bands as a shade (░▒▓█) instead.
public struct HalfBlockSpectrogram: Sendable {
    /// Per screen column: band intensities in [0, 1], lowest band first.
    public var columns: [[Float]]
    public var colours: Bool

    public init(columns: [[Float]], colours: Bool = true) { self.columns = columns; self.colours = colours }

    static let palette: [Style.Color] = [.black, .blue, .magenta, .red, .yellow, .white]
    static let shades = [" ", "░", "▒", "▓", "█"]

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let rows = area.height * 2
        for (cx, bands) in columns.prefix(area.width).enumerated() where !bands.isEmpty {
            func level(_ r: Int) -> Float {
                // Screen half-row r from the bottom, resampled onto the bands.
                let position = Float(r) * Float(bands.count) / Float(rows)
                let v = bands[min(bands.count - 1, Int(position))]
                return min(1, max(0, v.isFinite ? v : 0))
            }
            for cy in 0..<area.height {
                let lower = level((area.height - 1 - cy) * 2), upper = level((area.height - 1 - cy) * 2 + 1)
                let cell: Cell
                if colours {
                    func colour(_ v: Float) -> Style.Color { Self.palette[min(Self.palette.count - 1, Int(v * Float(Self.palette.count)))] }
                    cell = Cell("▀", style: Style(foreground: colour(upper), background: colour(lower)))
                } else {
                    cell = Cell(Self.shades[min(Self.shades.count - 1, Int(max(upper, lower) * Float(Self.shades.count)))])
                }
                buffer[area.x + cx, area.y + cy] = cell
            }
        }
    }
}
