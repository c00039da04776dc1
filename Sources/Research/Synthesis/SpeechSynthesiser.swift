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

    /// Reads `lines` in the voice of `language` into the WAV file `wav`; throws when espeak-ng fails.
    public func speak(_ lines: [String], language: String, to wav: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // The words come on standard input, so no line of a call can be read as an option.
        process.arguments = ["-v", language == "en" ? "en" : "da", "-s", "165", "-w", wav, "--stdin"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(lines.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: wav) else {
            let said = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw SynthesisProblem(message: "espeak-ng failed on \(wav) (status \(process.terminationStatus))\(said.isEmpty ? "" : ": \(said)")")
        }
    }
}
