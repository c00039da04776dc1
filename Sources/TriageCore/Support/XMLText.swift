/// Text written into XML (an element's content or an attribute value in double or single quotes).
public enum XMLText {
    /// `text` with the five markup characters as entities; with `encodingWhitespace`, line breaks and tabs
    /// as character references too, so that an attribute keeps them through a parser's normalisation.
    public static func escaped(_ text: String, encodingWhitespace: Bool = false) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n" where encodingWhitespace: out += "&#10;"
            case "\r" where encodingWhitespace: out += "&#13;"
            case "\t" where encodingWhitespace: out += "&#9;"
            default: out.append(ch)
            }
        }
        return out
    }
}
