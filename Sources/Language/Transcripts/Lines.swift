/// Splits text into lines on `\n`, `\r\n` or `\r`, numbering them from 1.
package enum Lines {
    package static func numbered(_ text: String) -> [(number: Int, text: String)] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, String($0.element)) }
    }

    /// Groups numbered lines into blocks separated by blank lines.
    package static func blocks(_ text: String) -> [[(number: Int, text: String)]] {
        var blocks: [[(number: Int, text: String)]] = []
        var current: [(number: Int, text: String)] = []
        for line in numbered(text) {
            if line.text.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}

import Foundation
