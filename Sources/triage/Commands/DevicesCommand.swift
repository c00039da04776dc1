import ArgumentParser
import Ingest
import LiveAudio

/// `triage devices`: the sound server's capture and playback devices.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List the audio devices to record from (--device) and play to.",
        discussion: "Exit status: 0 when a sound server answered, 1 when none did."
    )

    func run() throws {
        let list: AudioDeviceList
        do { list = try PulseDirectory.list() } catch { throw CommandFailure(error) }
        Console.out("sound server: \(list.server)")
        for (title, devices) in [("inputs (record from)", list.inputs), ("outputs (play to)", list.outputs)] {
            Console.out("\n\(title):")
            if devices.isEmpty { Console.out("  none") }
            var table = TextTable(columns: ["", "name", "rate", "channels", "description"])
            for d in devices {
                table.add([d.isDefault ? "*" : "", d.name, "\(d.sampleRate) Hz", "\(d.channels)", d.description + (d.isMonitor ? " (monitor)" : "")])
            }
            if !devices.isEmpty { Console.out(table.rendered().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")) }
        }
    }
}
