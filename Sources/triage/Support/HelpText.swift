/// A command's discussion as the help prints it: the lines of a paragraph joined, so that the help wraps them at the
/// terminal's width and never in the middle of a sentence. A paragraph starts after a blank line, at "Exit status",
/// at a list item ("- ") and at an indented line (an example), which is kept as written.
enum HelpText {
    static func paragraphs(_ text: String) -> String {
        var out: [String] = []
        var current = ""
        func flush() { if !current.isEmpty { out.append(current); current = "" } }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { flush(); continue }
            if line.hasPrefix(" ") { flush(); out.append(line); continue }
            if line.hasPrefix("Exit status") || line.hasPrefix("- ") { flush() }
            current += current.isEmpty ? line : " " + line
        }
        flush()
        return out.joined(separator: "\n")
    }
}
