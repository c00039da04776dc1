/// A rectangle of the screen in columns and rows.
public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// Splits off `width` columns on the left: (left, rest).
    public func splitLeft(_ width: Int) -> (Rect, Rect) {
        let w = min(max(0, width), self.width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: self.width - w, height: height))
    }

    /// Splits off `height` rows at the top: (top, rest).
    public func splitTop(_ height: Int) -> (Rect, Rect) {
        let h = min(max(0, height), self.height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: self.height - h))
    }

    /// Inset by `n` on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}
