/// Words that put a sentence in an earlier pregnancy or birth ("sidste gang fødte jeg", "a miscarriage last year"):
/// what happened then is not a finding or a fact of this one.
public enum PastPregnancy {
    /// An earlier birth told as such ("sidste gang fødte jeg i bilen", "my last labour").
    static let cues: [[String]] = [
        ["sidste", "gang", "fødte"], ["sidste", "gang", "født"], ["sidste", "fødsel"], ["forrige", "fødsel"], ["med", "min", "første", "fødte"],
        ["last", "time", "gave", "birth"], ["last", "time", "had"], ["last", "birth"], ["last", "labour"], ["last", "labor"], ["previous", "birth"],
        ["with", "my", "eldest"], ["last", "pregnancy"], ["previous", "pregnancy"], ["sidste", "graviditet"],
        ["forrige", "graviditet"], ["med", "min", "ældste"],
    ]

    /// A pregnancy lost before this one ("en abort i uge ti sidste år"): its week is not hers now. Both a loss and a
    /// word that puts it in the past must be there ("I'm scared it's a miscarriage, I'm ten weeks" keeps its week).
    static let losses: [[String]] = [["abort"], ["aborterede"], ["miscarriage"], ["miscarried"], ["mistede"], ["lost", "a", "baby"], ["lost", "the", "baby"]]
    static let past: [[String]] = [["sidste", "år"], ["år", "siden"], ["tidligere"], ["havde"], ["last", "year"], ["years", "ago"], ["had"], ["before"], ["før"]]

    /// Whether the sentence of token `index` tells of an earlier birth (the cues are narrow: a past birth named as such).
    public static func mentioned(around index: Int, in tokens: [Token]) -> Bool {
        WordSequence.first(of: cues, in: tokens[Sentences.around(index, in: tokens)].map(\.text), gap: 2) != nil
    }

    /// Whether the sentence around token `index` speaks of a lost pregnancy.
    public static func lost(around index: Int, in tokens: [Token]) -> Bool {
        let words = tokens[Sentences.around(index, in: tokens)].map(\.text)
        return WordSequence.first(of: losses, in: words) != nil && WordSequence.first(of: past, in: words) != nil
    }
}
