// swift-tools-version: 6.1
// meetlat: the socialmediameetlat toolkit. One library target per pipeline stage; the stages
// meet at files (Rankings/, Statistics/) and dependencies point one way:
//   Core ← Ingest;  Core ← Scoring ← Stats ← Publish ← Site → ROI, XLSX;  Pipeline chains Ingest with
//   Scoring and Stats for the commands; the CLI uses them all. Site reaches neither Ingest nor CLibCSV.
//   Webcare (message logs) stands beside the survey stages on TableFiles. TableFiles,
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
        // `swift package generate-documentation`: the DocC catalogs, built in CI (scripts/lib.sh, check_docs).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        // libxlsxwriter (Debian libxlsxwriter-dev) as a system library: every .xlsx the site
        // publishes is written by it.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // SQLite (Debian libsqlite3-dev): writes the published database, meetlat.sqlite.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // .xlsx workbooks of text and numbers (XLSXWorkbook), on libxlsxwriter.
        .target(name: "XLSX", dependencies: ["CXLSXWriter"]),
        // Small shared pieces with no domain knowledge: atomic output, progress, CSV/JSON/text
        // formatting, rounding, the random number generator, edit distance.
        .target(name: "Support"),
        // The one reader of every YAML file (mappings, models, scenarios, site.yaml, statistics):
        // limits against hostile files, key checks with suggestions, one error with file:line:column.
        .target(
            name: "Configuration",
            dependencies: ["Support", .product(name: "Yams", package: "Yams")],
        ),
        // Detector for personal data (e-mail, phone, IBAN, BSN, postcode + huisnummer; street +
        // huisnummer, date of birth, partial IBAN and amounts for webcare messages).
        .target(name: "PersonalData"),
        // The domain every stage shares: gemeenten and the reference (and its published file,
        // Statistics/reference.json), canonical responses, name folding and resolution.
        .target(name: "Core", dependencies: ["Support"]),
        // Tables from files, whatever made them: CSV (libcsv), XLSX (libzip + libxml2), SPSS
        // .sav/.zsav (ReadStat). Open a file, get its header and its rows of text cells, each
        // numbered as the user sees it. Knows nothing about surveys.
        .target(
            name: "TableFiles",
            dependencies: ["CLibCSV", "CLibZip", "CLibXML2", "CReadStat", "Support"],
        ),
        // Stage 1: raw survey exports + mapping + reference CSVs → canonical responses.
        .target(
            name: "Ingest",
            dependencies: ["TableFiles", "Core", "Support", "PersonalData", "Configuration"]
        ),
        // Webcare message logs (a webcare tool's export + mapping) → KPIs per organisation,
        // period and channel, trending topics, the privacy audit, and their text, CSV, JSON and
        // HTML reports. Beside the survey stages: it needs none of them.
        .target(
            name: "Webcare",
            dependencies: ["TableFiles", "PersonalData", "Support", "Configuration"],
        ),
        // Stage 2: scoring models from configuration → scores, ranks, explanations; the
        // Rankings/ format (written and read here).
        .target(
            name: "Scoring",
            dependencies: ["Core", "PersonalData", "Support", "Configuration"],
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
            dependencies: ["Core", "Ingest", "PersonalData", "Scoring", "Stats", "Support"]
        ),
        // ROI and KPI what-ifs for consultants (independent of the survey data).
        .target(
            name: "ROI",
            dependencies: ["Support", "Configuration"],
        ),
        // `meetlat init`: drafts a year's mapping.yaml from its export, the other years' mappings,
        // a scoring model and statistics.yaml (word lists in Surveys/drafting.yaml).
        .target(
            name: "MappingDraft",
            dependencies: ["Core", "Ingest", "TableFiles", "Scoring", "Stats", "PersonalData", "Support", "Configuration"],
        ),
        // The data for re-use, from finished outputs only: meetlat.sqlite (SQLite) with Datasette's
        // metadata, the static JSON API with its OpenAPI description, provenance.
        .target(name: "Publish", dependencies: ["CSQLite", "Core", "Scoring", "Stats", "Support"]),
        // Stage 4: the static site, from Rankings/, Statistics/, models, scenarios and site/.
        .target(
            name: "Site",
            dependencies: [
                "Core", "Stats", "Scoring", "ROI", "PersonalData", "Support", "Configuration", "XLSX", "Publish",
                .product(name: "Ink", package: "Ink"),
            ],
        ),
        .executableTarget(
            name: "meetlat",
            dependencies: [
                "Core", "Ingest", "TableFiles", "MappingDraft", "Scoring", "Stats", "Pipeline", "ROI", "Site", "PersonalData", "Support",
                "Webcare", "Publish", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (`swift run -c release meetlat-bench <name>`); measured, not asserted.
        .executableTarget(name: "meetlat-bench", dependencies: ["Ingest", "TableFiles", "ROI", "PersonalData", "Support"]),
        // Fuzz targets for hostile exports, configuration files and scenario expressions. `scripts/fuzz.sh` builds them
        // with libFuzzer into .build-fuzz; the plain build replays saved inputs (Fuzz/README.md).
        .executableTarget(
            name: "meetlat-fuzz",
            dependencies: ["Core", "Ingest", "TableFiles", "Scoring", "ROI", "Site", "PersonalData", "Support", "Configuration"],
            path: "Fuzz/Sources/meetlat-fuzz"
        ),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "Support"]),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"]),
        // Finds (or makes, with .venv) the XLSX and SPSS fixtures of Tests/Fixtures/make_fixtures.py.
        .target(name: "TestFixtures", dependencies: ["TableFiles"], path: "Tests/Fixtures/Support"),
        .testTarget(name: "TableFilesTests", dependencies: ["TableFiles", "TestFixtures"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Core", "Support", "TableFiles", "TestFixtures", "Configuration"]),
        .testTarget(name: "WebcareTests", dependencies: ["Webcare", "TableFiles", "PersonalData", "Support", "Configuration", "TestFixtures"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Core", "Ingest", "TableFiles", "Pipeline", "PersonalData", "Support", "Configuration"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "Scoring", "Core", "Ingest", "TableFiles", "Pipeline", "Support", "Configuration"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "Core", "Scoring", "Stats", "Support"]),
        .testTarget(name: "ROITests", dependencies: ["ROI", "Support", "Configuration"]),
        .testTarget(name: "meetlatTests", dependencies: ["meetlat", "ROI", "Ingest", "PersonalData"]),
        // For the tests that run the built `meetlat` binary: starting it (with write faults
        // injected), mounting a small tmpfs.
        .target(name: "MeetlatTestSupport", path: "Tests/MeetlatTestSupport"),
        // Runs the built `meetlat` binary: kill and disk-full tests, the output rule, privacy
        // from export to Rankings/, the site from finished outputs only, XLSX/SPSS exports and init,
        // hostile input (issue 19).
        .testTarget(name: "EndToEndTests", dependencies: ["meetlat", "Core", "Ingest", "TableFiles", "MappingDraft", "Scoring",
                                                          "PersonalData", "MeetlatTestSupport", "TestFixtures", "Support"]),
        // swift-mustache renders the site's templates in SiteTests too: the pages must not depend on the engine.
        .testTarget(name: "SiteTests", dependencies: ["Site", "Stats", "Scoring", "Core", "Ingest", "Pipeline", "ROI", "PersonalData",
                                                      "MeetlatTestSupport", "Configuration", "XLSX",
                                                      .product(name: "Mustache", package: "swift-mustache")]),
    ]
)
