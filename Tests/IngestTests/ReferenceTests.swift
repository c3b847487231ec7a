import Core
import Foundation
import Testing
@testable import Ingest
import TestFixtures
import TableFiles

@Suite struct ReferenceLoaderTests {
    @Test func loadsGemeentenAliasesInhabitantsAndSizeClasses() throws {
        let folder = try TestFolder()
        try folder.writeReference()
        let reference = try folder.loadReference()
        #expect(reference.gemeenten.map(\.code) == ["GM0363", "GM0365", "GM0373", "GM0405", "GM0796", "GM0893", "GM1900", "GM1911"])
        #expect(reference.gemeente(code: "GM0796")?.aliases == ["Den Bosch"])
        #expect(reference.gemeente(code: "GM0365") == Gemeente(code: "GM0365", name: "Anna Paulowna", province: "Noord-Holland",
                                                               firstYear: 1870, lastYear: 2011, successor: "GM1911"))
        #expect(reference.gemeente(code: "GM1900")?.name == "Súdwest-Fryslân")
        #expect(reference.inhabitants(of: "GM0405", in: 2012) == 71_703)
        #expect(reference.inhabitantsIsEstimate(of: "GM1911", in: 2012))
        #expect(!reference.inhabitantsIsEstimate(of: "GM0405", in: 2012))
        #expect(reference.inhabitantsSources["GM0405"]?[2012]?.source == "cbs-statline-37230ned")
        #expect(reference.sizeClasses.map(\.id) == ["lt10k", "10k-50k", "50k-100k", "ge100k"])
        #expect(reference.sizeClass(of: "GM0405", in: 2012)?.label == "50.000 – 99.999")
    }

    @Test func aliasesAreOptional() throws {
        let folder = try TestFolder()
        try folder.writeReference()
        try removeFile(folder.url.appendingPathComponent("reference/aliases.csv"))
        let reference = try folder.loadReference()
        #expect(reference.gemeente(code: "GM0796")?.aliases == [])
    }

    private func loadError(_ file: String, _ text: String) throws -> ReferenceError? {
        let folder = try TestFolder()
        try folder.writeReference(replacing: ["reference/\(file)": text])
        do {
            _ = try folder.loadReference()
            return nil
        } catch {
            return error as? ReferenceError
        }
    }

    @Test func malformedRowsGiveClearErrors() throws {
        let header = "code,name,province,first_year,last_year,successor\n"
        #expect(try loadError("gemeenten.csv", header + "GM0405,Hoorn,Noord-Holland,1812,,\nGM405,Foo,Bar,1812,,\n")?.description
                == "reference/gemeenten.csv, row 3, column code: \"GM405\" is not a CBS gemeentecode; expected GM followed by four digits, e.g. GM0363")
        #expect(try loadError("gemeenten.csv", header + "GM0405,Hoorn,Noord-Holland,1812,,\nGM0405,Hoorn,Noord-Holland,1812,,\n")?.description
                == "reference/gemeenten.csv, row 3, column code: GM0405 is listed twice (also in row 2); expected one row per gemeente")
        #expect(try loadError("gemeenten.csv", header + "GM0405,Hoorn,Noord-Holland,achttien,,\n")?.description
                == "reference/gemeenten.csv, row 2, column first_year: \"achttien\" is not a year; expected four digits")
        #expect(try loadError("gemeenten.csv", header + "GM0365,Anna Paulowna,Noord-Holland,1870,2011,GM9999\n")?.description
                == "reference/gemeenten.csv, row 2, column successor: GM9999 is not a code in this file")
        #expect(try loadError("gemeenten.csv", header + "GM0405,Hoorn,Noord-Holland,1812\n")?.description
                == "reference/gemeenten.csv, row 2: 4 fields, but the header has 6")
        #expect(try loadError("gemeenten.csv", "code,naam\nGM0405,Hoorn\n")?.description
                == "reference/gemeenten.csv, row 1: the header lacks column \"name\"; expected code,name,province,first_year,last_year,successor")
        #expect(try loadError("aliases.csv", "code,alias\nGM0001,Nergens\n")?.description
                == "reference/aliases.csv, row 2, column code: GM0001 is not in gemeenten.csv")
        #expect(try loadError("inhabitants.csv", "code,year,inhabitants,source,estimate\nGM0405,2012,71.703,cbs,false\n")?.description
                == "reference/inhabitants.csv, row 2, column inhabitants: \"71.703\" is not a whole number; expected digits only (no thousands dots)")
        #expect(try loadError("inhabitants.csv", "code,year,inhabitants,source,estimate\nGM0405,2012,71703,cbs,misschien\n")?.description
                == "reference/inhabitants.csv, row 2, column estimate: \"misschien\" is not true or false")
        #expect(try loadError("size-classes.csv", "id,label,minimum,maximum\na,A,0,9999\nb,B,20000,\n")?.description
                == "reference/size-classes.csv, row 3, column minimum: 20000 does not follow a's maximum 9999; expected 10000")
        #expect(try loadError("size-classes.csv", "id,label,minimum,maximum\na,A,0,9999\nb,B,10000,20000\n")?.description
                == "reference/size-classes.csv, row 3, column maximum: the largest class must have an empty maximum (open top class)")
    }

    @Test func anEmptyReferenceFileIsACSVError() throws {
        let folder = try TestFolder()
        try folder.writeReference(replacing: ["reference/size-classes.csv": ""])
        let error = #expect(throws: CSVError.self) { try folder.loadReference() }
        #expect(error?.description == "reference/size-classes.csv: the file is empty; expected a header row followed by one row per answer")
    }

    @Test func aMissingFileIsNamed() throws {
        let folder = try TestFolder()
        try folder.writeReference()
        try removeFile(folder.url.appendingPathComponent("reference/inhabitants.csv"))
        do {
            _ = try folder.loadReference()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "reference/inhabitants.csv: the file is missing; expected a CSV with header code,year,inhabitants,source,estimate")
        }
    }
}

@Suite struct GemeenteResolverTests {
    let reference: Reference

    init() throws {
        let folder = try TestFolder()
        try folder.writeReference()
        reference = try folder.loadReference()
    }

    private func code(_ name: String, year: Int = 2012) -> String? {
        if case .gemeente(let gemeente) = GemeenteResolver(reference: reference, year: year).resolve(name) { return gemeente.code }
        return nil
    }

    @Test func nameVariantsResolve() {
        for name in ["'s-Hertogenbosch", "s-Hertogenbosch", "’s-Hertogenbosch", "Den Bosch", "den bosch", "Gemeente 's-Hertogenbosch", "GM0796"] {
            #expect(code(name) == "GM0796", "\(name)")
        }
        for name in ["Súdwest-Fryslân", "Sudwest Fryslan", "SUDWEST-FRYSLAN", " Súdwest  Fryslân "] {
            #expect(code(name) == "GM1900", "\(name)")
        }
        for name in ["Hoorn", "Gemeente Hoorn", "gemeente hoorn", "HOORN ", "  hoorn"] {
            #expect(code(name) == "GM0405", "\(name)")
        }
        #expect(code("Bergen NH") == "GM0373")
        #expect(code("Bergen (L)") == "GM0893")
    }

    @Test func emptyNamesAreAnonymous() {
        let resolver = GemeenteResolver(reference: reference, year: 2012)
        #expect(resolver.resolve("") == .anonymous)
        #expect(resolver.resolve("  ") == .anonymous)
        #expect(resolver.resolve("-") == .anonymous)
    }

    @Test func unknownNamesGetTheThreeClosestNamesOfTheYear() {
        let resolver = GemeenteResolver(reference: reference, year: 2012)
        guard case .unknown(let suggestions, let otherYears) = resolver.resolve("Hoorm") else {
            Issue.record("expected unknown")
            return
        }
        #expect(suggestions.map(\.name) == ["Hoorn", "'s-Hertogenbosch", "Amsterdam"])
        #expect(otherYears.isEmpty)
        // "Bergen" is equally close to both Bergens: ties go by name.
        guard case .unknown(let bergen, _) = resolver.resolve("Bergen") else {
            Issue.record("expected unknown")
            return
        }
        #expect(bergen.prefix(2).map(\.name) == ["Bergen (L.)", "Bergen (NH.)"])
    }

    @Test func onlyGemeentenOfTheSurveyYearResolve() {
        #expect(code("Anna Paulowna", year: 2011) == "GM0365")
        #expect(code("Hollands Kroon", year: 2011) == nil)
        let resolver = GemeenteResolver(reference: reference, year: 2012)
        guard case .unknown(_, let otherYears) = resolver.resolve("Anna Paulowna") else {
            Issue.record("expected unknown")
            return
        }
        #expect(otherYears.map(\.code) == ["GM0365"])
        #expect(resolver.successor(of: otherYears[0])?.name == "Hollands Kroon")
    }

    @Test func aNameThatFitsTwoGemeentenIsAmbiguous() {
        var gemeenten = reference.gemeenten
        if let index = gemeenten.firstIndex(where: { $0.code == "GM0363" }) { gemeenten[index].aliases = ["Hoorn"] }
        let resolver = GemeenteResolver(reference: Reference(gemeenten: gemeenten, inhabitants: [:], sizeClasses: []), year: 2012)
        #expect(resolver.resolve("Hoorn") == .ambiguous(gemeenten.filter { ["GM0363", "GM0405"].contains($0.code) }.sorted { $0.code < $1.code }))
    }
}

func removeFile(_ url: URL) throws {
    try FileManager.default.removeItem(at: url)
}
