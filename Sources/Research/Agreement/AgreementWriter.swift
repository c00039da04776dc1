import Foundation

/// An agreement report as text for a terminal or as JSON for tools (undefined figures as `–` and `null`).
public enum AgreementWriter {
    public static func text(_ report: AgreementReport) -> String {
        var out = "annotators: \(report.annotators.isEmpty ? "none" : report.annotators.joined(separator: ", "))\n"
        out += "calls labelled: \(report.labelledCalls), by two or more annotators: \(report.sharedCalls)\n"
        if report.annotators.count != 2 { out += "Cohen's kappa needs exactly two annotators: shown as –\n" }
        out += "\ncall level (reason given on the call or not)\n"
        out += table(["reason", "calls", "agree", "kappa", "alpha"], report.callLevel.map {
            [$0.reason, "\($0.calls)", figure($0.observed), figure($0.kappa), figure($0.alpha)]
        })
        out += "\ntime level (10 ms frames)\n"
        out += table(["reason", "frames", "agree", "kappa", "alpha"], report.timeLevel.map {
            [$0.reason, "\($0.frames)", figure($0.agreement), figure($0.kappa), figure($0.alpha)]
        })
        out += "\ndisagreements: \(report.disagreements.count) calls\n"
        for call in report.disagreements {
            let reasons = call.reasons.map { "\($0.reason) (\($0.with.joined(separator: ", ")); not \($0.without.joined(separator: ", ")))" }
            out += "call \(call.callID): \(reasons.joined(separator: "; "))\n"
        }
        return out
    }

    public static func json(_ report: AgreementReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func figure(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
