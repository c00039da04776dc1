import Foundation
import Yams

/// Reads a taxonomy YAML file into a `Taxonomy`, collecting every problem (with its line) rather than
/// stopping at the first, so a clinician editing the file sees all that is wrong at once.
public enum TaxonomyLoader {
    /// Loads and validates a taxonomy file; throws `TaxonomyError` listing every problem.
    public static func load(contentsOf url: URL) throws -> Taxonomy {
        let (taxonomy, problems) = check(contentsOf: url)
        guard let taxonomy, problems.isEmpty else { throw TaxonomyError(problems: problems) }
        return taxonomy
    }

    /// Loads a taxonomy file and returns what could be read with the problems found.
    public static func check(contentsOf url: URL) -> (Taxonomy?, [TaxonomyProblem]) {
        let file = url.path
        guard let data = FileManager.default.contents(atPath: file) else {
            return (nil, [TaxonomyProblem(file: file, location: nil, message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [TaxonomyProblem(file: file, location: nil, message: "not UTF-8 text")])
        }
        return parse(yaml: text, file: file)
    }

    /// Parses taxonomy YAML text; `file` names it in problems, and the fact readers' words are read from the `words/`
    /// folder beside it (else beside the shipped taxonomy).
    public static func parse(yaml: String, file: String) -> (Taxonomy?, [TaxonomyProblem]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [problem(from: error, file: file)])
        } catch {
            return (nil, [TaxonomyProblem(file: file, location: nil, message: "bad YAML: \(error)")])
        }
        guard let root else { return (nil, [TaxonomyProblem(file: file, location: nil, message: "the file is empty")]) }
        let reader = NodeReader(file: file)
        var taxonomy = reader.taxonomy(root)
        var problems = reader.problems
        if taxonomy != nil {
            if let folder = FactWordsLoader.folder(besideTaxonomy: file) {
                let (words, found) = FactWordsLoader.load(folder: folder)
                taxonomy?.factWords = words
                problems += found
            } else {
                problems.append(TaxonomyProblem(file: file, location: nil,
                                                message: "no \(FactWordsLoader.folderName)/ folder of the fact readers' words beside it or beside the shipped taxonomy"))
            }
        }
        if let taxonomy { problems += TaxonomyValidator.problems(in: taxonomy, file: file) }
        return (taxonomy, problems)
    }

    private static func problem(from error: YamlError, file: String) -> TaxonomyProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return TaxonomyProblem(file: file, location: SourceLocation(line: mark.line, column: mark.column),
                                   message: "bad YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return TaxonomyProblem(file: file, location: SourceLocation(line: context.mark.line, column: context.mark.column),
                                   message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return TaxonomyProblem(file: file, location: nil, message: "bad YAML: \(error)")
        }
    }
}

/// Walks the YAML node tree, building the model and recording problems with their locations.
private final class NodeReader {
    let file: String
    var problems: [TaxonomyProblem] = []
    /// The taxonomy's word classes, read before any lexicon that uses them.
    var wordClasses = WordClasses()

    init(file: String) { self.file = file }

    func report(_ node: Node?, _ message: String) {
        problems.append(TaxonomyProblem(file: file, location: node.flatMap(location), message: message))
    }

    func location(_ node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }

    /// The mapping's entries by key, reporting keys outside `allowed` and missing `required` ones.
    func fields(_ node: Node, _ what: String, allowed: Set<String>, required: [String] = []) -> [String: Node]? {
        guard let mapping = node.mapping else { report(node, "\(what) must be a mapping of keys to values"); return nil }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { report(keyNode, "\(what) has a key that is not text"); continue }
            if !allowed.contains(key) {
                report(keyNode, "unknown key '\(key)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
                continue
            }
            result[key] = value
        }
        for key in required where result[key] == nil { report(node, "\(what) lacks '\(key)'") }
        return result
    }

    func text(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else { report(node, "\(what) must be a single value"); return nil }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { report(node, "\(what) is empty"); return nil }
        return value
    }

    func code(_ node: Node?, _ what: String) -> String? {
        guard let value = text(node, what) else { return nil }
        let valid = value.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
        if !valid { report(node, "\(what) '\(value)' must be lower-case letters, digits and '_'") }
        return value
    }

    func sequence(_ node: Node?, _ what: String) -> [Node] {
        guard let node else { return [] }
        guard let sequence = node.sequence else { report(node, "\(what) must be a list"); return [] }
        return Array(sequence)
    }

    func texts(_ node: Node?, _ what: String) -> [String] {
        sequence(node, what).compactMap { text($0, "an entry of \(what)") }
    }

    func localized(_ node: Node?, _ what: String) -> LocalizedText? {
        guard let node else { return nil }
        if node.scalar != nil { return text(node, what).map { LocalizedText(["en": $0]) } }
        guard let mapping = node.mapping else { report(node, "\(what) must map languages to texts (da: …, en: …)"); return nil }
        var texts: [String: String] = [:]
        for (key, value) in mapping {
            guard let language = key.string, language.count == 2 else { report(key, "\(what): '\(key.string ?? "?")' is not a two-letter language code"); continue }
            if let t = text(value, "\(what) (\(language))") { texts[language] = t }
        }
        return LocalizedText(texts)
    }

    func lexicon(_ node: Node?, _ what: String) -> Lexicon {
        guard let node else { return Lexicon() }
        guard let mapping = node.mapping else { report(node, "\(what) must map languages to lists of phrases"); return Lexicon() }
        var phrases: [String: [String]] = [:]
        for (key, value) in mapping {
            guard let language = key.string, language.count == 2 else { report(key, "\(what): '\(key.string ?? "?")' is not a two-letter language code"); continue }
            phrases[language] = texts(value, "\(what) (\(language))").flatMap { phrase -> [String] in
                for name in WordClasses.names(in: phrase) where wordClasses.classes[name]?[language]?.isEmpty ?? true {
                    report(value, "\(what) (\(language)): '\(phrase)' uses the word class {\(name)}, which has no \(language) words in word_classes")
                }
                return wordClasses.expand(phrase, language: language)
            }
        }
        return Lexicon(phrases)
    }

    func disposition(_ node: Node?, _ what: String) -> Disposition? {
        guard let value = text(node, what) else { return nil }
        guard let d = Disposition(rawValue: value) else {
            report(node, "unknown disposition '\(value)' in \(what) (known: \(Disposition.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return d
    }

    func number(_ node: Node?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard let scalar = node.scalar, let d = Double(scalar.string) else { report(node, "\(what) must be a number"); return nil }
        return d
    }

    // MARK: The document

    func taxonomy(_ root: Node) -> Taxonomy? {
        guard let f = fields(root, "the taxonomy", allowed: ["id", "version", "title", "languages", "word_classes", "dispositions",
                                                             "facts", "findings", "reasons", "red_flags", "override_reasons"],
                             required: ["id", "version", "dispositions", "reasons"]) else { return nil }
        let id = text(f["id"], "id") ?? ""
        let version = text(f["version"], "version") ?? ""
        let title = localized(f["title"], "title") ?? LocalizedText([:])
        let languages = f["languages"].map { texts($0, "languages") } ?? ["da", "en"]
        if let classes = f["word_classes"] { wordClasses = wordClassList(classes) }
        let dispositions = sequence(f["dispositions"], "dispositions").compactMap(dispositionDefinition)
        let facts = sequence(f["facts"], "facts").compactMap(fact)
        let findings = sequence(f["findings"], "findings").compactMap(finding)
        let reasons = sequence(f["reasons"], "reasons").compactMap(reason)
        let redFlags = sequence(f["red_flags"], "red_flags").compactMap(redFlag)
        let overrides = sequence(f["override_reasons"], "override_reasons").compactMap(overrideReason)
        return Taxonomy(id: id, version: version, title: title, languages: languages, dispositions: dispositions,
                        facts: facts, findings: findings, reasons: reasons, redFlags: redFlags, overrideReasons: overrides)
    }

    func overrideReason(_ node: Node) -> OverrideReason? {
        guard let f = fields(node, "an override reason", allowed: ["code", "label", "free_text"], required: ["code", "label"]),
              let code = code(f["code"], "an override reason's code") else { return nil }
        var freeText = false
        if let node = f["free_text"] {
            switch node.scalar?.string {
            case "true": freeText = true
            case "false": freeText = false
            default: report(node, "free_text of override reason '\(code)' must be true or false")
            }
        }
        return OverrideReason(code: OverrideReasonCode(rawValue: code), label: localized(f["label"], "label") ?? LocalizedText([:]),
                              freeText: freeText, location: location(node))
    }

    /// `word_classes: {name: {da: [...], en: [...]}}`.
    func wordClassList(_ node: Node) -> WordClasses {
        guard let mapping = node.mapping else { report(node, "word_classes must map class names to words per language"); return WordClasses() }
        var classes: [String: [String: [String]]] = [:]
        for (key, value) in mapping {
            guard let name = key.string, !name.isEmpty, !name.contains("{"), !name.contains("}") else { report(key, "a word class needs a plain name"); continue }
            classes[name] = self.lexicon(value, "word class '\(name)'").phrases
        }
        return WordClasses(classes)
    }

    func dispositionDefinition(_ node: Node) -> DispositionDefinition? {
        guard let f = fields(node, "a disposition", allowed: ["code", "label", "advice", "asks"], required: ["code", "label"]),
              let d = disposition(f["code"], "a disposition's code") else { return nil }
        return DispositionDefinition(disposition: d, label: localized(f["label"], "label") ?? LocalizedText([:]),
                                     advice: localized(f["advice"], "advice") ?? LocalizedText([:]),
                                     asks: f["asks"].map { texts($0, "the facts disposition '\(d.rawValue)' asks for").map(FactName.init(rawValue:)) }, location: location(node))
    }

    func fact(_ node: Node) -> FactDefinition? {
        guard let f = fields(node, "a fact", allowed: ["name", "type", "values", "unit", "range", "label", "question", "when_several", "concern", "about", "supports"],
                             required: ["name", "type", "label"]),
              let name = code(f["name"], "a fact's name"), let type = text(f["type"], "the type of fact '\(name)'") else { return nil }
        let kind: FactDefinition.Kind
        switch type {
        case "integer": kind = .integer
        case "number": kind = .number
        case "boolean": kind = .boolean
        case "choice":
            let values = texts(f["values"], "the values of fact '\(name)'")
            if values.isEmpty { report(node, "fact '\(name)' of type choice lacks 'values'") }
            kind = .choice(values)
        default:
            report(f["type"], "fact '\(name)' has unknown type '\(type)' (expected integer, number, boolean or choice)")
            return nil
        }
        var range: ClosedRange<Double>?
        if let r = f["range"] {
            let bounds = sequence(r, "the range of fact '\(name)'").compactMap { number($0, "a bound of fact '\(name)'") }
            if bounds.count == 2, bounds[0] <= bounds[1] { range = bounds[0]...bounds[1] }
            else { report(r, "the range of fact '\(name)' must be [low, high]") }
        }
        var whenSeveral = FactResolution.earliest
        if let w = f["when_several"], let name2 = text(w, "when_several of fact '\(name)'") {
            let plain: [String: FactResolution] = ["earliest": .earliest, "latest": .latest, "lowest": .lowest, "highest": .highest]
            switch name2 {
            case _ where plain[name2] != nil: whenSeveral = plain[name2] ?? .earliest
            case "most_concerning":
                let order = texts(f["concern"], "the concern order of fact '\(name)'")
                if order.isEmpty { report(w, "fact '\(name)': most_concerning needs a 'concern' list, most concerning first") }
                if case .choice(let values) = kind, let unknown = order.first(where: { !values.contains($0) }) {
                    report(f["concern"], "fact '\(name)': '\(unknown)' in concern is not one of its values")
                }
                whenSeveral = .mostConcerning(order)
            default:
                report(w, "fact '\(name)' has unknown when_several '\(name2)' (expected \(FactResolution.names.joined(separator: ", ")))")
            }
        }
        var supports: FactDefinition.Support?
        if let node = f["supports"], let g = fields(node, "what fact '\(name)' supports", allowed: ["reason", "from", "values", "from_week"], required: ["reason"]),
           let reason = code(g["reason"], "the reason fact '\(name)' supports") {
            supports = FactDefinition.Support(reason: reason, from: g["from"].flatMap { number($0, "from of fact '\(name)'") },
                                              values: g["values"].map { texts($0, "the values of fact '\(name)' that support \(reason)") },
                                              fromWeek: g["from_week"].flatMap { number($0, "from_week of fact '\(name)'") }.map { Int($0) })
        }
        return FactDefinition(name: FactName(rawValue: name), kind: kind, unit: f["unit"].flatMap { text($0, "unit") }, range: range,
                              label: localized(f["label"], "label") ?? LocalizedText([:]),
                              question: localized(f["question"], "question"), whenSeveral: whenSeveral,
                              about: f["about"].flatMap { text($0, "the finding fact '\(name)' is about") }, supports: supports, location: location(node))
    }

    func finding(_ node: Node) -> FindingDefinition? {
        guard let f = fields(node, "a finding", allowed: ["code", "label", "lexicon", "reasons", "question"], required: ["code", "label"]),
              let c = code(f["code"], "a finding's code") else { return nil }
        return FindingDefinition(code: c, label: localized(f["label"], "label") ?? LocalizedText([:]),
                                 lexicon: lexicon(f["lexicon"], "the lexicon of finding '\(c)'"),
                                 reasons: texts(f["reasons"], "the reasons of finding '\(c)'"),
                                 question: f["question"].flatMap { localized($0, "the question of finding '\(c)'") }, location: location(node))
    }

    func reason(_ node: Node) -> ContactReason? {
        guard let f = fields(node, "a reason", allowed: ["code", "label", "definition", "codes", "lexicon",
                                                         "default_disposition", "required_facts"],
                             required: ["code", "label", "definition"]),
              let c = code(f["code"], "a reason's code") else { return nil }
        let externals = sequence(f["codes"], "the codes of reason '\(c)'").compactMap { externalCode($0, reason: c) }
        return ContactReason(code: c, label: localized(f["label"], "label") ?? LocalizedText([:]),
                             definition: localized(f["definition"], "definition") ?? LocalizedText([:]),
                             externalCodes: externals, lexicon: lexicon(f["lexicon"], "the lexicon of reason '\(c)'"),
                             defaultDisposition: f["default_disposition"].flatMap { disposition($0, "reason '\(c)'") },
                             requiredFacts: texts(f["required_facts"], "the required facts of reason '\(c)'").map(FactName.init(rawValue:)),
                             location: location(node))
    }

    func externalCode(_ node: Node, reason: String) -> ExternalCode? {
        guard let f = fields(node, "an external code of reason '\(reason)'", allowed: ["system", "code", "display"],
                             required: ["system", "code"]),
              let systemName = text(f["system"], "system"), let code = text(f["code"], "code") else { return nil }
        guard let system = ExternalCode.System(rawValue: systemName) else {
            report(f["system"], "unknown code system '\(systemName)' (known: \(ExternalCode.System.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return ExternalCode(system: system, code: code, display: f["display"].flatMap { text($0, "display") } ?? "")
    }

    func redFlag(_ node: Node) -> RedFlagRule? {
        guard let f = fields(node, "a red flag", allowed: ["code", "label", "forces", "if_possible", "when"],
                             required: ["code", "label", "forces", "when"]),
              let c = code(f["code"], "a red flag's code"),
              let forces = disposition(f["forces"], "red flag '\(c)'"),
              let whenNode = f["when"], let condition = condition(whenNode, flag: c) else { return nil }
        var ifPossible: Disposition?
        if let node = f["if_possible"] {
            guard let d = disposition(node, "red flag '\(c)' (if_possible)") else { return nil }
            ifPossible = d
        }
        return RedFlagRule(code: c, label: localized(f["label"], "label") ?? LocalizedText([:]), forces: forces,
                           condition: condition, ifPossible: ifPossible, location: location(node))
    }

    func condition(_ node: Node, flag: String) -> Condition? {
        let what = "a condition of red flag '\(flag)'"
        guard let mapping = node.mapping else { report(node, "\(what) must be a mapping (all:, any:, not:, finding: or fact:)"); return nil }
        let keys = mapping.keys.compactMap(\.string)
        let loc = location(node)
        if keys.contains("fact") {
            guard let f = fields(node, what, allowed: Set(["fact"] + Comparison.keys)),
                  let name = text(f["fact"], "fact") else { return nil }
            let operators = Comparison.keys.filter { f[$0] != nil }
            guard operators.count == 1, let op = operators.first, let valueNode = f[op] else {
                report(node, "fact '\(name)' in red flag '\(flag)' needs exactly one of \(Comparison.keys.joined(separator: ", "))")
                return nil
            }
            guard let comparison = comparison(op, valueNode, fact: name) else { return nil }
            return .fact(FactName(rawValue: name), comparison, loc)
        }
        guard keys.count == 1, let key = keys.first, let value = mapping[Node(key)] else {
            report(node, "\(what) must have exactly one of all:, any:, not:, finding:, denied:, fact:")
            return nil
        }
        switch key {
        case "all", "any":
            let parts = sequence(value, "\(key):").compactMap { condition($0, flag: flag) }
            if parts.isEmpty { report(value, "'\(key):' in red flag '\(flag)' lists no conditions"); return nil }
            return key == "all" ? .all(parts) : .any(parts)
        case "not":
            return condition(value, flag: flag).map { .not($0) }
        case "finding":
            return text(value, "finding").map { .finding($0, location(value)) }
        case "denied":
            return text(value, "denied").map { .denied($0, location(value)) }
        default:
            report(node, "unknown key '\(key)' in \(what) (expected all, any, not, finding, denied or fact)")
            return nil
        }
    }

    func comparison(_ op: String, _ node: Node, fact: String) -> Comparison? {
        func scalarValue(_ n: Node) -> FactValue? {
            guard let s = n.scalar else { report(n, "the value compared with fact '\(fact)' must be a single value"); return nil }
            if s.style == .plain {
                if let b = n.bool { return .boolean(b) }
                if let i = Int(s.string) { return .integer(i) }
                if let d = Double(s.string) { return .number(d) }
            }
            return .text(s.string)
        }
        func numeric() -> Double? { number(node, "the value compared with fact '\(fact)'") }
        switch op {
        case "eq": return scalarValue(node).map { .equal($0) }
        case "ne": return scalarValue(node).map { .notEqual($0) }
        case "lt": return numeric().map { .less($0) }
        case "le": return numeric().map { .lessOrEqual($0) }
        case "gt": return numeric().map { .greater($0) }
        case "ge": return numeric().map { .greaterOrEqual($0) }
        case "in": return .oneOf(sequence(node, "in:").compactMap(scalarValue))
        case "known":
            guard let b = node.bool else { report(node, "known: takes true or false"); return nil }
            return .known(b)
        default: return nil
        }
    }
}
