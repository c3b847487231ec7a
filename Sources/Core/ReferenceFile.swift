import Foundation
import Support

/// The reference as one published file, `Statistics/reference.json`: every gemeente with its
/// names, aliases, province, years, successor and inhabitants per year (with their source key and
/// whether they are an estimate), and the size classes. `meetlat stats --write` writes it from
/// `Surveys/reference/`; the site and `meetlat compare` read it, so they need neither the
/// reference's CSV files nor a CSV parser.
///
/// Layout: sorted keys, one gemeente per line (a change to a gemeente is a one-line diff):
///
///     {
///     "gemeenten": [
///     {"aliases":["Den Bosch"],"code":"GM0796","firstYear":1996,"inhabitants":{"2012":{"count":142817,"source":"cbs-37230ned"}},"name":"'s-Hertogenbosch","province":"Noord-Brabant"},
///     …
///     ],
///     "sizeClasses": [
///     {"id":"lt10k","label":"< 10.000","maximum":9999,"minimum":0},
///     …
///     ]
///     }
public enum ReferenceFile {
    public static func url(statistics: URL) -> URL {
        statistics.appendingPathComponent("reference.json")
    }

    public static func json(_ reference: Reference) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func lines<Value: Encodable>(_ values: [Value]) throws -> String {
            try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: ",\n")
        }
        let gemeenten = reference.gemeenten.map { Record($0, in: reference) }
        let text = "{\n\"gemeenten\": [\n\(try lines(gemeenten))\n],\n\"sizeClasses\": [\n\(try lines(reference.sizeClasses))\n]\n}\n"
        return Data(text.utf8)
    }

    public static func load(statistics: URL) throws -> Reference {
        let url = url(statistics: statistics)
        let file = try JSONFile.decode(File.self, from: url, hint: "run `meetlat stats --write` first")
        var inhabitants: [String: [Int: Int]] = [:]
        var sources: [String: [Int: InhabitantsSource]] = [:]
        for record in file.gemeenten {
            for (key, figure) in record.inhabitants {
                guard let year = Int(key) else {
                    throw DataFileError.invalid(path: url.path, location: "gemeenten.\(record.code).inhabitants",
                                                problem: "'\(key)' is not a year")
                }
                inhabitants[record.code, default: [:]][year] = figure.count
                if let source = figure.source {
                    sources[record.code, default: [:]][year] = InhabitantsSource(source: source, estimate: figure.estimate ?? false)
                }
            }
        }
        return Reference(gemeenten: file.gemeenten.map(\.gemeente), inhabitants: inhabitants,
                         sizeClasses: file.sizeClasses, inhabitantsSources: sources)
    }

    private struct File: Codable {
        var gemeenten: [Record]
        var sizeClasses: [SizeClass]
    }

    /// One gemeente and its inhabitants, keyed by year.
    private struct Record: Codable {
        var code: String
        var name: String
        var province: String
        var firstYear: Int
        var lastYear: Int?
        var successor: String?
        var aliases: [String]
        var inhabitants: [String: Figure]

        init(_ gemeente: Gemeente, in reference: Reference) {
            code = gemeente.code
            name = gemeente.name
            province = gemeente.province
            firstYear = gemeente.firstYear
            lastYear = gemeente.lastYear
            successor = gemeente.successor
            aliases = gemeente.aliases
            var inhabitants: [String: Figure] = [:]
            for (year, count) in reference.inhabitants[gemeente.code] ?? [:] {
                let source = reference.inhabitantsSources[gemeente.code]?[year]
                inhabitants[String(year)] = Figure(count: count, source: source?.source,
                                                   estimate: source?.estimate == true ? true : nil)
            }
            self.inhabitants = inhabitants
        }

        var gemeente: Gemeente {
            Gemeente(code: code, name: name, province: province, firstYear: firstYear, lastYear: lastYear,
                     successor: successor, aliases: aliases)
        }
    }

    /// `estimate` is written only when true.
    private struct Figure: Codable {
        var count: Int
        var source: String?
        var estimate: Bool?
    }
}
