import TriageCore

/// The screens' shared looks: disposition colours (red 112, orange now, yellow within hours, green home).
enum ScreenStyle {
    static func banner(_ disposition: String) -> Style {
        switch disposition {
        case "emergency_112": return Style(foreground: .white, background: .red, bold: true)
        case "attend_now": return Style(foreground: .black, background: .magenta, bold: true)
        case "attend_soon": return Style(foreground: .black, background: .yellow, bold: true)
        case "self_care": return Style(foreground: .black, background: .green, bold: true)
        default: return Style(foreground: .black, background: .cyan, bold: true)
        }
    }

    static func dot(_ disposition: String?) -> (String, Style) {
        guard let d = disposition else { return ("· ", .dim) }
        return ("● ", Style(foreground: banner(d).background))
    }

    /// Highlight colours for the reasons' words in the transcript.
    static let highlights: [Style.Color] = [.cyan, .yellow, .green, .magenta, .blue]
}
