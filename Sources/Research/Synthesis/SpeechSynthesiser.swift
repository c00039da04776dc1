import Foundation

/// Synthetic audio of a synthetic call through espeak-ng: each call's turns read in its language's voice (da, en)
/// into a WAV file. Where espeak-ng is not installed, `locate()` finds nothing and `--audio` is refused.
public struct SpeechSynthesiser: Sendable {
    /// The espeak-ng executable.
    public let executable: String

    public init(executable: String) { self.executable = executable }

    /// espeak-ng on `$PATH`, or nil when it is not installed.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> SpeechSynthesiser? {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/espeak-ng"
            if FileManager.default.isExecutableFile(atPath: candidate) { return SpeechSynthesiser(executable: candidate) }
        }
        return nil
    }

    /// Reads `lines` in the voice of `language` into the WAV file `wav`; throws when espeak-ng fails. The words go
    /// through a text file beside `wav` (removed after), so no line of a call can be read as an option.
    public func speak(_ lines: [String], language: String, to wav: String) throws {
        let text = wav + ".txt"
        try DatasetText.write(lines.joined(separator: "\n") + "\n", to: text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-v", language == "en" ? "en" : "da", "-s", "165", "-w", wav, "-f", text]
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch {
            throw SynthesisProblem(message: "\(executable) cannot be run (\((error as NSError).localizedDescription))")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try FileManager.default.removeItem(atPath: text)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: wav) else {
            let said = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw SynthesisProblem(message: "espeak-ng failed on \(wav) (status \(process.terminationStatus))\(said.isEmpty ? "" : ": \(said)")")
        }
    }
}
