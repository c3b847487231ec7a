import Core
import Foundation
import TableFiles

/// A reference file that cannot be used: file, row (header = 1), column and what is wrong.
public struct ReferenceError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var row: Int?
    public var column: String?
    public var problem: String

    public init(file: String, row: Int? = nil, column: String? = nil, problem: String) {
        self.file = file
        self.row = row
        self.column = column
        self.problem = problem
    }

    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(problem)"
    }
}

/// Reads `Surveys/reference/`: `gemeenten.csv`, `aliases.csv` (optional), `inhabitants.csv`
/// and `size-classes.csv` (formats in docs/architecture.md). The files are facts kept in git,
/// so they must be clean: UTF-8, `,`-separated, and any malformed row stops the load.
public enum ReferenceLoader {
    public static func load(from folder: URL) throws -> Reference {
        let prefix = folder.lastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReferenceError(file: folder.path, problem: "the folder does not exist; expected gemeenten.csv, aliases.csv, inhabitants.csv and size-classes.csv in it")
        }
        func table(_ name: String, _ columns: [String]) throws -> ReferenceTable {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ReferenceError(file: "\(prefix)/\(name)", problem: "the file is missing; expected a CSV with header \(columns.joined(separator: ","))")
            }
            return try ReferenceTable(url: url, displayName: "\(prefix)/\(name)", columns: columns)
        }
        let gemeentenTable = try table("gemeenten.csv", ["code", "name", "province", "first_year", "last_year", "successor"])
        let inhabitantsTable = try table("inhabitants.csv", ["code", "year", "inhabitants", "source", "estimate"])
        let classesTable = try table("size-classes.csv", ["id", "label", "minimum", "maximum"])
        let aliasesTable = FileManager.default.fileExists(atPath: folder.appendingPathComponent("aliases.csv").path)
            ? try table("aliases.csv", ["code", "alias"]) : nil

        var gemeenten = try readGemeenten(gemeentenTable)
        if let aliasesTable { try readAliases(aliasesTable, into: &gemeenten) }
        let (inhabitants, sources) = try readInhabitants(inhabitantsTable, known: gemeenten)
        let sizeClasses = try readSizeClasses(classesTable)
        return Reference(gemeenten: Array(gemeenten.values), inhabitants: inhabitants, sizeClasses: sizeClasses,
                         inhabitantsSources: sources)
    }

    private static func readGemeenten(_ table: ReferenceTable) throws -> [String: Gemeente] {
        var byCode: [String: Gemeente] = [:]
        var rowOf: [String: Int] = [:]
        for row in table.rows {
            let code = try row.code("code")
            if let earlier = rowOf[code] {
                throw row.error("code", "\(code) is listed twice (also in row \(earlier)); expected one row per gemeente")
            }
            let firstYear = try row.year("first_year")
            let lastYear = try row.optionalYear("last_year")
            if let lastYear, lastYear < firstYear {
                throw row.error("last_year", "\(lastYear) is before first_year \(firstYear)")
            }
            let successor = try row.optionalCode("successor")
            if successor != nil && lastYear == nil {
                throw row.error("successor", "a gemeente that still exists (empty last_year) has no successor")
            }
            if successor == code { throw row.error("successor", "a gemeente cannot be its own successor") }
            byCode[code] = Gemeente(code: code, name: try row.text("name"), province: try row.text("province"),
                                    firstYear: firstYear, lastYear: lastYear, successor: successor)
            rowOf[code] = row.number
        }
        for row in table.rows {
            if let successor = try row.optionalCode("successor"), byCode[successor] == nil {
                throw row.error("successor", "\(successor) is not a code in this file")
            }
        }
        return byCode
    }

    private static func readAliases(_ table: ReferenceTable, into gemeenten: inout [String: Gemeente]) throws {
        for row in table.rows {
            let code = try row.code("code")
            guard gemeenten[code] != nil else { throw row.error("code", "\(code) is not in gemeenten.csv") }
            gemeenten[code]?.aliases.append(try row.text("alias"))
        }
    }

    private static func readInhabitants(_ table: ReferenceTable, known: [String: Gemeente])
        throws -> ([String: [Int: Int]], [String: [Int: InhabitantsSource]]) {
        var counts: [String: [Int: Int]] = [:]
        var sources: [String: [Int: InhabitantsSource]] = [:]
        var rowOf: [String: Int] = [:]
        for row in table.rows {
            let code = try row.code("code")
            guard known[code] != nil else { throw row.error("code", "\(code) is not in gemeenten.csv") }
            let year = try row.year("year")
            if let earlier = rowOf["\(code)/\(year)"] {
                throw row.error("year", "\(code) has a second figure for \(year) (also row \(earlier))")
            }
            rowOf["\(code)/\(year)"] = row.number
            let count = try row.count("inhabitants")
            let estimate: Bool
            switch row["estimate"].lowercased() {
            case "true": estimate = true
            case "false", "": estimate = false
            case let other: throw row.error("estimate", "\"\(other)\" is not true or false")
            }
            counts[code, default: [:]][year] = count
            sources[code, default: [:]][year] = InhabitantsSource(source: try row.text("source"), estimate: estimate)
        }
        return (counts, sources)
    }

    /// The classes must cover 0 … ∞ without gaps or overlaps, so every gemeente has one class.
    private static func readSizeClasses(_ table: ReferenceTable) throws -> [SizeClass] {
        var classes: [(SizeClass, ReferenceTable.Row)] = []
        for row in table.rows {
            let minimum = try row.count("minimum")
            let maximum = row["maximum"].isEmpty ? nil : try row.count("maximum")
            if let maximum, maximum < minimum { throw row.error("maximum", "\(maximum) is below minimum \(minimum)") }
            let id = try row.text("id")
            if classes.contains(where: { $0.0.id == id }) { throw row.error("id", "\(id) is listed twice") }
            classes.append((SizeClass(id: id, label: try row.text("label"), minimum: minimum, maximum: maximum), row))
        }
        classes.sort { $0.0.minimum < $1.0.minimum }
        guard let first = classes.first else {
            throw ReferenceError(file: table.displayName, problem: "no size classes; expected rows id,label,minimum,maximum")
        }
        if first.0.minimum != 0 { throw first.1.error("minimum", "the smallest class starts at \(first.0.minimum); expected 0") }
        for (index, (sizeClass, row)) in classes.enumerated() {
            let isLast = index == classes.count - 1
            guard let maximum = sizeClass.maximum else {
                if isLast { continue }
                throw row.error("maximum", "only the largest class may have an empty maximum")
            }
            if isLast { throw row.error("maximum", "the largest class must have an empty maximum (open top class)") }
            let next = classes[index + 1]
            if next.0.minimum != maximum + 1 {
                throw next.1.error("minimum", "\(next.0.minimum) does not follow \(sizeClass.id)'s maximum \(maximum); expected \(maximum + 1)")
            }
        }
        return classes.map(\.0)
    }
}

/// A small reference CSV read through `CSVReader`, with its columns found by name.
struct ReferenceTable {
    let displayName: String
    let rows: [Row]

    struct Row {
        let displayName: String
        let number: Int
        let values: [String: String]

        subscript(column: String) -> String { values[column]?.trimmingSpaces ?? "" }

        func error(_ column: String, _ problem: String) -> ReferenceError {
            ReferenceError(file: displayName, row: number, column: column, problem: problem)
        }

        func text(_ column: String) throws -> String {
            let value = self[column]
            guard !value.isEmpty else { throw error(column, "empty; expected a value") }
            return value
        }

        func code(_ column: String) throws -> String {
            let value = self[column]
            guard Self.isCode(value) else { throw error(column, "\"\(value)\" is not a CBS gemeentecode; expected GM followed by four digits, e.g. GM0363") }
            return value
        }

        func optionalCode(_ column: String) throws -> String? {
            self[column].isEmpty ? nil : try code(column)
        }

        func year(_ column: String) throws -> Int {
            let value = self[column]
            guard value.count == 4, let year = Int(value), value.allSatisfy(\.isASCII) else {
                throw error(column, "\"\(value)\" is not a year; expected four digits")
            }
            return year
        }

        func optionalYear(_ column: String) throws -> Int? {
            self[column].isEmpty ? nil : try year(column)
        }

        func count(_ column: String) throws -> Int {
            let value = self[column]
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(value) else {
                throw error(column, "\"\(value)\" is not a whole number; expected digits only (no thousands dots)")
            }
            return count
        }

        private static func isCode(_ value: String) -> Bool {
            let scalars = Array(value.unicodeScalars)
            return scalars.count == 6 && value.hasPrefix("GM") && scalars[2...].allSatisfy { ("0"..."9").contains($0) }
        }
    }

    init(url: URL, displayName: String, columns: [String]) throws {
        self.displayName = displayName
        let reader = CSVReader(url: url, displayName: displayName, options: .init(encoding: .utf8, delimiter: .comma))
        var header: [String] = []
        var rows: [Row] = []
        try reader.read { record in
            if header.isEmpty {
                header = record.fields.map(\.trimmingSpaces)
                for column in columns where !header.contains(column) {
                    throw ReferenceError(file: displayName, row: record.row,
                                         problem: "the header lacks column \"\(column)\"; expected \(columns.joined(separator: ","))")
                }
                return
            }
            guard record.fields.count == header.count else {
                throw ReferenceError(file: displayName, row: record.row,
                                     problem: "\(record.fields.count) fields, but the header has \(header.count)")
            }
            var values: [String: String] = [:]
            for (name, value) in zip(header, record.fields) where values[name] == nil { values[name] = value }
            rows.append(Row(displayName: displayName, number: record.row, values: values))
        }
        self.rows = rows
    }
}
