import Core
import Foundation
import Testing
@testable import Ingest

/// The repository's reference data (`Surveys/reference/`), read by the real loader and resolved by
/// the real resolver, against the published CBS counts and totals that `SOURCES.md` lists. The
/// loader itself rejects malformed rows (codes, years, unknown successors and codes, duplicate
/// figures, size classes with gaps); these tests check the facts.
@Suite struct RepositoryReferenceTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Surveys/reference")
    static let reference = Result { try ReferenceLoader.load(from: folder) }

    /// CBS: gemeenten on 1 January.
    static let gemeentenPerYear = [
        2011: 418, 2012: 415, 2013: 408, 2014: 403, 2015: 393, 2016: 390, 2017: 388, 2018: 380,
        2019: 355, 2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342,
    ]
    /// CBS: the population of the Netherlands on 1 January (SOURCES.md says where each comes from).
    static let population = [
        2011: 16_655_799, 2012: 16_730_348, 2013: 16_779_575, 2014: 16_829_289, 2015: 16_900_726,
        2016: 16_979_120, 2017: 17_081_507, 2018: 17_181_084, 2019: 17_282_163, 2020: 17_407_585,
        2021: 17_475_415, 2022: 17_590_672, 2023: 17_811_291, 2024: 17_942_942,
    ]
    /// The survey years: every gemeente of these years needs its inhabitants.
    static let surveyYears = 2011...2013

    @Test func gemeentenPerYearAreTheCBSCounts() throws {
        let reference = try Self.reference.get()
        for (year, count) in Self.gemeentenPerYear.sorted(by: { $0.key < $1.key }) {
            #expect(reference.gemeenten(in: year).count == count, "gemeenten on 1 January \(year)")
        }
    }

    @Test func inhabitantsAddUpToThePopulationAndCoverTheSurveyYears() throws {
        let reference = try Self.reference.get()
        for (year, total) in Self.population.sorted(by: { $0.key < $1.key }) {
            let figures = reference.gemeenten(in: year).compactMap { reference.inhabitants(of: $0.code, in: year) }
            #expect(figures.reduce(0, +) == total, "inhabitants on 1 January \(year)")
        }
        for year in Self.surveyYears {
            let missing = reference.gemeenten(in: year).filter { reference.inhabitants(of: $0.code, in: year) == nil }
            #expect(missing.isEmpty, "no inhabitants in \(year) for \(missing.prefix(5).map(\.code))")
        }
        for (code, years) in reference.inhabitants {
            let gemeente = try #require(reference.gemeente(code: code))
            for (year, count) in years {
                #expect(gemeente.existed(in: year), "\(code) has inhabitants in \(year) but did not exist then")
                #expect(count > 0, "\(code) in \(year): \(count) inhabitants")
            }
        }
    }

    @Test func everySourceKeyIsDescribedInSOURCES() throws {
        let reference = try Self.reference.get()
        let sources = try String(contentsOf: Self.folder.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        let keys = Set(reference.inhabitantsSources.values.flatMap { $0.values.map(\.source) })
        #expect(!keys.isEmpty)
        for key in keys.sorted() { #expect(sources.contains("`\(key)`"), "source key \(key) is not described in SOURCES.md") }
    }

    @Test func aGemeenteThatEndedWasSucceededByOneThatExistedTheNextYear() throws {
        let reference = try Self.reference.get()
        let sources = try String(contentsOf: Self.folder.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        let documented = sources.components(separatedBy: "## Ended without successor").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        for gemeente in reference.gemeenten {
            guard let lastYear = gemeente.lastYear else { continue }
            guard let code = gemeente.successor else {
                #expect(documented.contains(gemeente.code), "\(gemeente.name) ended in \(lastYear) without successor, not documented")
                continue
            }
            let successor = try #require(reference.gemeente(code: code))
            #expect(successor.existed(in: lastYear + 1), "\(gemeente.name) → \(successor.name), which did not exist on 1 January \(lastYear + 1)")
        }
    }

    /// Every official name and alias names its own gemeente, and only that one, in every year it
    /// existed: as ingest resolves a survey answer and `meetlat explain` a typed name.
    @Test func everyNameAndAliasResolvesToItsOwnGemeenteOnly() throws {
        let reference = try Self.reference.get()
        for year in Self.gemeentenPerYear.keys.sorted() {
            let resolver = GemeenteResolver(reference: reference, year: year)
            for gemeente in reference.gemeenten(in: year) {
                for name in [gemeente.name, gemeente.code] + gemeente.aliases {
                    #expect(resolver.resolve(name) == .gemeente(gemeente), "'\(name)' in \(year)")
                }
            }
        }
    }

    /// What people type for the gemeenten whose names are hard to type or have several forms.
    @Test(arguments: [
        ("'s-Hertogenbosch", "GM0796"), ("Den Bosch", "GM0796"), ("s-Hertogenbosch", "GM0796"),
        ("Súdwest-Fryslân", "GM1900"), ("Sudwest Fryslan", "GM1900"), ("Súdwest Fryslân", "GM1900"),
        ("Zuidwest Friesland", "GM1900"), ("Den Haag", "GM0518"), ("The Hague", "GM0518"),
        ("Gemeente Hoorn", "GM0405"), ("  hoorn ", "GM0405"), ("Ljouwert", "GM0080"),
        ("Dantumadeel", "GM1891"), ("Tietjerksteradeel", "GM0737"), ("Nuenen, Gerwen en Nederwetten", "GM0820"),
        ("Bergen (NH)", "GM0373"), ("Bergen (L)", "GM0893"), ("Hengelo (O)", "GM0164"),
        ("Rijswijk (ZH)", "GM0603"), ("Beek (L)", "GM0888"), ("Middelburg (Z)", "GM0687"),
        ("Laren (NH)", "GM0417"), ("Stein (L)", "GM0971"),
    ])
    func typedVariantsResolve(typed: String, code: String) throws {
        let reference = try Self.reference.get()
        let gemeente = try #require(reference.gemeente(code: code))
        for year in Self.surveyYears where gemeente.existed(in: year) {
            #expect(GemeenteResolver(reference: reference, year: year).resolve(typed) == .gemeente(gemeente), "'\(typed)' in \(year)")
        }
    }

    @Test func sizeClassesAreTheReportsFour() throws {
        let classes = try Self.reference.get().sizeClasses
        #expect(classes == [
            SizeClass(id: "lt10k", label: "< 10.000", minimum: 0, maximum: 9_999),
            SizeClass(id: "10k-50k", label: "10.000 – 49.999", minimum: 10_000, maximum: 49_999),
            SizeClass(id: "50k-100k", label: "50.000 – 99.999", minimum: 50_000, maximum: 99_999),
            SizeClass(id: "ge100k", label: "≥ 100.000", minimum: 100_000, maximum: nil),
        ])
    }
}
