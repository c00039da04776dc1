/// Cleans the payload of subtitle cues: strips `<tags>` and `{\ass}` overrides, decodes the HTML
/// entities WebVTT allows, and folds white space.
package enum MarkupText {
    package static func plain(_ text: String) -> String {
        var out = ""
        var inTag = false, inBrace = false
        for ch in text {
            switch ch {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            case "{" where !inTag: inBrace = true
            case "}" where inBrace: inBrace = false
            default: if !inTag && !inBrace { out.append(ch) }
            }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&lrm;", ""), ("&rlm;", ""),
                                ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}

import Foundation
