// swift-tools-version: 6.1
// meetlat: the socialmediameetlat toolkit. One library target per pipeline stage; the stages
// meet at files (Rankings/, Statistics/) and dependencies point one way:
//   Core ← Ingest;  Core ← Scoring ← Stats ← Site → ROI;  Pipeline chains Ingest with Scoring
//   and Stats for the commands; the CLI uses them all. Site reaches neither Ingest nor CLibCSV.
//   Configuration (every YAML file) and Support sit below them all.
import PackageDescription

let package = Package(
    name: "meetlat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "meetlat", targets: ["meetlat"]),
        .executable(name: "meetlat-bench", targets: ["meetlat-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // libcsv (Debian libcsv-dev) as a system library: every CSV byte is parsed by it.
        .systemLibrary(
            name: "CLibCSV",
            pkgConfig: nil,
            providers: [.apt(["libcsv-dev"])]
        ),
        // Small shared pieces with no domain knowledge: atomic output, progress, CSV/JSON/text
        // formatting, rounding, the random number generator, edit distance.
        .target(name: "Support"),
        // The one reader of every YAML file (mappings, models, scenarios, site.yaml, statistics):
        // limits against hostile files, key checks with suggestions, one error with file:line:column.
        .target(
            name: "Configuration",
            dependencies: ["Support", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        // Detector for personal data (e-mail, phone, IBAN, BSN, postcode + huisnummer).
        .target(name: "PersonalData", exclude: ["README.md"]),
        // The domain every stage shares: gemeenten and the reference (and its published file,
        // Statistics/reference.json), canonical responses, name folding and resolution.
        .target(name: "Core", dependencies: ["Support"]),
        // Stage 1: raw survey exports + mapping + reference CSVs → canonical responses.
        .target(
            name: "Ingest",
            dependencies: ["CLibCSV", "Core", "Support", "PersonalData", "Configuration"]
        ),
        // Stage 2: scoring models from configuration → scores, ranks, explanations; the
        // Rankings/ format (written and read here).
        .target(
            name: "Scoring",
            dependencies: ["Core", "Support", "Configuration"],
            exclude: ["README.md"]
        ),
        // Stage 3: survey tables, year-over-year comparison, weighted estimates; the
        // Statistics/<year>.json format (written and read here).
        .target(
            name: "Stats",
            dependencies: ["Core", "Scoring", "Support", "Configuration"]
        ),
        // The stages chained for the commands: ingest a year, then score it or compute its
        // statistics (and write Statistics/).
        .target(
            name: "Pipeline",
            dependencies: ["Core", "Ingest", "Scoring", "Stats", "Support"]
        ),
        // ROI and KPI what-ifs for consultants (independent of the survey data).
        .target(
            name: "ROI",
            dependencies: ["Support", "Configuration"],
            exclude: ["README.md"]
        ),
        // Stage 4: the static site, from Rankings/, Statistics/, models, scenarios and site/.
        .target(
            name: "Site",
            dependencies: [
                "Core", "Stats", "Scoring", "ROI", "PersonalData", "Support", "Configuration",
                .product(name: "Ink", package: "Ink"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "meetlat",
            dependencies: [
                "Core", "Ingest", "Scoring", "Stats", "Pipeline", "ROI", "Site", "PersonalData", "Support",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (`swift run -c release meetlat-bench <name>`); measured, not asserted.
        .executableTarget(name: "meetlat-bench", dependencies: ["Ingest", "ROI", "Support"]),
        // Fuzz targets for hostile exports and configuration files. `scripts/fuzz.sh` builds them with libFuzzer into
        // .build-fuzz; the plain build replays saved inputs (README.md, "Fuzzing").
        .executableTarget(
            name: "meetlat-fuzz",
            dependencies: ["Core", "Ingest", "Scoring", "ROI", "Site", "PersonalData", "Support", "Configuration"],
            path: "Fuzz/Sources/meetlat-fuzz"
        ),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "Support"]),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Core", "Support", "Configuration"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Core", "Ingest", "Pipeline", "Support", "Configuration"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "Scoring", "Core", "Ingest", "Pipeline", "Support", "Configuration"]),
        .testTarget(name: "ROITests", dependencies: ["ROI", "Support", "Configuration"]),
        .testTarget(name: "meetlatTests", dependencies: ["meetlat", "ROI", "Ingest"]),
        // For the tests that run the built `meetlat` binary: starting it (with write faults
        // injected), mounting a small tmpfs.
        .target(name: "MeetlatTestSupport", path: "Tests/MeetlatTestSupport"),
        // Runs the built `meetlat` binary: kill and disk-full tests, the output rule, privacy
        // from export to Rankings/, the site from finished outputs only.
        .testTarget(name: "EndToEndTests", dependencies: ["meetlat", "Core", "Ingest", "Scoring", "PersonalData", "MeetlatTestSupport"]),
        // swift-mustache renders the site's templates in SiteTests too: the pages must not depend on the engine.
        .testTarget(name: "SiteTests", dependencies: ["Site", "Stats", "Scoring", "Core", "Ingest", "Pipeline", "ROI", "PersonalData", "MeetlatTestSupport", "Configuration",
                                                      .product(name: "Mustache", package: "swift-mustache")]),
    ]
)
