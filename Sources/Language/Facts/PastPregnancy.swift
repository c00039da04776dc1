/// Words that put a sentence in an earlier pregnancy or birth ("sidste gang fødte jeg", "a miscarriage last year"):
/// what happened then is not a finding or a fact of this one.
public enum PastPregnancy {
    static let cues: [[String]] = [
        ["sidste", "gang", "fødte"], ["sidste", "gang", "født"], ["sidste", "fødsel"], ["forrige", "fødsel"], ["forrige", "graviditet"],
        ["sidste", "graviditet"], ["abort"], ["aborterede"], ["sidste", "år"], ["år", "siden"],
        ["last", "time", "gave", "birth"], ["last", "time", "had"], ["last", "birth"], ["last", "labour"], ["last", "labor"], ["previous", "pregnancy"],
        ["last", "pregnancy"], ["miscarriage"], ["miscarried"], ["last", "year"], ["years", "ago"],
    ]

    /// A pregnancy lost before this one ("en abort i uge ti sidste år"): its week is not hers now.
    static let losses: [[String]] = [["abort"], ["aborterede"], ["miscarriage"], ["miscarried"], ["mistede"], ["lost", "a", "baby"], ["lost", "the", "baby"]]

    /// Whether the sentence around token `index` speaks of an earlier pregnancy.
    public static func mentioned(around index: Int, in tokens: [Token]) -> Bool {
        WordSequence.first(of: cues, in: sentence(around: index, in: tokens).map(\.text), gap: 2) != nil
    }

    /// Whether the sentence around token `index` speaks of a lost pregnancy.
    public static func lost(around index: Int, in tokens: [Token]) -> Bool {
        WordSequence.first(of: losses, in: sentence(around: index, in: tokens).map(\.text)) != nil
    }

    static func sentence(around index: Int, in tokens: [Token]) -> ArraySlice<Token> {
        var a = index, b = index
        while a > 0, !(tokens[a - 1].kind == .punctuation && [".", "!", "?"].contains(tokens[a - 1].text)) { a -= 1 }
        while b < tokens.count, !(tokens[b].kind == .punctuation && [".", "!", "?"].contains(tokens[b].text)) { b += 1 }
        return tokens[a..<b]
    }
}
