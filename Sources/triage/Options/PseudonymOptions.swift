import ArgumentParser
import Foundation
import Pseudonymisation

/// `--pseudonym-key`: the key file that makes an export's pseudonyms (kept outside the archive, created on first use).
struct PseudonymOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The pseudonym key file (default: $TRIAGE_PSEUDONYM_KEY, else "
                                            + "$XDG_CONFIG_HOME/triage/pseudonym.key; made, private to you, on first use).", valueName: "file"))
    var pseudonymKey: String?

    /// The pseudonymiser: the key, and the words file beside the taxonomy at `taxonomy`; a problem is one line.
    func load(taxonomy: URL) throws -> Pseudonymiser {
        do { return try Pseudonymiser.load(keyPath: pseudonymKey, taxonomy: taxonomy) } catch { throw CommandFailure(message: error.description) }
    }
}
