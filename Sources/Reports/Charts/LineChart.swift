import Archive
/// A line chart as SVG: one line per series over shared x labels (weeks), with a legend.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One value per x label; `nil` where hidden (the line breaks there).
        public var values: [Int?]

        public init(name: String, values: [Int?]) { self.name = name; self.values = values }
    }

    public var title: String
    public var xLabels: [String]
    public var series: [Series]

    public init(title: String, xLabels: [String], series: [Series]) {
        self.title = title; self.xLabels = xLabels; self.series = series
    }

    public func svg(width: Int = 720, height: Int = 320) -> String {
        let left = 50.0, right = 200.0, top = 40.0, bottom = 50.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let peak = Double(max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1))
        func x(_ i: Int) -> Double { left + (xLabels.count <= 1 ? plotW / 2 : plotW * Double(i) / Double(xLabels.count - 1)) }
        func y(_ v: Int) -> Double { top + plotH - plotH * Double(v) / peak }
        var s = SVG.open(width: width, height: height, title: title)
        s += "<text x=\"10\" y=\"22\" class=\"head\">\(SVG.escape(title))</text>\n"
        s += "<line x1=\"\(SVG.number(left))\" x2=\"\(SVG.number(left + plotW))\" y1=\"\(SVG.number(top + plotH))\" y2=\"\(SVG.number(top + plotH))\" stroke=\"#9aa5b1\"/>\n"
        s += "<text x=\"\(SVG.number(left - 6))\" y=\"\(SVG.number(top + 4))\" text-anchor=\"end\" class=\"small\">\(Int(peak))</text>\n"
        s += "<text x=\"\(SVG.number(left - 6))\" y=\"\(SVG.number(top + plotH))\" text-anchor=\"end\" class=\"small\">0</text>\n"
        let step = max(1, xLabels.count / 8)
        for (i, label) in xLabels.enumerated() where i % step == 0 {
            s += "<text x=\"\(SVG.number(x(i)))\" y=\"\(SVG.number(top + plotH + 16))\" text-anchor=\"middle\" class=\"small\">\(SVG.escape(label))</text>\n"
        }
        for (k, serie) in series.enumerated() {
            let colour = SVG.palette[k % SVG.palette.count]
            var path = ""
            var pen = false
            for (i, value) in serie.values.enumerated() {
                guard let v = value else { pen = false; continue }
                path += "\(pen ? "L" : "M")\(SVG.number(x(i))),\(SVG.number(y(v))) "
                pen = true
                s += "<circle cx=\"\(SVG.number(x(i)))\" cy=\"\(SVG.number(y(v)))\" r=\"2.5\" fill=\"\(colour)\"/>\n"
            }
            if !path.isEmpty { s += "<path d=\"\(path.trimmingCharacters(in: .whitespaces))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n" }
            let ly = top + Double(k) * 18
            s += "<rect x=\"\(SVG.number(left + plotW + 16))\" y=\"\(SVG.number(ly))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>\n"
            s += "<text x=\"\(SVG.number(left + plotW + 34))\" y=\"\(SVG.number(ly + 10))\" class=\"small\">\(SVG.escape(serie.name))</text>\n"
        }
        return s + "</svg>\n"
    }
}

import Foundation
