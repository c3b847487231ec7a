// swift-tools-version: 6.1
// meetlat: the socialmediameetlat toolkit. One library target per pipeline stage;
// dependencies point one way: Tabular ← Ingest ← Scoring ← Stats ← Site → ROI, and
// Tabular ← Webcare (beside the survey stages); the CLI uses them all.
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
        // Detector for personal data (e-mail, phone, IBAN, BSN, postcode + huisnummer; street +
        // huisnummer, date of birth, partial IBAN and amounts for webcare messages).
        .target(name: "PersonalData", exclude: ["README.md"]),
        // Reading tabular exports whatever they hold: CSV through libcsv, timestamp patterns.
        // Survey ingest and the webcare log both read through it.
        .target(name: "Tabular", dependencies: ["CLibCSV", "Support"]),
        // Stage 1: raw survey exports + mapping + reference → canonical responses.
        .target(
            name: "Ingest",
            dependencies: ["Tabular", "Support", "PersonalData", .product(name: "Yams", package: "Yams")]
        ),
        // Webcare message logs (a webcare tool's export + mapping) → KPIs per period and channel,
        // trending topics, the privacy audit, and their text, CSV, JSON and HTML reports.
        // Independent of the survey stages.
        .target(
            name: "Webcare",
            dependencies: ["Tabular", "PersonalData", "Support", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        // Stage 2: scoring models from configuration → scores, ranks, explanations.
        .target(
            name: "Scoring",
            dependencies: ["Ingest", "Support", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        // Stage 3: survey tables, year-over-year comparison, weighted estimates.
        .target(
            name: "Stats",
            dependencies: ["Scoring", "Ingest", "Support", .product(name: "Yams", package: "Yams")]
        ),
        // ROI and KPI what-ifs for consultants (independent of the survey data).
        .target(
            name: "ROI",
            dependencies: ["Support", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        // Stage 4: the static site.
        .target(
            name: "Site",
            dependencies: [
                "Stats", "Scoring", "Ingest", "ROI", "PersonalData", "Support",
                .product(name: "Ink", package: "Ink"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "meetlat",
            dependencies: [
                "Ingest", "Scoring", "Stats", "ROI", "Site", "PersonalData", "Support", "Webcare",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (`swift run -c release meetlat-bench <name>`); measured, not asserted.
        .executableTarget(name: "meetlat-bench", dependencies: ["Ingest", "ROI", "Support", "Webcare"]),
        // Fuzz targets for hostile exports. `scripts/fuzz.sh` builds them with libFuzzer into
        // .build-fuzz; the plain build replays saved inputs (README.md, "Fuzzing").
        .executableTarget(
            name: "meetlat-fuzz",
            dependencies: ["Ingest", "PersonalData", "Support"],
            path: "Fuzz/Sources/meetlat-fuzz"
        ),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Tabular"]),
        .testTarget(name: "WebcareTests", dependencies: ["Webcare", "Tabular", "PersonalData", "Support"], exclude: ["Fixtures"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Ingest"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "Scoring", "Ingest", "Support"]),
        .testTarget(name: "ROITests", dependencies: ["ROI", "Support"]),
        .testTarget(name: "meetlatTests", dependencies: ["meetlat", "ROI", "Ingest"]),
        // Runs the built `meetlat` binary: kill tests and privacy from export to Rankings/.
        .testTarget(name: "EndToEndTests", dependencies: ["meetlat", "Ingest", "Scoring", "PersonalData"]),
        // swift-mustache renders the site's templates in SiteTests too: the pages must not depend on the engine.
        .testTarget(name: "SiteTests", dependencies: ["Site", "Stats", "Scoring", "Ingest", "ROI", "PersonalData",
                                                      .product(name: "Mustache", package: "swift-mustache")]),
    ]
)
