import Foundation
import TriageCore
import Yams

/// The words the finder looks for, as data (`Taxonomy/pseudonymisation.yaml`): digits and pairs said aloud in each
/// language, joiners, articles, the cue words before a CPR or telephone number or a name, how an e-mail address is
/// said, the first names, and the tag each kind of pseudonym starts with. Every word is kept in lower case.
public struct IdentifierWords: Sendable, Equatable {
    /// A word said for one digit ("nul", "oh").
    public var digits: [String: Int]
    /// A word said for two digits ("tolv", "halvfems", "thirty").
    public var pairs: [String: Int]
    /// What joins a digit and a tens word into a pair ("fire og tredive").
    public var joiners: Set<String>
    /// Digit words that are also articles ("en", "et").
    public var articles: Set<String>
    /// How many words before a number a cue reaches.
    public var cueReach: Int
    /// Phrases (each a list of words) announcing a CPR number, a telephone number, or a name.
    public var cprCues: [[String]]
    public var phoneCues: [[String]]
    public var nameCues: [[String]]
    /// Phrases said for "@", and words said for ".".
    public var emailAt: [[String]]
    public var emailDot: Set<String>
    /// First names replaced in any case, and those replaced only when capitalised or after a name cue.
    public var names: Set<String>
    public var namesCapitalised: Set<String>
    /// The tag of each kind's pseudonym (`CPR`, `TLF`, `EMAIL`, `NAVN`).
    public var tags: [IdentifierKind: String]

    /// The file's name beside the taxonomy.
    public static let fileName = "pseudonymisation.yaml"

    /// The words file to use: `$TRIAGE_PSEUDONYM_WORDS`, else `pseudonymisation.yaml` beside the taxonomy file, else
    /// the one beside the shipped taxonomy (for a taxonomy kept elsewhere without one).
    public static func locate(besideTaxonomy taxonomy: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["TRIAGE_PSEUDONYM_WORDS"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let beside = taxonomy.deletingLastPathComponent().appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        var shipped = environment
        shipped["TRIAGE_TAXONOMY"] = nil
        let fallback = TaxonomyLocator.locate(environment: shipped).map { $0.deletingLastPathComponent().appendingPathComponent(fileName) }
        return fallback.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil } ?? beside
    }

    /// Reads the words file at `url`; a problem names the file and what is wrong, in one line.
    public static func load(contentsOf url: URL) throws(PseudonymisationProblem) -> IdentifierWords {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw PseudonymisationProblem(path: url.path, problem: "cannot be read (\((error as NSError).localizedDescription))")
        }
        return try parse(text, path: url.path)
    }

    /// Reads the words from YAML text; `path` names the file in a problem.
    public static func parse(_ text: String, path: String) throws(PseudonymisationProblem) -> IdentifierWords {
        let root: [String: Any]
        do {
            guard let loaded = try Yams.load(yaml: text) as? [String: Any] else {
                throw PseudonymisationProblem(path: path, problem: "is not a mapping of sections")
            }
            root = loaded
        } catch let problem as PseudonymisationProblem {
            throw problem
        } catch {
            throw PseudonymisationProblem(path: path, problem: "is not valid YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
        }
        func problem(_ what: String) -> PseudonymisationProblem { PseudonymisationProblem(path: path, problem: what) }
        func words(_ key: String) throws(PseudonymisationProblem) -> [String] {
            guard let value = root[key] else { return [] }
            guard let list = value as? [Any] else { throw problem("\(key) must be a list of words") }
            var out: [String] = []
            for item in list {
                guard let word = scalar(item), !word.isEmpty else { throw problem("\(key) holds an entry that is not a word") }
                out.append(word.lowercased())
            }
            return out
        }
        func numbers(_ key: String, _ allowed: ClosedRange<Int>) throws(PseudonymisationProblem) -> [String: Int] {
            guard let value = root[key] else { throw problem("has no \(key) section") }
            guard let languages = value as? [String: Any] else { throw problem("\(key) must map each language to its words") }
            var out: [String: Int] = [:]
            for (language, entries) in languages {
                guard let map = entries as? [String: Any] else { throw problem("\(key).\(language) must map words to numbers") }
                for (word, number) in map {
                    guard let n = (number as? Int) ?? scalar(number).flatMap({ Int($0) }), allowed.contains(n) else {
                        throw problem("\(key).\(language).\(word) must be a number from \(allowed.lowerBound) to \(allowed.upperBound)")
                    }
                    out[word.lowercased()] = n
                }
            }
            return out
        }
        let phrases = { (key: String) throws(PseudonymisationProblem) -> [[String]] in
            try words(key).map { phrase in TextToken.tokens(Array(phrase)).map(\.folded) }.filter { !$0.isEmpty }
        }
        var tags: [IdentifierKind: String] = [.cpr: "CPR", .phone: "TLF", .email: "EMAIL", .name: "NAVN"]
        if let given = root["tags"] {
            guard let map = given as? [String: Any] else { throw problem("tags must map cpr, phone, email and name to a tag") }
            for (key, value) in map {
                guard let kind = IdentifierKind(rawValue: key) else { throw problem("tags.\(key) is not one of cpr, phone, email, name") }
                guard let tag = scalar(value), !tag.isEmpty, tag.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                    throw problem("tags.\(key) must be letters or digits")
                }
                tags[kind] = tag
            }
        }
        let reach: Int
        switch root["cue_reach"] {
        case nil: reach = 8
        case let n as Int where (0...50).contains(n): reach = n
        default: throw problem("cue_reach must be a number of words from 0 to 50")
        }
        let words = IdentifierWords(
            digits: try numbers("digits", 0...9), pairs: try numbers("pairs", 10...99), joiners: Set(try words("joiners")),
            articles: Set(try words("articles")), cueReach: reach, cprCues: try phrases("cpr_cues"), phoneCues: try phrases("phone_cues"),
            nameCues: try phrases("name_cues"), emailAt: try phrases("email_at"), emailDot: Set(try words("email_dot")),
            names: Set(try words("names")), namesCapitalised: Set(try words("names_capitalised")), tags: tags)
        if words.names.isEmpty && words.namesCapitalised.isEmpty { throw problem("lists no names") }
        return words
    }

    /// A YAML scalar as text (a name like `Bo` or a number).
    private static func scalar(_ value: Any) -> String? {
        switch value {
        case let s as String: return s
        case let n as Int: return String(n)
        case let b as Bool: return b ? "true" : "false"
        default: return nil
        }
    }
}
