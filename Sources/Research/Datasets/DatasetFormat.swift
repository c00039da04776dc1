/// The layouts `triage export dataset` writes: a Hugging Face audio folder, a Kaldi data directory, or JSON lines.
public enum DatasetFormat: String, Sendable, CaseIterable {
    case audiofolder, kaldi, jsonl

    /// The formats' names for help and errors ("audiofolder, kaldi, jsonl").
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
