/// A Kaldi data directory per split: `wav.scp` (`call-ID /absolute/path`), `segments` (one utterance per label:
/// `UTT call-ID START END`, seconds with two decimals, the start rounded down and the end up), `text` (`UTT CODE`),
/// `utt2spk` and `spk2utt`. The speaker is the call's channel (`call3_ch0`) when the label names one, else its annotator;
/// utterance ids begin with the speaker (`SPEAKER-call-ID-NNNN`) so that sorting by utterance and by speaker agree,
/// as Kaldi asks. Every file is sorted in byte order (`LC_ALL=C`) with unique keys. Calls without a recording and
/// labels without length are left out, each with a notice. A recording in which an identifier was said is written
/// beeped to `audio/call-ID.wav` in the dataset, and `wav.scp` names that copy (by its path once the dataset is in
/// place at `finalFolder`) instead of the archive's recording.
enum KaldiWriter {
    static let files = ["wav.scp", "segments", "text", "utt2spk", "spk2utt"]

    static func write(_ calls: [DatasetCall], splits: [Int64: DatasetSplit], into folder: String, finalFolder: String? = nil) throws -> [String] {
        var notices: [String] = []
        for split in DatasetSplit.allCases {
            var wav: [String] = [], segments: [String] = [], text: [String] = [], utt2spk: [String] = []
            var spk2utt: [String: [String]] = [:]
            for call in calls where splits[call.id] == split {
                guard let recording = call.recording else { notices.append(call.skippedNotice); continue }
                var uttered = false
                for (index, label) in call.labels.enumerated() {
                    guard label.endMs > label.startMs, label.endMs > 0 else {
                        notices.append("call \(call.id): a \(label.code.rawValue) label of no length left out"); continue
                    }
                    let speaker = label.channel.map { "call\(call.id)_ch\($0)" } ?? identifier(label.annotator)
                    let utt = "\(speaker)-\(call.name)-\(padded(index))"
                    segments.append("\(utt) \(call.name) \(DatasetText.seconds(label.startMs)) \(DatasetText.seconds(label.endMs, up: true))")
                    text.append("\(utt) \(label.code.rawValue)")
                    utt2spk.append("\(utt) \(speaker)")
                    spk2utt[speaker, default: []].append(utt)
                    uttered = true
                }
                guard uttered else { continue }
                if call.spoken.isEmpty {
                    wav.append("\(call.name) \(recording)")
                } else {
                    try DatasetText.makeFolder("\(folder)/audio")
                    try BeepedRecording.write(from: recording, to: "\(folder)/audio/\(call.name).wav", spans: call.spoken)
                    wav.append("\(call.name) \(finalFolder ?? folder)/audio/\(call.name).wav")
                }
            }
            guard !wav.isEmpty else { continue }
            let dir = "\(folder)/\(split.rawValue)"
            try DatasetText.makeFolder(dir)
            let speakers = spk2utt.keys.sorted(by: DatasetText.byteOrder).map { speaker in
                ([speaker] + (spk2utt[speaker] ?? []).sorted(by: DatasetText.byteOrder)).joined(separator: " ")
            }
            for (name, lines) in zip(files, [wav, segments, text, utt2spk, speakers]) {
                try DatasetText.write(lines.sorted(by: DatasetText.byteOrder).map { $0 + "\n" }.joined(), to: "\(dir)/\(name)")
            }
        }
        return notices
    }

    /// A name as a Kaldi speaker id: ASCII letters, digits, `_` and `.`, anything else `_` (no `-`, which ends the
    /// speaker in an utterance id, and nothing that sorts before it).
    static func identifier(_ name: String) -> String {
        let kept = String(name.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == ".") ? Character(s) : "_"
        })
        return kept.isEmpty ? "_" : kept
    }

    /// A label's index in its call, four digits or more, so utterances sort in time order.
    static func padded(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
