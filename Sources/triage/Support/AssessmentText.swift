import Language
import Triage
import TriageCore

/// An assessment as a midwife reads it in a terminal: disposition first, then why.
enum AssessmentText {
    static func render(_ a: Assessment, taxonomy: Taxonomy) -> String {
        let lang = a.language
        func label(_ code: String) -> String { taxonomy.reason(code)?.label.text(for: lang) ?? code }
        var out = ""
        let banner = taxonomy.definition(of: a.disposition)?.label.text(for: lang) ?? a.disposition.rawValue
        out += "\(banner.uppercased())  (\(a.disposition.rawValue))\n"
        for flag in a.redFlags {
            out += "  ! \(taxonomy.redFlag(flag.code)?.label.text(for: lang) ?? flag.code) → \(flag.forces.rawValue)"
            let said = flag.evidence.filter { $0.source != .rule }.map { "“\($0.text)”" }
            out += said.isEmpty ? "\n" : ": " + said.joined(separator: ", ") + "\n"
        }
        if a.redFlags.isEmpty { out += "  \(a.dispositionEvidence.text)\n" }
        out += "\n\(lang == "da" ? "Kontaktårsager" : "Contact reasons"):\n"
        for (i, r) in a.reasons.enumerated() {
            let words = r.evidence.prefix(4).map { "“\($0.text)”" }.joined(separator: ", ")
            out += "  \(i == 0 ? "*" : " ") \(label(r.code)) (\(r.code)) \(String(format: "%.2f", r.score))  \(words)\n"
        }
        if !a.facts.isEmpty {
            out += "\n\(lang == "da" ? "Fakta" : "Facts"):\n"
            for f in a.facts {
                let name = taxonomy.fact(f.name)?.label.text(for: lang) ?? f.name.rawValue
                let from = f.evidence.source == .record ? (lang == "da" ? "journal" : "record") : "“\(f.evidence.text)”"
                var value = "\(f.value)"
                if case .boolean(let yes) = f.value { value = lang == "da" ? (yes ? "ja" : "nej") : (yes ? "yes" : "no") }
                out += "  \(name): \(value)\(taxonomy.fact(f.name)?.unit.map { " \($0)" } ?? "")  ← \(from)\n"
            }
        }
        if !a.denied.isEmpty {
            out += "\n\(lang == "da" ? "Afkræftet" : "Denied"): " + a.denied.map { d in
                (taxonomy.finding(d.code)?.label.text(for: lang) ?? d.code) + (d.evidence.first.map { " (“\($0.text)”)" } ?? "")
            }.joined(separator: ", ") + "\n"
        }
        if !a.questions.isEmpty {
            out += "\n\(lang == "da" ? "Spørg om" : "Ask next"):\n"
            for q in a.questions { out += "  ? \(q.text)\n" }
        }
        out += "\n\(a.taxonomyVersion) · \(a.modelVersion)\n"
        return out
    }
}
