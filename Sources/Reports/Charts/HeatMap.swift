import Archive
/// A heat map as SVG: rows × columns of counts, darker for more calls; hidden (suppressed) cells are
/// hatched and marked "<5".
public struct HeatMap: Sendable {
    public var title: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `values[row][column]`: a count, or `nil` when suppressed.
    public var values: [[Int?]]

    public init(title: String, rowLabels: [String], columnLabels: [String], values: [[Int?]]) {
        self.title = title; self.rowLabels = rowLabels; self.columnLabels = columnLabels; self.values = values
    }

    public func svg(cell: Int = 26) -> String {
        let left = 90, top = 44
        let width = left + columnLabels.count * cell + 20, height = top + rowLabels.count * cell + 40
        let peak = max(1, values.flatMap { $0.compactMap { $0 } }.max() ?? 1)
        var s = SVG.open(width: width, height: height, title: title)
        s += "<text x=\"10\" y=\"22\" class=\"head\">\(SVG.escape(title))</text>\n"
        s += "<defs><pattern id=\"hatch-h\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"M0,6 L6,0\" stroke=\"#9aa5b1\" stroke-width=\"1\"/></pattern></defs>\n"
        for (c, label) in columnLabels.enumerated() {
            s += "<text x=\"\(left + c * cell + cell / 2)\" y=\"\(top - 6)\" text-anchor=\"middle\" class=\"small\">\(SVG.escape(label))</text>\n"
        }
        for (r, label) in rowLabels.enumerated() {
            s += "<text x=\"\(left - 6)\" y=\"\(top + r * cell + cell / 2 + 4)\" text-anchor=\"end\">\(SVG.escape(label))</text>\n"
            for c in columnLabels.indices {
                let x = left + c * cell, y = top + r * cell
                let value = r < values.count && c < values[r].count ? values[r][c] : 0
                if let v = value {
                    let t = Double(v) / Double(peak)
                    let fill = v == 0 ? "#f5f7fa" : Self.blue(t)
                    s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"\(fill)\"><title>\(SVG.escape("\(label) \(columnLabels[c]): \(v)"))</title></rect>\n"
                    if v > 0 { s += "<text x=\"\(x + cell / 2 - 1)\" y=\"\(y + cell / 2 + 3)\" text-anchor=\"middle\" class=\"small\" style=\"fill:\(t > 0.55 ? "#ffffff" : "#1f2933")\">\(v)</text>\n" }
                } else {
                    s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"url(#hatch-h)\"><title>\(SVG.escape("\(label) \(columnLabels[c]): <5"))</title></rect>\n"
                }
            }
        }
        return s + "</svg>\n"
    }

    /// White to deep blue.
    static func blue(_ t: Double) -> String {
        let x = max(0, min(1, t))
        let r = Int(235 - 200 * x), g = Int(243 - 160 * x), b = Int(251 - 80 * x)
        return "rgb(\(r),\(g),\(b))"
    }
}
