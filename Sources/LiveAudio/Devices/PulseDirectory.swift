import CPulse
import Foundation

/// Lists the sound server's devices through libpulse's asynchronous API (the simple API cannot).
/// Never starts a server of its own: a desk without one gets `AudioDeviceError.noServer`.
public enum PulseDirectory {
    private final class Collected {
        var devices: [AudioDevice] = []
        var defaultSource = ""
        var defaultSink = ""
        var server = ""
    }

    /// The server's inputs and outputs, waiting at most `timeout` seconds for it to answer.
    public static func list(timeout: TimeInterval = 3) throws -> AudioDeviceList {
        guard let loop = pa_mainloop_new() else { throw AudioDeviceError.noServer(reason: "cannot create a main loop") }
        defer { pa_mainloop_free(loop) }
        guard let context = pa_context_new(pa_mainloop_get_api(loop), "triage") else {
            throw AudioDeviceError.noServer(reason: "cannot create a context")
        }
        defer { pa_context_disconnect(context); pa_context_unref(context) }
        if pa_context_connect(context, nil, PA_CONTEXT_NOAUTOSPAWN, nil) < 0 {
            throw AudioDeviceError.noServer(reason: String(cString: pa_strerror(pa_context_errno(context))))
        }
        let deadline = Date().addingTimeInterval(timeout)
        func spin() { if pa_mainloop_iterate(loop, 0, nil) <= 0 { usleep(1000) } }
        while pa_context_get_state(context) != PA_CONTEXT_READY {
            let state = pa_context_get_state(context)
            if state == PA_CONTEXT_FAILED || state == PA_CONTEXT_TERMINATED {
                throw AudioDeviceError.noServer(reason: String(cString: pa_strerror(pa_context_errno(context))))
            }
            if Date() > deadline { throw AudioDeviceError.noServer(reason: "timed out") }
            spin()
        }

        let collected = Collected()
        let box = Unmanaged.passRetained(collected)
        defer { box.release() }
        let userdata = box.toOpaque()
        let operations = [
            pa_context_get_server_info(context, { _, info, userdata in
                guard let info, let userdata else { return }
                let c = Unmanaged<Collected>.fromOpaque(userdata).takeUnretainedValue()
                c.defaultSource = info.pointee.default_source_name.map { String(cString: $0) } ?? ""
                c.defaultSink = info.pointee.default_sink_name.map { String(cString: $0) } ?? ""
                let name = info.pointee.server_name.map { String(cString: $0) } ?? "sound server"
                let version = info.pointee.server_version.map { String(cString: $0) } ?? ""
                c.server = "\(name) \(version)"
            }, userdata),
            pa_context_get_source_info_list(context, { _, info, eol, userdata in
                guard eol == 0, let info, let userdata else { return }
                let c = Unmanaged<Collected>.fromOpaque(userdata).takeUnretainedValue()
                let i = info.pointee
                c.devices.append(AudioDevice(kind: .input, name: i.name.map { String(cString: $0) } ?? "?",
                                             description: i.description.map { String(cString: $0) } ?? "",
                                             sampleRate: Int(i.sample_spec.rate), channels: Int(i.sample_spec.channels),
                                             isMonitor: i.monitor_of_sink != UInt32.max))
            }, userdata),
            pa_context_get_sink_info_list(context, { _, info, eol, userdata in
                guard eol == 0, let info, let userdata else { return }
                let c = Unmanaged<Collected>.fromOpaque(userdata).takeUnretainedValue()
                let i = info.pointee
                c.devices.append(AudioDevice(kind: .output, name: i.name.map { String(cString: $0) } ?? "?",
                                             description: i.description.map { String(cString: $0) } ?? "",
                                             sampleRate: Int(i.sample_spec.rate), channels: Int(i.sample_spec.channels)))
            }, userdata),
        ].compactMap { $0 }
        defer { operations.forEach { pa_operation_unref($0) } }
        while operations.contains(where: { pa_operation_get_state($0) == PA_OPERATION_RUNNING }) {
            if Date() > deadline { throw AudioDeviceError.noServer(reason: "timed out listing devices") }
            spin()
        }
        let devices = collected.devices.map { device -> AudioDevice in
            var d = device
            d.isDefault = d.name == (d.kind == .input ? collected.defaultSource : collected.defaultSink)
            return d
        }
        return AudioDeviceList(server: collected.server, devices: devices)
    }
}
