/// Labels laid out in the tiers of a tier format (TextGrid, ELAN), which cannot hold two overlapping ranges in one
/// tier: one tier per annotator, and each label that overlaps an earlier one of the same annotator in the first
/// extra tier `anna (2)`, `anna (3)`… where it fits. Every extra tier is said in a notice, never a label dropped.
enum LabelTiers {
    struct Tier: Equatable {
        var name: String
        var annotator: String
        /// In time order, none overlapping.
        var labels: [InterchangeLabel]
    }

    /// The tiers, annotators in name order; `unnamed` stands for a label without an annotator.
    static func layout(_ labels: [InterchangeLabel], unnamed: String = "unknown") -> (tiers: [Tier], notices: [String]) {
        let byAnnotator = Dictionary(grouping: labels) { $0.annotator ?? unnamed }
        var tiers: [Tier] = [], notices: [String] = []
        for annotator in byAnnotator.keys.sorted() {
            let sorted = (byAnnotator[annotator] ?? []).sorted { ($0.startMs, $0.endMs, $0.code) < ($1.startMs, $1.endMs, $1.code) }
            var lanes: [[InterchangeLabel]] = []
            for label in sorted {
                if let lane = lanes.firstIndex(where: { ($0.last?.endMs ?? 0) <= label.startMs }) {
                    lanes[lane].append(label)
                } else {
                    lanes.append([label])
                }
            }
            for (index, lane) in lanes.enumerated() {
                let name = index == 0 ? annotator : "\(annotator) (\(index + 1))"
                tiers.append(Tier(name: name, annotator: annotator, labels: lane))
                if index > 0 {
                    notices.append("\(annotator)'s labels overlap: \(lane.count) put in an extra tier '\(name)'")
                }
            }
        }
        return (tiers, notices)
    }

    /// The annotator a tier's name names: `anna (2)` is anna's extra tier.
    static func annotator(ofTier name: String) -> String {
        guard name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) else { return name }
        let digits = name[open.upperBound..<name.index(before: name.endIndex)]
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), open.lowerBound > name.startIndex else { return name }
        return String(name[..<open.lowerBound])
    }
}
