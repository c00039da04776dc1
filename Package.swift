// swift-tools-version:6.0
// The obstetric telephone triage assistant: audio → features → classification → archive → screens/exports.
import PackageDescription

let package = Package(
    name: "triage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "triage", targets: ["triage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: Thin shims over the system's C libraries (module maps and static inline wrappers only).
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CPulse", pkgConfig: "libpulse-simple", providers: [.apt(["libpulse-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // MARK: The domain: calls, turns, the taxonomy and its rules. Imports nothing of ours but the SHA-256 shim.
        .target(name: "TriageCore", dependencies: ["CCrypto", .product(name: "Yams", package: "Yams")]),

        // MARK: The pipeline, in the order a call flows through it.
        .target(name: "AudioIO", dependencies: ["TriageCore", "CSndFile", "CCrypto"]),
        .target(name: "LiveAudio", dependencies: ["AudioIO", "CPulse"]),
        // Signal processing is optimised in debug builds too, so the tests run at a usable speed, and its
        // per-sample loops skip dynamic exclusivity checks (each analyser is used by one thread at a time).
        .target(name: "Acoustics", dependencies: ["CFFTW"], swiftSettings: [
            .unsafeFlags(["-O"], .when(configuration: .debug)), .unsafeFlags(["-enforce-exclusivity=unchecked"]),
        ]),
        .target(name: "Language", dependencies: ["TriageCore", "CStemmer"]),
        // The trained model's fitting loops are optimised in debug builds too, so training runs in tests at a usable speed.
        .target(name: "Triage", dependencies: ["TriageCore", "Language", "Acoustics", "CCrypto"], swiftSettings: [
            .unsafeFlags(["-O"], .when(configuration: .debug)),
        ]),
        // The guarded door: the store interface, sessions with roles and the audit chain, and the SQLite (embedded) and
        // PostgreSQL (department) stores behind them. The only module that imports GRDB or libpq or holds SQL.
        .target(name: "Archive", dependencies: ["TriageCore", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Live", dependencies: ["TriageCore", "LiveAudio", "Acoustics", "Language", "Triage", "Archive"]),
        .target(name: "Ingest", dependencies: ["TriageCore", "AudioIO", "Acoustics", "Language", "Archive"]),
        // Pseudonymisation: CPR and telephone numbers, e-mail addresses and first names found in text (written or said) and
        // replaced by keyed pseudonyms (HMAC-SHA256 under a key kept outside the archive), for everything a researcher sees.
        // Optimised in debug builds too: every turn of every exported call goes through it.
        .target(name: "Pseudonymisation", dependencies: ["TriageCore", "CCrypto", .product(name: "Yams", package: "Yams")], swiftSettings: [
            .unsafeFlags(["-O"], .when(configuration: .debug)),
        ]),
        .target(name: "Reports", dependencies: ["TriageCore", "Archive", "Pseudonymisation"]),
        // Research: labels in and out of Praat, ELAN, Label Studio, Audacity and subtitle files; agreement between annotators;
        // datasets; synthetic calls from the archive's aggregates (Reports' small-cell suppression).
        // Reads and writes through the archive's sessions (no SQL of its own).
        .target(name: "Research", dependencies: ["TriageCore", "Language", "Archive", "AudioIO", "Pseudonymisation", "Reports"]),
        .target(name: "TerminalUI", dependencies: ["TriageCore", "Archive", "Reports", "Acoustics", "AudioIO", "CNcurses", "Pseudonymisation"]),

        // MARK: The executable: argument parsing and wiring, one file per subcommand.
        .executableTarget(name: "triage", dependencies: [
            "TriageCore", "AudioIO", "Acoustics", "Language", "Triage", "Archive", "Ingest", "Reports", "TerminalUI",
            "LiveAudio", "Live", "Research", "Pseudonymisation", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Tests mirror the modules; end-to-end tests drive the built binary.
        .target(name: "TestSupport", dependencies: ["AudioIO"], path: "Tests/TestSupport"),
        .testTarget(name: "ShimTests", dependencies: ["CSndFile", "CFFTW", "CNcurses", "CStemmer", "CCrypto"]),
        .testTarget(name: "TriageCoreTests", dependencies: ["TriageCore", "TestSupport"]),
        .testTarget(name: "AudioIOTests", dependencies: ["AudioIO", "TestSupport"]),
        .testTarget(name: "LiveAudioTests", dependencies: ["LiveAudio", "AudioIO", "TestSupport"]),
        .testTarget(name: "LiveTests", dependencies: ["Live", "Acoustics", "AudioIO", "TriageCore", "TestSupport"]),
        .testTarget(name: "AcousticsTests", dependencies: ["Acoustics", "AudioIO", "TestSupport"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language", "TriageCore", "TestSupport"]),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "Language", "TriageCore", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "TriageCore", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Archive", "AudioIO", "TriageCore", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Archive", "Pseudonymisation", "TriageCore", "TestSupport"]),
        .testTarget(name: "PseudonymisationTests", dependencies: ["Pseudonymisation", "TriageCore", "TestSupport"]),
        .testTarget(name: "ResearchTests", dependencies: ["Research", "Pseudonymisation", "Archive", "Reports", "AudioIO", "TriageCore", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Archive", "Reports", "Pseudonymisation", "TriageCore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["triage", "Archive", "Ingest", "AudioIO", "LiveAudio", "Pseudonymisation", "TestSupport"]),
        // Every parser of outside input, fed mutated inputs (the fuzzing run of `make test`; `make fuzz` runs longer).
        .testTarget(name: "RobustnessTests", dependencies: ["Language", "Ingest", "Live", "Triage", "Research", "AudioIO", "TriageCore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
