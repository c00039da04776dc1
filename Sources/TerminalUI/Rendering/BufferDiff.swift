/// What changed between two frames: runs of cells to write, so the terminal never redraws what it shows
/// already (no flicker, little output).
public enum BufferDiff {
    public struct Run: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]
    }

    /// The runs of `new` that differ from `old`; everything when the sizes differ.
    public static func runs(from old: ScreenBuffer?, to new: ScreenBuffer) -> [Run] {
        let full = old == nil || old?.width != new.width || old?.height != new.height
        var runs: [Run] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                if !full, let old, old[x, y] == new[x, y] { x += 1; continue }
                let start = x
                var cells: [Cell] = []
                while x < new.width, full || old?[x, y] != new[x, y] || (new[x, y].text.isEmpty && !cells.isEmpty) {
                    cells.append(new[x, y])
                    x += 1
                }
                // A run never starts inside a wide grapheme.
                if let first = cells.first, first.text.isEmpty, start > 0 {
                    runs.append(Run(x: start - 1, y: y, cells: [new[start - 1, y]] + cells))
                } else {
                    runs.append(Run(x: start, y: y, cells: cells))
                }
            }
        }
        return runs
    }
}
