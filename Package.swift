// swift-tools-version: 6.1
// meetlat: the socialmediameetlat toolkit. One library target per pipeline stage; the stages
// meet at files (Rankings/, Statistics/) and dependencies point one way:
//   Core ← Ingest;  Core ← Scoring ← Stats ← Site → ROI;  Pipeline chains Ingest with Scoring
//   and Stats for the commands; the CLI uses them all. Site reaches neither Ingest nor CLibCSV.
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
        // The domain every stage shares: gemeenten and the reference (and its published file,
        // Statistics/reference.json), canonical responses, name folding and resolution.
        .target(name: "Core", dependencies: ["Support"]),
        // Tables from files, whatever made them: CSV (libcsv), XLSX (libzip + libxml2), SPSS
        // .sav/.zsav (ReadStat). Open a file, get its header and its rows of text cells, each
        // numbered as the user sees it. Knows nothing about surveys.
        .target(
            name: "TableFiles",
            dependencies: ["CLibCSV", "CLibZip", "CLibXML2", "CReadStat", "Support"],
            exclude: ["README.md"]
        ),
        // Stage 1: raw survey exports + mapping + reference CSVs → canonical responses.
        .target(
            name: "Ingest",
            dependencies: ["TableFiles", "Core", "Support", "PersonalData", .product(name: "Yams", package: "Yams")]
        ),
        // Stage 2: scoring models from configuration → scores, ranks, explanations; the
        // Rankings/ format (written and read here).
        .target(
            name: "Scoring",
            dependencies: ["Core", "Support", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        // Stage 3: survey tables, year-over-year comparison, weighted estimates; the
        // Statistics/<year>.json format (written and read here).
        .target(
            name: "Stats",
            dependencies: ["Core", "Scoring", "Support", .product(name: "Yams", package: "Yams")]
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
            dependencies: ["Support", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        // `meetlat init`: drafts a year's mapping.yaml from its export, the other years' mappings,
        // a scoring model and statistics.yaml (word lists in Surveys/drafting.yaml).
        .target(
            name: "MappingDraft",
            dependencies: ["Core", "Ingest", "TableFiles", "Scoring", "Stats", "PersonalData", "Support",
                           .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        // Stage 4: the static site, from Rankings/, Statistics/, models, scenarios and site/.
        .target(
            name: "Site",
            dependencies: [
                "Core", "Stats", "Scoring", "ROI", "PersonalData", "Support",
                .product(name: "Ink", package: "Ink"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "meetlat",
            dependencies: [
                "Core", "Ingest", "TableFiles", "MappingDraft", "Scoring", "Stats", "Pipeline", "ROI", "Site", "PersonalData", "Support",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (`swift run -c release meetlat-bench <name>`); measured, not asserted.
        .executableTarget(name: "meetlat-bench", dependencies: ["Ingest", "TableFiles", "ROI", "Support"]),
        // Fuzz targets for hostile exports. `scripts/fuzz.sh` builds them with libFuzzer into
        // .build-fuzz; the plain build replays saved inputs (README.md, "Fuzzing").
        .executableTarget(
            name: "meetlat-fuzz",
            dependencies: ["Core", "Ingest", "TableFiles", "PersonalData", "Support"],
            path: "Fuzz/Sources/meetlat-fuzz"
        ),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"]),
        // Finds (or makes, with .venv) the XLSX and SPSS fixtures of Tests/Fixtures/make_fixtures.py.
        .target(name: "TestFixtures", dependencies: ["TableFiles"], path: "Tests/Fixtures/Support"),
        .testTarget(name: "TableFilesTests", dependencies: ["TableFiles", "TestFixtures"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Core", "Support", "TableFiles", "TestFixtures"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Core", "Ingest", "Pipeline", "Support"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "Scoring", "Core", "Ingest", "Pipeline", "Support"]),
        .testTarget(name: "ROITests", dependencies: ["ROI", "Support"]),
        .testTarget(name: "meetlatTests", dependencies: ["meetlat", "ROI", "Ingest"]),
        // Runs the built `meetlat` binary: kill tests, privacy from export to Rankings/, the site
        // from finished outputs only.
        .testTarget(name: "EndToEndTests", dependencies: ["meetlat", "Core", "Ingest", "TableFiles", "MappingDraft", "Scoring",
                                                          "PersonalData", "TestFixtures"]),
        // swift-mustache renders the site's templates in SiteTests too: the pages must not depend on the engine.
        .testTarget(name: "SiteTests", dependencies: ["Site", "Stats", "Scoring", "Core", "Ingest", "Pipeline", "ROI", "PersonalData",
                                                      .product(name: "Mustache", package: "swift-mustache")]),
    ]
)
