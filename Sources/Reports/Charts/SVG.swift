import Archive
import Foundation
import TriageCore

/// Small helpers for writing well-formed, self-contained SVG.
enum SVG {
    /// Text safe inside an element or an attribute.
    static func escape(_ text: String) -> String { XMLText.escaped(text) }

    static func number(_ d: Double) -> String { String(format: "%.1f", d) }

    /// The opening of a chart: size, viewBox, a title for screen readers and the shared style.
    static func open(width: Int, height: Int, title: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(escape(title))">
        <title>\(escape(title))</title>
        <style>text{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:12px;fill:#1f2933}.small{font-size:10px;fill:#52606d}.head{font-size:14px;font-weight:bold}</style>
        <rect width="100%" height="100%" fill="#ffffff"/>

        """
    }

    /// A colour-blind-safe palette (Okabe–Ito).
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The banner colours of the dispositions.
    static func colour(ofDisposition code: String) -> String {
        switch code {
        case "emergency_112": return "#c0392b"
        case "attend_now": return "#e67e22"
        case "attend_soon": return "#f1c40f"
        case "self_care": return "#27ae60"
        case "refer": return "#2e86c1"
        default: return "#7f8c8d"
        }
    }
}
