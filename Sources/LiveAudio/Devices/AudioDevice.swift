/// A capture or playback device the sound server offers.
public struct AudioDevice: Sendable, Equatable {
    public enum Kind: String, Sendable { case input, output }

    public var kind: Kind
    /// The server's name for it (what `--device` takes).
    public var name: String
    /// The human description ("Built-in Audio Analog Stereo").
    public var description: String
    public var sampleRate: Int
    public var channels: Int
    /// An input that listens to an output (a sink's monitor).
    public var isMonitor: Bool
    /// The server's default of its kind.
    public var isDefault: Bool

    public init(kind: Kind, name: String, description: String, sampleRate: Int, channels: Int, isMonitor: Bool = false, isDefault: Bool = false) {
        self.kind = kind; self.name = name; self.description = description
        self.sampleRate = sampleRate; self.channels = channels; self.isMonitor = isMonitor; self.isDefault = isDefault
    }
}

/// The devices a sound server offers, and choosing one by name.
public struct AudioDeviceList: Sendable, Equatable {
    public var server: String
    public var devices: [AudioDevice]

    public init(server: String, devices: [AudioDevice]) { self.server = server; self.devices = devices }

    public var inputs: [AudioDevice] { devices.filter { $0.kind == .input } }
    public var outputs: [AudioDevice] { devices.filter { $0.kind == .output } }

    /// The input called `name` (exactly, or the one whose name or description contains it); nil: the default.
    public func input(named name: String?) throws -> AudioDevice { try choose(name, from: inputs) }

    /// The output called `name`; nil: the default.
    public func output(named name: String?) throws -> AudioDevice { try choose(name, from: outputs) }

    private func choose(_ name: String?, from candidates: [AudioDevice]) throws -> AudioDevice {
        let known = candidates.map(\.name)
        guard let name else {
            guard let chosen = candidates.first(where: \.isDefault) ?? candidates.first else {
                throw AudioDeviceError.noDevice(name: "(default)", known: known)
            }
            return chosen
        }
        if let exact = candidates.first(where: { $0.name == name }) { return exact }
        let partial = candidates.filter { $0.name.localizedCaseInsensitiveContains(name) || $0.description.localizedCaseInsensitiveContains(name) }
        guard partial.count == 1, let chosen = partial.first else { throw AudioDeviceError.noDevice(name: name, known: known) }
        return chosen
    }
}
