import Foundation

/// Who speaks in a transcript turn or on an audio channel.
public enum Speaker: String, Sendable, Codable, CaseIterable {
    /// The midwife answering the telephone.
    case midwife
    /// The person calling: the pregnant woman, the new mother, or someone calling on her behalf.
    case caller
    /// The midwife's own typed notes, entered during the call.
    case notes
    /// A speaker the transcript does not identify.
    case unknown

    /// Maps a speaker label found in a transcript ("M", "Jordemoder", "Caller", a TextGrid tier name, …)
    /// to a role; `nil` when the label is not recognised.
    public init?(label: String) {
        let key = label.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: " ")
        if let role = Speaker.labels[key] { self = role; return }
        // "Caller (partner)", "Midwife Anna": look at the first word only.
        if let first = key.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "-" }).first,
           let role = Speaker.labels[String(first)] {
            self = role; return
        }
        return nil
    }

    private static let labels: [String: Speaker] = {
        var map: [String: Speaker] = [:]
        for label in ["m", "mw", "jm", "midwife", "jordemoder", "jordemor", "jordmoder", "jordemoderen",
                      "nurse", "sygeplejerske", "staff", "personale", "agent"] { map[label] = .midwife }
        for label in ["c", "k", "p", "caller", "kvinde", "kvinden", "gravid", "patient", "woman", "mother",
                      "mor", "opkalder", "opringer", "borger", "partner", "pårørende", "far", "father",
                      "husband", "mand", "kæreste", "customer"] { map[label] = .caller }
        for label in ["notes", "note", "noter", "notat"] { map[label] = .notes }
        for label in ["unknown", "ukendt", "speaker", "spk"] { map[label] = .unknown }
        return map
    }()
}

