import ArgumentParser
import Foundation
import Ingest
import LiveAudio
import TerminalUI
import Triage

/// The label screen plays through the same audio back end as recording.
extension FilePlayer: CallPlayer {}

/// `triage` (or `triage ui`): the full-screen application for the midwife, the researcher and the coordinator.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the full-screen application (the default): triage, labelling and statistics screens, keyboard only, Danish first.",
        discussion: HelpText.paragraphs("""
            On the triage screen, r starts and stops recording a live call from the audio device (--device),
            or from a file played as one (--live-from FILE: archived as a replay of that file, with its sidecar's
            caller's record, and left out of the statistics); a live transcript is read from --transcript-from.
            The label screen plays calls through the default audio output. Recordings cut off by a crash are
            recovered and archived when the application starts.
            """)
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var pseudonyms: PseudonymOptions

    @Option(name: .long, help: "da or en.")
    var lang: String = "da"

    @Option(name: .long, help: "Capture device for live calls (default: the server's default input).")
    var device: String?

    @Option(name: .long, help: "Channels for live calls: 1, or 2 (one party per channel).")
    var channels = 1

    @Option(name: .long, help: "Play this file as the live call's device (demos), at --speed times real time.")
    var liveFrom: String?

    @Option(name: .long, help: "With --live-from: times real time.")
    var speed: Double = 1

    @Option(name: .long, help: "Read the live call's transcript from this FIFO, file or -.")
    var transcriptFrom: String?

    func validate() throws {
        guard (1...2).contains(channels) else { throw ValidationError("--channels must be 1 or 2") }
        guard speed > 0, speed <= 100 else { throw ValidationError("--speed must be above 0 and at most 100") }
    }

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(message: "the application needs a terminal; for scripts use the subcommands (triage help)")
        }
        let store = try archive.open("ui", requiring: .statistics)
        let taxonomy = try taxonomyOptions.load()
        let folders = RecordingFolders(archivePath: archive.path)
        let archiving = CallArchiving(store: store, taxonomyOptions: taxonomyOptions)
        var recovered: [String] = []
        // Recording, recovering and classifying are for those who archive calls (a coordinator sees statistics only).
        let archives = store.may(.ingest)
        if archives { RecordingRecoveryOnStart.run(folders: folders, archiving: archiving) { recovered.append($0) } }
        // Only the midwife sees calls as said; a researcher's screens show identifiers as keyed pseudonyms.
        let model = try DeskModel(archive: store, taxonomy: taxonomy,
                                  pseudonymiser: store.may(.decide) ? nil : try pseudonyms.load(taxonomy: try taxonomyOptions.locate()))
        let classification = archives
            ? ArchivedClassification(archive: store, classifier: try ModelOptions.parse([]).classifier(taxonomyOptions, archive: store)) : nil
        let (device, channels, liveFrom, speed) = (self.device, self.channels, self.liveFrom, self.speed)
        let live = classification.map { classification in
            LiveDeskController(.init(
                makeInput: {
                    try LiveRecording.openInput(file: liveFrom, pacer: RealtimePacer(speed: speed), device: device, channels: channels, folders: folders)
                },
                transcriptFrom: transcriptFrom, channelRoles: nil, folders: folders, archiving: archiving, taxonomy: taxonomy,
                model: classification.classifier.model))
        }
        let player = FilePlayer { format in try PulseOutput(device: nil, format: format) }
        let terminal = NcursesTerminal()
        // Whatever ends the program, the terminal is given back as it was.
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { _ in
                TerminalRestore.now()
                _exit(130)
            }
        }
        let app = TriageApp(model: model, terminal: terminal, clock: SystemClock(),
                            reclassify: classification.map { classification in { _ = try classification.classifyAndStore(callID: $0) } },
                            player: player, live: live, colours: terminal.hasColours)
        if lang == "en" { _ = app.handle(.character("l")) }
        if let last = recovered.last { app.say(recovered.count > 1 ? "\(last) (+\(recovered.count - 1))" : last) }
        app.run()
    }
}
