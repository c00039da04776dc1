import Archive
import ArgumentParser
import Reports

/// Which calls and whose reasons the statistics count: `--from`, `--to`, `--reason`, `--disposition`,
/// `--language`, `--caller`, `--source`, `--include-replays`.
struct StatsOptions: ParsableArguments {
    @Option(name: .long, help: "First day, YYYY-MM-DD.")
    var from: String?

    @Option(name: .long, help: "Last day, YYYY-MM-DD.")
    var to: String?

    @Option(name: .long, help: "Only calls with this reason (a taxonomy code).")
    var reason: String?

    @Option(name: .long, help: "Only calls with this disposition.")
    var disposition: String?

    @Option(name: .long, help: "Only calls in this language (da, en).")
    var language: String?

    @Option(name: .long, help: "Only calls from this caller type (pregnant, partner, postnatal …).")
    var caller: String?

    @Option(name: .long, help: "suggested (the assistant), confirmed (the midwife) or labelled (researchers).")
    var source: String = "suggested"

    @Flag(name: .long, help: "Count the replays of known calls too (the demo's live calls), left out by default.")
    var includeReplays = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, value.count != 10 || LocalDateCheck.isValid(value) == false {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not '\(value)'")
            }
        }
        if StatsSource(rawValue: source) == nil { throw ValidationError("--source must be suggested, confirmed or labelled") }
    }

    var statsSource: StatsSource { StatsSource(rawValue: source) ?? .suggested }

    var filter: StatsFilter {
        StatsFilter(from: from, to: to, reason: reason, disposition: disposition, language: language, caller: caller, includeReplays: includeReplays)
    }
}

import TriageCore

enum LocalDateCheck {
    static func isValid(_ text: String) -> Bool { LocalDateTime.parse(text) != nil }
}
