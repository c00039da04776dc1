import Language

/// Labels as a Praat TextGrid. Written in Praat's long text format: one interval tier per annotator (overlapping
/// labels in extra tiers, see `LabelTiers`), each covering the whole call with empty intervals between the labels,
/// every interval's xmin the previous one's xmax, as Praat requires. Read in the long and the short format, UTF-8
/// or UTF-16 (the shared `TextGridParser` tokenizer): each interval with text is a label (`code` or `code: note`),
/// its tier's name the annotator; empty intervals are padding, point tiers are passed over with a notice.
public enum TextGridLabels {
    public static func write(_ sheet: LabelSheet) -> WrittenLabels {
        let (tiers, notices) = LabelTiers.layout(sheet.labels)
        let end = sheet.endMs
        var out = """
            File type = "ooTextFile"
            Object class = "TextGrid"

            xmin = 0
            xmax = \(Seconds.text(end))
            tiers? <exists>
            size = \(tiers.count)
            item []:

            """
        var collapsed = 0
        for (t, tier) in tiers.enumerated() {
            var intervals: [(start: Int, end: Int, text: String)] = []
            var cursor = 0
            for label in tier.labels {
                if label.startMs > cursor { intervals.append((cursor, label.startMs, "")) }
                let (text, changed) = LabelText.render(code: label.code, note: label.note)
                if changed { collapsed += 1 }
                intervals.append((label.startMs, label.endMs, text))
                cursor = label.endMs
            }
            if end > cursor || intervals.isEmpty { intervals.append((cursor, max(end, cursor + 1), "")) }
            let tierEnd = intervals.last?.end ?? end
            out += """
                    item [\(t + 1)]:
                        class = "IntervalTier"
                        name = \(quoted(tier.name))
                        xmin = 0
                        xmax = \(Seconds.text(tierEnd))
                        intervals: size = \(intervals.count)

                """
            for (i, interval) in intervals.enumerated() {
                out += """
                            intervals [\(i + 1)]:
                                xmin = \(Seconds.text(interval.start))
                                xmax = \(Seconds.text(interval.end))
                                text = \(quoted(interval.text))

                    """
            }
        }
        var said = notices
        if collapsed > 0 { said.append("\(collapsed) notes' line breaks written as spaces (a TextGrid label is one line here)") }
        if sheet.labels.contains(where: { $0.channel != nil }) { said.append("a TextGrid holds no channel: the labels' channels are not written") }
        return WrittenLabels(text: out, notices: said)
    }

    /// Reads a TextGrid's text (already decoded from UTF-8 or UTF-16).
    public static func read(_ source: String) throws -> ReadLabels {
        do { return try parse(source) } catch let problem as TranscriptParseError { throw LabelFormatProblem(problem) }
    }

    private static func parse(_ source: String) throws -> ReadLabels {
        var reader = TextGridParser.TokenReader(tokens: try TextGridParser.tokenize(source))
        guard try reader.text("the file type") == "ooTextFile" else {
            throw LabelFormatProblem(line: 1, "not a Praat text file (expected File type = \"ooTextFile\")")
        }
        guard try reader.text("the object class") == "TextGrid" else {
            throw LabelFormatProblem(line: reader.line, "not a TextGrid (expected Object class = \"TextGrid\")")
        }
        _ = try time(&reader, "the TextGrid's xmin")
        _ = try time(&reader, "the TextGrid's xmax")
        guard case .flag(let flag) = try reader.next("<exists>") else {
            throw LabelFormatProblem(line: reader.line, "expected tiers? <exists> or <absent>")
        }
        if flag == "absent" { return ReadLabels(labels: []) }
        let tierCount = try reader.count("the number of tiers")
        var labels: [InterchangeLabel] = [], notices: [String] = []
        for _ in 0..<tierCount {
            let tierLine = reader.line
            let kind = try reader.text("a tier class")
            let name = try reader.text("a tier name")
            _ = try time(&reader, "the tier's xmin")
            _ = try time(&reader, "the tier's xmax")
            let count = try reader.count("the number of intervals")
            switch kind {
            case "IntervalTier":
                let annotator = LabelTiers.annotator(ofTier: name)
                for _ in 0..<count {
                    let line = reader.line
                    let start = try time(&reader, "an interval's xmin")
                    let end = try time(&reader, "an interval's xmax")
                    let text = try reader.text("an interval's text")
                    guard end >= start else { throw LabelFormatProblem(line: line, "interval ends (\(Seconds.text(end))) before it starts (\(Seconds.text(start)))") }
                    let (code, note) = LabelText.parse(text)
                    if code.isEmpty && note == nil { continue }
                    labels.append(InterchangeLabel(annotator: annotator, startMs: start, endMs: end, code: code, note: note, place: "line \(line)"))
                }
            case "TextTier":
                for _ in 0..<count {
                    _ = try reader.number("a point's time")
                    _ = try reader.text("a point's mark")
                }
                notices.append("line \(tierLine): point tier '\(name)' passed over (labels are ranges)")
            default:
                throw LabelFormatProblem(line: tierLine, "unknown tier class '\(kind)'")
            }
        }
        return ReadLabels(labels: labels, notices: notices)
    }

    private static func time(_ reader: inout TextGridParser.TokenReader, _ what: String) throws -> Int {
        let line = reader.line
        return try Seconds.milliseconds(try reader.number(what), place: "line \(line)", what: what)
    }

    /// A Praat string: in double quotes, a quote doubled.
    private static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
