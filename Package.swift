// swift-tools-version: 6.1
// meetlat: the socialmediameetlat toolkit. One library target per pipeline stage;
// dependencies point one way: Ingest ← Scoring ← Stats ← Site → ROI; the CLI uses them all.
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
        // libzip (Debian libzip-dev): the ZIP container of .xlsx files, entries inflated by it.
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        // libxml2 (Debian libxml2-dev): its streaming reader parses the XML inside .xlsx files.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // ReadStat (Debian libreadstat-dev): SPSS .sav and .zsav files.
        .systemLibrary(name: "CReadStat", pkgConfig: nil, providers: [.apt(["libreadstat-dev"])]),
        // Small shared pieces with no domain knowledge: atomic output, progress, CSV/JSON/text
        // formatting, rounding, the random number generator, edit distance.
        .target(name: "Support"),
        // Detector for personal data (e-mail, phone, IBAN, BSN, postcode + huisnummer).
        .target(name: "PersonalData", exclude: ["README.md"]),
        // Tables from files, whatever made them: CSV (libcsv), XLSX (libzip + libxml2), SPSS
        // .sav/.zsav (ReadStat). Open a file, get its header and its rows of text cells, each
        // numbered as the user sees it. Knows nothing about surveys.
        .target(
            name: "TableFiles",
            dependencies: ["CLibCSV", "CLibZip", "CLibXML2", "CReadStat", "Support"],
            exclude: ["README.md"]
        ),
        // Stage 1: raw survey exports + mapping + reference → canonical responses.
        .target(
            name: "Ingest",
            dependencies: ["TableFiles", "Support", "PersonalData", .product(name: "Yams", package: "Yams")]
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
        // `meetlat init`: drafts a year's mapping.yaml from its export, the other years' mappings,
        // a scoring model and statistics.yaml (word lists in Surveys/drafting.yaml).
        .target(
            name: "MappingDraft",
            dependencies: ["Ingest", "TableFiles", "Scoring", "Stats", "PersonalData", "Support", .product(name: "Yams", package: "Yams")],
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
                "Ingest", "TableFiles", "MappingDraft", "Scoring", "Stats", "ROI", "Site", "PersonalData", "Support",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (`swift run -c release meetlat-bench <name>`); measured, not asserted.
        .executableTarget(name: "meetlat-bench", dependencies: ["Ingest", "TableFiles", "ROI", "Support"]),
        // Fuzz targets for hostile exports. `scripts/fuzz.sh` builds them with libFuzzer into
        // .build-fuzz; the plain build replays saved inputs (README.md, "Fuzzing").
        .executableTarget(
            name: "meetlat-fuzz",
            dependencies: ["Ingest", "TableFiles", "PersonalData", "Support"],
            path: "Fuzz/Sources/meetlat-fuzz"
        ),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"]),
        // Finds (or makes, with .venv) the XLSX and SPSS fixtures of Tests/Fixtures/make_fixtures.py.
        .target(name: "TestFixtures", dependencies: ["TableFiles"], path: "Tests/Fixtures/Support"),
        .testTarget(name: "TableFilesTests", dependencies: ["TableFiles", "TestFixtures"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TableFiles", "TestFixtures"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Ingest"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "Scoring", "Ingest", "Support"]),
        .testTarget(name: "ROITests", dependencies: ["ROI", "Support"]),
        .testTarget(name: "meetlatTests", dependencies: ["meetlat", "ROI", "Ingest"]),
        // Runs the built `meetlat` binary: kill tests and privacy from export to Rankings/.
        .testTarget(name: "EndToEndTests", dependencies: ["meetlat", "Ingest", "TableFiles", "MappingDraft", "Scoring", "PersonalData", "TestFixtures"]),
        // swift-mustache renders the site's templates in SiteTests too: the pages must not depend on the engine.
        .testTarget(name: "SiteTests", dependencies: ["Site", "Stats", "Scoring", "Ingest", "ROI", "PersonalData",
                                                      .product(name: "Mustache", package: "swift-mustache")]),
    ]
)
