import Foundation

/// The rules Kaldi's `utils/validate_data_dir.sh` (with `--no-feats`) enforces on a data directory, as a check that
/// returns what breaks them: every file present, sorted in byte order (`LC_ALL=C`) with unique keys; the same
/// utterances in `segments`, `text` and `utt2spk`; `spk2utt` the inverse of `utt2spk`; utterance ids beginning with
/// their speaker so that sorting by speaker keeps the order; segments that end after they start, on recordings that
/// `wav.scp` names.
public enum KaldiDataDirRules {
    public static func problems(in dir: String) -> [String] {
        var problems: [String] = []
        var tables: [String: [(key: String, fields: [String])]] = [:]
        for name in ["wav.scp", "segments", "text", "utt2spk", "spk2utt"] {
            guard let data = FileManager.default.contents(atPath: "\(dir)/\(name)"), let text = String(data: data, encoding: .utf8) else {
                problems.append("\(name): missing"); continue
            }
            if !text.isEmpty, !text.hasSuffix("\n") { problems.append("\(name): no line break at the end") }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            var rows: [(key: String, fields: [String])] = []
            for (i, line) in lines.enumerated() {
                let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                if line.isEmpty || fields.contains(where: \.isEmpty) || line.contains("\t") { problems.append("\(name):\(i + 1): empty field or stray white space") }
                if fields.count < 2 { problems.append("\(name):\(i + 1): fewer than two fields") }
                if let previous = rows.last?.key, !Array(previous.utf8).lexicographicallyPrecedes(Array(fields[0].utf8)) {
                    problems.append("\(name):\(i + 1): '\(fields[0])' is not after '\(previous)' in byte order (unsorted or duplicate)")
                }
                rows.append((fields[0], Array(fields.dropFirst())))
            }
            tables[name] = rows
        }
        guard problems.isEmpty, let wav = tables["wav.scp"], let segments = tables["segments"], let text = tables["text"],
              let utt2spk = tables["utt2spk"], let spk2utt = tables["spk2utt"] else { return problems }
        if wav.isEmpty { problems.append("wav.scp: empty") }
        let recordings = Set(wav.map(\.key))
        for row in wav where !(row.fields.joined(separator: " ").hasPrefix("/")) { problems.append("wav.scp: \(row.key): not an absolute path") }
        for row in segments {
            guard row.fields.count == 3, let start = Double(row.fields[1]), let end = Double(row.fields[2]) else {
                problems.append("segments: \(row.key): not '<utt> <recording> <start> <end>'"); continue
            }
            if !recordings.contains(row.fields[0]) { problems.append("segments: \(row.key): recording \(row.fields[0]) is not in wav.scp") }
            if !(start >= 0 && end > start) { problems.append("segments: \(row.key): ends at \(end), not after its start \(start)") }
        }
        let utts = segments.map(\.key)
        if text.map(\.key) != utts { problems.append("text: not the utterances of segments") }
        if utt2spk.map(\.key) != utts { problems.append("utt2spk: not the utterances of segments") }
        var inverse: [String: [String]] = [:]
        for row in utt2spk {
            guard row.fields.count == 1, let speaker = row.fields.first else { problems.append("utt2spk: \(row.key): not one speaker"); continue }
            if !row.key.hasPrefix(speaker + "-") && row.key != speaker { problems.append("utt2spk: \(row.key) does not begin with its speaker \(speaker)") }
            inverse[speaker, default: []].append(row.key)
        }
        let speakers = utt2spk.compactMap(\.fields.first)
        if zip(speakers, speakers.dropFirst()).contains(where: { Array($1.utf8).lexicographicallyPrecedes(Array($0.utf8)) }) {
            problems.append("utt2spk: not in order when sorted by speaker")
        }
        let given = Dictionary(spk2utt.map { ($0.key, $0.fields) }, uniquingKeysWith: { a, _ in a })
        if given != inverse { problems.append("spk2utt: not the inverse of utt2spk") }
        for row in spk2utt where row.fields != row.fields.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            problems.append("spk2utt: \(row.key): utterances not sorted")
        }
        return problems
    }
}
