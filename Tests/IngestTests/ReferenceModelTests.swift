import Core
import Testing
@testable import Ingest

@Suite struct ReferenceModelTests {
    // Hollands Kroon (GM1911) was formed on 1 January 2012 from four gemeenten.
    let reference = Reference(
        gemeenten: [
            Gemeente(code: "GM0365", name: "Anna Paulowna", province: "Noord-Holland", firstYear: 1870, lastYear: 2011, successor: "GM1911"),
            Gemeente(code: "GM0421", name: "Wieringen", province: "Noord-Holland", firstYear: 1812, lastYear: 2011, successor: "GM1911"),
            Gemeente(code: "GM1911", name: "Hollands Kroon", province: "Noord-Holland", firstYear: 2012),
            Gemeente(code: "GM0405", name: "Hoorn", province: "Noord-Holland", firstYear: 1812, aliases: ["Gemeente Hoorn"]),
        ],
        inhabitants: ["GM0405": [2012: 71_703]],
        sizeClasses: [
            SizeClass(id: "50k-100k", label: "50.000 – 99.999", minimum: 50_000, maximum: 99_999),
            SizeClass(id: "lt10k", label: "< 10.000", minimum: 0, maximum: 9_999),
            SizeClass(id: "10k-50k", label: "10.000 – 49.999", minimum: 10_000, maximum: 49_999),
            SizeClass(id: "ge100k", label: "≥ 100.000", minimum: 100_000, maximum: nil),
        ])

    @Test func existenceFollowsFirstAndLastYear() {
        #expect(reference.gemeenten(in: 2011).map(\.code) == ["GM0365", "GM0405", "GM0421"])
        #expect(reference.gemeenten(in: 2012).map(\.code) == ["GM0405", "GM1911"])
    }

    @Test func mergersAreFollowedBothWays() {
        #expect(reference.predecessors(of: "GM1911").map(\.name) == ["Anna Paulowna", "Wieringen"])
        #expect(reference.successor(of: "GM0421", in: 2013)?.name == "Hollands Kroon")
        #expect(reference.successor(of: "GM0421", in: 2011)?.name == "Wieringen")
        #expect(reference.predecessors(of: "GM1911", mergedBy: 2012).count == 2)
        // Merged on 1 January 2012: not yet a predecessor as of 2011.
        #expect(reference.predecessors(of: "GM1911", mergedBy: 2011).isEmpty)
    }

    @Test func sizeClassBoundariesAreInclusive() {
        #expect(reference.sizeClass(forInhabitants: 9_999)?.id == "lt10k")
        #expect(reference.sizeClass(forInhabitants: 10_000)?.id == "10k-50k")
        #expect(reference.sizeClass(forInhabitants: 99_999)?.id == "50k-100k")
        #expect(reference.sizeClass(forInhabitants: 100_000)?.id == "ge100k")
        #expect(reference.sizeClass(of: "GM0405", in: 2012)?.id == "50k-100k")
        #expect(reference.sizeClass(of: "GM0405", in: 2011) == nil)
    }

    /// Typing the first word of an ambiguous name ("Bergen") suggests every gemeente whose name
    /// starts with it, before names that are merely fewer edits away.
    @Test func aFirstWordSuggestsEveryGemeenteStartingWithIt() {
        let gemeenten = [
            Gemeente(code: "GM0373", name: "Bergen (NH.)", province: "Noord-Holland", firstYear: 1970, aliases: ["Bergen NH"]),
            Gemeente(code: "GM0893", name: "Bergen (L.)", province: "Limburg", firstYear: 1970, aliases: ["Bergen L"]),
            Gemeente(code: "GM0748", name: "Bergen op Zoom", province: "Noord-Brabant", firstYear: 1970),
            Gemeente(code: "GM0213", name: "Buren", province: "Gelderland", firstYear: 1999),
            Gemeente(code: "GM0282", name: "Ubbergen", province: "Gelderland", firstYear: 1818, lastYear: 2014),
        ]
        let resolver = GemeenteResolver(reference: Reference(gemeenten: gemeenten, inhabitants: [:], sizeClasses: []), year: 2012)
        guard case .unknown(let suggestions, _) = resolver.resolve("bergen") else {
            Issue.record("expected unknown")
            return
        }
        #expect(suggestions.map(\.name) == ["Bergen (L.)", "Bergen (NH.)", "Bergen op Zoom"])
        // Two letters are too few to count as a first word: edit distance decides.
        #expect(resolver.suggestions(for: "Bu", count: 1).map(\.name) == ["Buren"])
    }
}
