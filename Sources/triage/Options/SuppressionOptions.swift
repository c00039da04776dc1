import ArgumentParser
import Ingest

/// `--no-suppress`: show counts from 1 to 4, for the local screen only, always with a warning.
struct SuppressionOptions: ParsableArguments {
    @Flag(name: .long, help: "Show small counts (for the local screen only; never share the output).")
    var noSuppress = false

    /// Whether small cells are hidden; warns on standard error when they are not.
    func suppress(what: String) -> Bool {
        if noSuppress { Console.err("warning: small counts are shown (--no-suppress): for the local screen only, do not share this \(what)") }
        return !noSuppress
    }
}
