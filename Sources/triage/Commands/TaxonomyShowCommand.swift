import ArgumentParser
import Ingest
import TriageCore

/// `triage taxonomy show`: the taxonomy as a readable tree, in Danish or English.
struct TaxonomyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the taxonomy as a tree.")

    @OptionGroup var options: TaxonomyOptions

    @Option(name: .long, help: "da (Danish) or en (English).")
    var lang: String = "da"

    func validate() throws {
        if !["da", "en"].contains(lang) { throw ValidationError("--lang must be da or en") }
    }

    func run() throws {
        Console.out(TaxonomyShowCommand.tree(try options.load(), language: lang), terminator: "")
    }

    static func tree(_ t: Taxonomy, language: String) -> String {
        let da = language == "da"
        var out = "\(t.title.text(for: language)) (\(t.versionTag))\n"
        func section(_ title: String) { out += "\n\(title)\n" }
        section(da ? "Kontaktårsager" : "Contact reasons")
        for (i, r) in t.reasons.enumerated() {
            let branch = i == t.reasons.count - 1 ? "└─" : "├─"
            let stem = i == t.reasons.count - 1 ? "   " : "│  "
            out += "\(branch) \(r.code) — \(r.label.text(for: language))\n"
            out += "\(stem)   \(r.definition.text(for: language))\n"
            if let d = r.defaultDisposition, let def = t.definition(of: d) {
                out += "\(stem)   \(da ? "Standard" : "Default"): \(def.label.text(for: language)) (\(d.rawValue))\n"
            }
            if !r.externalCodes.isEmpty {
                out += "\(stem)   \(da ? "Koder" : "Codes"): " + r.externalCodes.map { "\($0.system.rawValue.uppercased()) \($0.code)" }.joined(separator: ", ") + "\n"
            }
            let phrases = r.lexicon.phrases(for: language)
            if !phrases.isEmpty {
                out += "\(stem)   \(da ? "Ord" : "Words"): " + phrases.prefix(8).joined(separator: ", ") + (phrases.count > 8 ? ", …" : "") + "\n"
            }
        }
        section(da ? "Dispositioner (mest akut først)" : "Dispositions (most urgent first)")
        for d in t.dispositions { out += "  \(d.disposition.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(d.label.text(for: language))\n" }
        section(da ? "Røde flag" : "Red flags")
        for f in t.redFlags {
            let forced = t.definition(of: f.forces)?.label.text(for: language) ?? f.forces.rawValue
            out += "  \(f.code) — \(f.label.text(for: language)) → \(forced)\n"
            out += "      \(da ? "når" : "when") \(f.condition)\n"
        }
        return out
    }
}
