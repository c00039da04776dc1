import TriageCore

/// Reads Praat TextGrids in the long and the short text format (and the variants ELAN writes:
/// `item[1]`, `intervals [1]` without a colon). Each interval tier is a speaker, named by the
/// tier; non-empty intervals become turns, merged across tiers in time order. Point tiers are skipped.
///
/// Both formats are the same sequence of values once the `key =` labels and `[n]` indices are
/// dropped, which is how Praat itself reads them; so does this parser.
package enum TextGridParser {
    package enum Token: Equatable {
        case text(String)
        case number(Double)
        case flag(String)
    }

    static func parse(_ source: String) throws -> [Turn] {
        var reader = TokenReader(tokens: try tokenize(source))
        guard try reader.text("the file type") == "ooTextFile" else {
            throw TranscriptParseError(line: 1, "not a Praat text file (expected File type = \"ooTextFile\")")
        }
        guard try reader.text("the object class") == "TextGrid" else {
            throw TranscriptParseError(line: reader.line, "not a TextGrid (expected Object class = \"TextGrid\")")
        }
        _ = try reader.number("xmin")
        _ = try reader.number("xmax")
        guard case .flag(let flag) = try reader.next("<exists>") else {
            throw TranscriptParseError(line: reader.line, "expected tiers? <exists> or <absent>")
        }
        if flag == "absent" { return [] }
        let tierCount = try reader.count("the number of tiers")
        var timed: [(start: Int, tier: Int, turn: Turn)] = []
        for tier in 0..<tierCount {
            let kind = try reader.text("a tier class")
            let name = try reader.text("a tier name")
            _ = try reader.number("the tier's xmin")
            _ = try reader.number("the tier's xmax")
            let count = try reader.count("the number of intervals")
            switch kind {
            case "IntervalTier":
                let speaker = Speaker(label: name) ?? .unknown
                for _ in 0..<count {
                    let startLine = reader.line
                    let xmin = try reader.number("an interval's xmin")
                    let xmax = try reader.number("an interval's xmax")
                    let text = try reader.text("an interval's text")
                    guard xmax >= xmin, let start = Timecode.milliseconds(seconds: xmin), let end = Timecode.milliseconds(seconds: xmax) else {
                        throw TranscriptParseError(line: startLine, "interval ends (\(xmax)) before it starts (\(xmin))")
                    }
                    let clean = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if clean.isEmpty { continue }
                    timed.append((start, tier, Turn(speaker: speaker, speakerLabel: name, startMs: start, endMs: end, text: clean)))
                }
            case "TextTier":
                for _ in 0..<count {
                    _ = try reader.number("a point's time")
                    _ = try reader.text("a point's mark")
                }
            default:
                throw TranscriptParseError(line: reader.line, "unknown tier class '\(kind)'")
            }
        }
        return timed.sorted { ($0.start, $0.tier) < ($1.start, $1.tier) }.map(\.turn)
    }

    package struct TokenReader {
        let tokens: [(token: Token, line: Int)]
        var position = 0
        package var line: Int { position < tokens.count ? tokens[position].line : (tokens.last?.line ?? 1) }

        package init(tokens: [(token: Token, line: Int)]) { self.tokens = tokens }

        package mutating func next(_ what: String) throws -> Token {
            guard position < tokens.count else { throw TranscriptParseError(line: line, "the file ends before \(what)") }
            defer { position += 1 }
            return tokens[position].token
        }

        package mutating func text(_ what: String) throws -> String {
            let at = line
            guard case .text(let s) = try next(what) else { throw TranscriptParseError(line: at, "expected \(what) in quotes") }
            return s
        }

        package mutating func number(_ what: String) throws -> Double {
            let at = line
            guard case .number(let d) = try next(what) else { throw TranscriptParseError(line: at, "expected \(what) as a number") }
            return d
        }

        package mutating func count(_ what: String) throws -> Int {
            let at = line
            let d = try number(what)
            guard d >= 0, d == d.rounded(), d < 10_000_000 else { throw TranscriptParseError(line: at, "\(what) must be a whole number") }
            return Int(d)
        }
    }

    /// The values of the file: quoted strings (`""` is a quote), numbers and `<flags>`; labels,
    /// `[n]` indices, `=` and `:` are dropped, `!` starts a comment.
    package static func tokenize(_ source: String) throws -> [(token: Token, line: Int)] {
        var tokens: [(token: Token, line: Int)] = []
        let chars = Array(source.unicodeScalars)
        var i = 0, line = 1
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\n": line += 1; i += 1
            case "\"":
                let startLine = line
                var value = String.UnicodeScalarView()
                i += 1
                while true {
                    guard i < chars.count else { throw TranscriptParseError(line: startLine, "a quoted text is never closed") }
                    if chars[i] == "\"" {
                        if i + 1 < chars.count, chars[i + 1] == "\"" { value.append("\""); i += 2; continue }
                        i += 1
                        break
                    }
                    if chars[i] == "\n" { line += 1 }
                    value.append(chars[i]); i += 1
                }
                tokens.append((.text(String(value)), startLine))
            case "!":
                while i < chars.count, chars[i] != "\n" { i += 1 }
            case "[":
                while i < chars.count, chars[i] != "]" { if chars[i] == "\n" { line += 1 }; i += 1 }
                i += 1
            case "<":
                var flag = ""
                i += 1
                while i < chars.count, chars[i] != ">" { flag.unicodeScalars.append(chars[i]); i += 1 }
                i += 1
                tokens.append((.flag(flag), line))
            case "0"..."9", "-", "+", ".":
                var number = ""
                while i < chars.count, "0123456789.eE+-".unicodeScalars.contains(chars[i]) { number.unicodeScalars.append(chars[i]); i += 1 }
                guard let d = Double(number) else { throw TranscriptParseError(line: line, "bad number '\(number)'") }
                tokens.append((.number(d), line))
            default:
                if c.properties.isAlphabetic {
                    var word = ""
                    while i < chars.count, chars[i].properties.isAlphabetic || chars[i] == "?" || chars[i] == "_" { word.unicodeScalars.append(chars[i]); i += 1 }
                    // A value written as nan or inf is a number that is not a time, not a label to skip.
                    if ["nan", "inf", "infinity"].contains(word.lowercased()) { tokens.append((.number(word.lowercased() == "nan" ? .nan : .infinity), line)) }
                } else {
                    i += 1
                }
            }
        }
        return tokens
    }
}
