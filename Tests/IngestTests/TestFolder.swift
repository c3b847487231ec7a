import Core
import Foundation
@testable import Ingest
import TestFixtures

/// A fresh temporary folder per test (`ScratchFolder` of TestFixtures), with a reference.
typealias TestFolder = ScratchFolder

/// A small reference: 's-Hertogenbosch with alias Den Bosch, Súdwest-Fryslân, Hoorn, the two
/// Bergens, and Anna Paulowna which merged into Hollands Kroon on 1 January 2012.
let referenceFiles: [String: String] = [
    "reference/gemeenten.csv": """
        code,name,province,first_year,last_year,successor
        GM0796,'s-Hertogenbosch,Noord-Brabant,1812,,
        GM1900,Súdwest-Fryslân,Fryslân,2011,,
        GM0405,Hoorn,Noord-Holland,1812,,
        GM0365,Anna Paulowna,Noord-Holland,1870,2011,GM1911
        GM1911,Hollands Kroon,Noord-Holland,2012,,
        GM0363,Amsterdam,Noord-Holland,1812,,
        GM0373,Bergen (NH.),Noord-Holland,1812,,
        GM0893,Bergen (L.),Limburg,1812,,

        """,
    "reference/aliases.csv": """
        code,alias
        GM0796,Den Bosch

        """,
    "reference/inhabitants.csv": """
        code,year,inhabitants,source,estimate
        GM0405,2012,71703,cbs-statline-37230ned,false
        GM1911,2012,47000,estimate-sum,true

        """,
    "reference/size-classes.csv": """
        id,label,minimum,maximum
        lt10k,< 10.000,0,9999
        10k-50k,10.000 – 49.999,10000,49999
        50k-100k,50.000 – 99.999,50000,99999
        ge100k,≥ 100.000,100000,

        """,
]

extension TestFolder {
    func loadReference() throws -> Reference {
        try ReferenceLoader.load(from: url.appendingPathComponent("reference"))
    }

    func writeReference(replacing overrides: [String: String] = [:]) throws {
        for (path, text) in referenceFiles.merging(overrides, uniquingKeysWith: { $1 }) { try write(path, text) }
    }
}
