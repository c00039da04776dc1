/// How a cell looks: colours and attributes. Terminals without colour fall back to the attributes alone.
public struct Style: Sendable, Hashable {
    public enum Color: Int, Sendable, Hashable, CaseIterable {
        case black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground; self.background = background; self.bold = bold; self.dim = dim; self.reverse = reverse; self.underline = underline
    }

    /// How this looks on a terminal without colours: a coloured background becomes reverse video (a
    /// banner stays a banner), a coloured foreground becomes bold (a highlight stays a highlight).
    public var monochrome: Style {
        var m = Style(bold: bold, dim: dim, reverse: reverse, underline: underline)
        if background != nil && background != .black { m.reverse.toggle(); m.bold = true }
        if let f = foreground, f != .white, f != .black, background == nil { m.bold = true }
        return m
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
}
