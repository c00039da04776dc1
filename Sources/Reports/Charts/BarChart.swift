import Archive
/// A horizontal bar chart as SVG: one bar per item with its label and value, optional reference marks
/// (a published distribution to compare with) and per-bar colours.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        /// The bar's value in [0, 1] (a share); `nil` draws a hatched "<5" bar of a suppressed count.
        public var share: Double?
        public var text: String
        public var colour: String?
        /// A reference share to mark beside the bar.
        public var reference: Double?

        public init(label: String, share: Double?, text: String, colour: String? = nil, reference: Double? = nil) {
            self.label = label; self.share = share; self.text = text; self.colour = colour; self.reference = reference
        }
    }

    public var title: String
    public var bars: [Bar]
    /// Legend text for the reference marks.
    public var referenceLegend: String?

    public init(title: String, bars: [Bar], referenceLegend: String? = nil) {
        self.title = title; self.bars = bars; self.referenceLegend = referenceLegend
    }

    public func svg(width: Int = 720) -> String {
        // Wide enough for the longest label ("Symptomer på svangerskabsforgiftning"), up to half the chart.
        let longest = Double(bars.map(\.label.count).max() ?? 0)
        let labelWidth = min(Double(width) / 2, max(230, longest * 7 + 16)), rowHeight = 26.0, top = 40.0
        let plot = Double(width) - labelWidth - 110
        let maxShare = max(0.05, bars.compactMap { [$0.share, $0.reference].compactMap { $0 }.max() }.max() ?? 0.05)
        let height = Int(top + Double(bars.count) * rowHeight + (referenceLegend == nil ? 20 : 40))
        var s = SVG.open(width: width, height: height, title: title)
        s += "<text x=\"10\" y=\"22\" class=\"head\">\(SVG.escape(title))</text>\n"
        s += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"M0,6 L6,0\" stroke=\"#9aa5b1\" stroke-width=\"1\"/></pattern></defs>\n"
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            s += "<text x=\"\(SVG.number(labelWidth - 8))\" y=\"\(SVG.number(y + 16))\" text-anchor=\"end\">\(SVG.escape(bar.label))</text>\n"
            let w = plot * (bar.share ?? 0.02) / maxShare
            let fill = bar.share == nil ? "url(#hatch)" : (bar.colour ?? SVG.palette[0])
            s += "<rect x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(y + 4))\" width=\"\(SVG.number(max(1, w)))\" height=\"\(SVG.number(rowHeight - 8))\" fill=\"\(fill)\" rx=\"2\"/>\n"
            s += "<text x=\"\(SVG.number(labelWidth + max(1, w) + 6))\" y=\"\(SVG.number(y + 16))\" class=\"small\">\(SVG.escape(bar.text))</text>\n"
            if let r = bar.reference {
                let x = labelWidth + plot * r / maxShare
                s += "<line x1=\"\(SVG.number(x))\" x2=\"\(SVG.number(x))\" y1=\"\(SVG.number(y + 1))\" y2=\"\(SVG.number(y + rowHeight - 1))\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3,2\"/>\n"
            }
        }
        if let legend = referenceLegend {
            let y = top + Double(bars.count) * rowHeight + 18
            s += "<line x1=\"10\" x2=\"24\" y1=\"\(SVG.number(y - 4))\" y2=\"\(SVG.number(y - 4))\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3,2\"/>\n"
            s += "<text x=\"30\" y=\"\(SVG.number(y))\" class=\"small\">\(SVG.escape(legend))</text>\n"
        }
        return s + "</svg>\n"
    }
}
