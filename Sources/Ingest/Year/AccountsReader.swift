import Core
import Foundation
import Support
import TableFiles

/// Reads a year's observations file (`accounts:` in the mapping; CSV or XLSX through
/// `TableFiles`, like the exports) into `YearObservations`: one
/// row per gemeente and platform looked up — the gemeente (name, alias or CBS code, resolved as
/// the export's answers are), the platform (one of the mapping's labels), the account's handle or
/// address (empty: no account found), the measured count (empty: not counted), the date and the
/// source. A row that cannot be used stops the read with one message naming the file, row,
/// column, what was found and what was expected; nothing is half-read.
struct AccountsReader {
    let accounts: Mapping.Accounts
    let mapping: Mapping
    let year: Int
    let url: URL
    let fileName: String
    let resolver: GemeenteResolver

    func read() throws -> YearObservations {
        var columns: [String: Int]?
        var width = 0
        var observations: [AccountObservation] = []
        var seen: [String: Int] = [:]
        let reader = try TableFile.reader(for: url, displayName: fileName, options: accounts.tableOptions)
        _ = try reader.read(progressLabel: nil, header: { header in
            width = header.columns.count
            columns = try plan(header: header.columns.map(\.name))
        }, row: { record in
            guard let header = columns else { return }
            if record.cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return }
            guard record.cells.count >= width, record.cells[width...].allSatisfy({ $0.trimmingSpaces.isEmpty }) else {
                throw AccountsError(file: fileName, row: record.row, column: nil,
                                    problem: "has \(record.cells.count) fields, the header \(width)")
            }
            func cell(_ column: String) -> String { record.cells[header[column.trimmingSpaces] ?? 0].trimmingSpaces }
            func fail(_ column: String, _ problem: String) -> AccountsError {
                AccountsError(file: fileName, row: record.row, column: column, problem: problem)
            }
            let name = cell(accounts.gemeente)
            let gemeente: Gemeente
            switch resolver.resolve(name) {
            case .gemeente(let found): gemeente = found
            default:
                let suggestions = resolver.suggestions(for: name).map(\.name)
                throw fail(accounts.gemeente, "\"\(VisibleText.escaped(name))\" is not a gemeente of \(year)"
                    + (suggestions.isEmpty ? "" : "; closest: " + suggestions.joined(separator: ", ")))
            }
            let platformText = cell(accounts.platform)
            guard let channel = accounts.platforms.first(where: { TextFolding.label($0.label) == TextFolding.label(platformText) })?.value else {
                throw fail(accounts.platform, "\"\(VisibleText.escaped(platformText))\" is not a platform of the mapping; expected "
                    + accounts.platforms.map { "\"\($0.label)\"" }.joined(separator: ", "))
            }
            let key = "\(gemeente.code) \(channel)"
            if let earlier = seen[key] {
                throw fail(accounts.platform, "\(gemeente.name) on \(platformText) was already given in row \(earlier)")
            }
            seen[key] = record.row
            let account = cell(accounts.account)
            let countText = cell(accounts.count)
            var count: Int?
            if !countText.isEmpty {
                // A measured count is exact: digits, optionally grouped with thousands dots (12.345).
                let digits = countText.replacingOccurrences(of: ".", with: "")
                let grouped = countText.split(separator: ".", omittingEmptySubsequences: false)
                let wellGrouped = grouped.count == 1 || (grouped.first.map { (1...3).contains($0.count) } ?? false)
                    && grouped.dropFirst().allSatisfy { $0.count == 3 }
                guard wellGrouped, !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                      let value = Int(digits) else {
                    throw fail(accounts.count, "\"\(VisibleText.escaped(countText))\" is not a measured count; expected a whole number such as 2150 or 2.150, or empty when not counted")
                }
                count = value
            }
            if account.isEmpty && count != nil {
                throw fail(accounts.count, "a count without an account; leave the count empty when no account was found")
            }
            var date: String?
            if let stamp = accounts.date {
                let text = cell(stamp.column)
                if record.type(at: header[stamp.column.trimmingSpaces] ?? 0) == .timestamp {
                    date = String(text.prefix(10))        // a spreadsheet date: ISO 8601 already
                } else if !text.isEmpty {
                    guard let iso = stamp.pattern.iso8601(text) else {
                        throw fail(stamp.column, "\"\(VisibleText.escaped(text))\" does not match the date format \(stamp.pattern)")
                    }
                    date = String(iso.prefix(10))
                }
            }
            let source = accounts.source.map(cell).flatMap { $0.isEmpty ? nil : $0 }
            observations.append(AccountObservation(gemeente: gemeente.code, channel: channel, account: account.isEmpty ? nil : account,
                                                   count: count, date: date, source: source, row: record.row))
        })
        guard columns != nil else {
            throw AccountsError(file: fileName, row: nil, column: nil, problem: "is empty; expected a header row and one row per gemeente and platform")
        }
        var channels: [String] = []
        for label in accounts.platforms where !channels.contains(label.value) { channels.append(label.value) }
        return YearObservations(year: year, file: accounts.file, channels: channels, synthetic: accounts.synthetic,
                                observations: observations)
    }

    /// Column positions by name; a mapped column missing from the header (or there twice) is an
    /// error naming the mapping key and the closest header names.
    private func plan(header: [String]) throws -> [String: Int] {
        var positions: [String: [Int]] = [:]
        for (index, name) in header.enumerated() { positions[name.trimmingSpaces, default: []].append(index) }
        var columns: [String: Int] = [:]
        let mapped = [("gemeente", accounts.gemeente), ("platform.column", accounts.platform), ("account", accounts.account),
                      ("count", accounts.count)]
            + (accounts.date.map { [("date.column", $0.column)] } ?? []) + (accounts.source.map { [("source", $0)] } ?? [])
        for (key, column) in mapped {
            let name = column.trimmingSpaces
            guard let found = positions[name], found.count == 1 else {
                let names = Array(Set(header.map(\.trimmingSpaces))).filter { !$0.isEmpty }.sorted()
                let problem = positions[name] == nil
                    ? "column \"\(column)\" is not in the header of \(fileName)"
                        + (names.isEmpty ? "" : "; " + Suggestions.hint(for: name, among: names, kind: "column", fold: TextFolding.label))
                    : "column \"\(column)\" appears \(positions[name]?.count ?? 0) times in the header of \(fileName)"
                throw mapping.error(at: "accounts", "\(key): \(problem)")
            }
            columns[name] = found[0]
        }
        return columns
    }

}

/// A row of an observations file that cannot be used.
public struct AccountsError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var row: Int?
    public var column: String?
    public var problem: String

    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let column { place += ", column \"\(column)\"" }
        return "\(place): \(problem)"
    }
}

extension SurveyFolder {
    /// The year's observations file read, when its mapping names one; nil otherwise.
    public func observations(year: Int, reference: Reference) throws -> YearObservations? {
        let mapping = try mapping(year: year)
        guard let accounts = mapping.accounts else { return nil }
        let url = try fileURL(year: year, file: accounts.file, key: "accounts", what: "the observations file", mapping: mapping)
        return try AccountsReader(accounts: accounts, mapping: mapping, year: year, url: url, fileName: "\(year)/\(accounts.file)",
                                  resolver: GemeenteResolver(reference: reference, year: year)).read()
    }
}
