/// Finding short word sequences (cues, triggers) in the words of a turn.
public enum WordSequence {
    /// The first occurrence of any of `sequences` in `words`. A cue word ending in `*` matches any ending;
    /// up to `gap` other words may stand between the cue's words ("født to gange før").
    public static func first(of sequences: [[String]], in words: [String], gap: Int = 0) -> Range<Int>? {
        func same(_ word: String, _ cue: String) -> Bool {
            cue.hasSuffix("*") ? word.hasPrefix(cue.dropLast()) : word == cue
        }
        var best: Range<Int>?
        for seq in sequences where !seq.isEmpty && words.count >= seq.count {
            search: for i in words.indices where same(words[i], seq[0]) {
                var j = i + 1
                for cue in seq.dropFirst() {
                    var skipped = 0
                    while j < words.count, !same(words[j], cue) {
                        skipped += 1
                        if skipped > gap { continue search }
                        j += 1
                    }
                    guard j < words.count else { continue search }
                    j += 1
                }
                if (best.map { i < $0.lowerBound }) ?? true { best = i..<j }
                break
            }
        }
        return best
    }
}
