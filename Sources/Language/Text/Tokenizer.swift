/// Splits text into word, number and punctuation tokens with their character offsets.
/// Numbers keep their decimal comma or point ("38,4"); "38+2" becomes 38, "+", 2; hyphens join
/// words ("tre-fire" stays one word, split later by the number reader).
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [(text: String, kind: Token.Kind, range: Range<Int>)] {
        let chars = Array(text)
        var out: [(String, Token.Kind, Range<Int>)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isLetter {
                let start = i
                while i < chars.count, chars[i].isLetter || chars[i] == "'" || chars[i] == "’"
                        || (chars[i] == "-" && i + 1 < chars.count && chars[i + 1].isLetter) { i += 1 }
                let word = String(chars[start..<i]).replacingOccurrences(of: "’", with: "'")
                out.append((word.lowercased(), .word, start..<i))
            } else if c.isNumber {
                let start = i
                while i < chars.count, chars[i].isNumber
                        || ((chars[i] == "," || chars[i] == ".") && i + 1 < chars.count && chars[i + 1].isNumber && i > start) { i += 1 }
                // "5." as in "hvert 5. minut" is an ordinal: keep the point out of the number.
                out.append((String(chars[start..<i]), .number, start..<i))
            } else if ".,;:?!".contains(c) || c == "–" || c == "—" {
                out.append((String(c), .punctuation, i..<(i + 1)))
                i += 1
            } else if c == "+" || c == "/" || c == "-" || c == "÷" {
                out.append((String(c), .word, i..<(i + 1)))
                i += 1
            } else {
                i += 1
            }
        }
        return out
    }
}
