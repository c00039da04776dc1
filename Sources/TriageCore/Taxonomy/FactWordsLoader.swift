import Foundation
import Yams

/// Reads the fact readers' words from the language files in `words/` beside the taxonomy file (`words/da.yaml`,
/// `words/en.yaml`), collecting every problem with its line, as the taxonomy's own loader does.
public enum FactWordsLoader {
    /// The folder of language files, beside the taxonomy file.
    public static let folderName = "words"

    /// The words folder for the taxonomy file at `taxonomyFile`: `words/` beside it, else the one beside the shipped
    /// taxonomy (for a taxonomy kept elsewhere without one, such as a test's).
    public static func folder(besideTaxonomy taxonomyFile: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let beside = URL(fileURLWithPath: taxonomyFile).deletingLastPathComponent().appendingPathComponent(folderName)
        if isFolder(beside) { return beside }
        var shipped = environment
        shipped["TRIAGE_TAXONOMY"] = nil
        let fallback = TaxonomyLocator.locate(environment: shipped)?.deletingLastPathComponent().appendingPathComponent(folderName)
        return fallback.flatMap { isFolder($0) ? $0 : nil }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }

    /// Reads every `*.yaml` file in `folder`, in the order of their names; a set that no file declares is a problem.
    public static func load(folder: URL) -> (FactWords, [TaxonomyProblem]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var entries: [FactWordSet: [String: [String]]] = [:]
        var languages: [String] = []
        var problems: [TaxonomyProblem] = []
        for name in names.filter({ $0.hasSuffix(".yaml") }).sorted() {
            let file = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                problems.append(TaxonomyProblem(file: file, location: nil, message: "cannot read the file as UTF-8 text"))
                continue
            }
            let (language, sets, found) = parse(yaml: text, file: file)
            problems += found
            guard let language else { continue }
            if languages.contains(language) {
                problems.append(TaxonomyProblem(file: file, location: nil, message: "a second words file for language '\(language)'"))
                continue
            }
            languages.append(language)
            for (set, words) in sets { entries[set, default: [:]][language] = words }
        }
        if languages.isEmpty { problems.append(TaxonomyProblem(file: folder.path, location: nil, message: "holds no words file (*.yaml)")) }
        for set in FactWordSet.allCases where entries[set] == nil {
            problems.append(TaxonomyProblem(file: folder.path, location: nil, message: "no words file declares the word set '\(set.rawValue)'"))
        }
        return (FactWords(entries, languages: languages), problems)
    }

    /// Parses one language's words: `language: da` and `words: {set: [word or phrase, …], …}`.
    public static func parse(yaml: String, file: String) -> (language: String?, sets: [FactWordSet: [String]], problems: [TaxonomyProblem]) {
        var problems: [TaxonomyProblem] = []
        func report(_ node: Node?, _ message: String) {
            problems.append(TaxonomyProblem(file: file, location: node?.mark.map { SourceLocation(line: $0.line, column: $0.column) }, message: message))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            report(nil, "bad YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
            return (nil, [:], problems)
        }
        guard let mapping = root?.mapping else { report(root, "must map 'language' and 'words'"); return (nil, [:], problems) }
        var language: String?
        var sets: [FactWordSet: [String]] = [:]
        for (key, value) in mapping {
            switch key.string {
            case "language":
                language = value.scalar?.string
                if language.map({ $0.count != 2 }) ?? true { report(value, "language must be a two-letter language code"); language = nil }
            case "words":
                sets = wordSets(value, report)
            default:
                report(key, "unknown key '\(key.string ?? "?")' (expected language, words)")
            }
        }
        if language == nil, !problems.contains(where: { $0.message.hasPrefix("language") }) { report(root, "lacks 'language'") }
        return (language, sets, problems)
    }

    /// `words: {set: [entry, …]}`: every set a known one, every entry non-empty text.
    private static func wordSets(_ node: Node, _ report: (Node?, String) -> Void) -> [FactWordSet: [String]] {
        guard let mapping = node.mapping else { report(node, "words must map word sets to lists of words"); return [:] }
        var sets: [FactWordSet: [String]] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let set = FactWordSet(rawValue: name) else {
                report(key, "unknown word set '\(key.string ?? "?")'")
                continue
            }
            guard let list = value.sequence else { report(value, "word set '\(name)' must be a list"); continue }
            var words: [String] = []
            for item in list {
                guard let word = item.scalar?.string, !word.trimmingCharacters(in: .whitespaces).isEmpty, word == word.trimmingCharacters(in: .whitespaces)
                else { report(item, "word set '\(name)' holds an entry that is not a word or phrase"); continue }
                words.append(word)
            }
            sets[set] = words
        }
        return sets
    }
}
