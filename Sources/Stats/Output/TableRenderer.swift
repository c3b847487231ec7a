import Support

/// The output formats of `meetlat stats` and `meetlat compare`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned plain-text tables for the terminal (Support.TextTable).
    case text
    /// One long-format CSV: a line per cell, plus the notes.
    case csv
    /// Tables with typed cells, keys sorted.
    case json
    /// GitHub-flavoured Markdown tables with the notes as a list.
    case markdown
}

/// Writes tables in any `OutputFormat`, in English (the command line) or Dutch (the site's
/// downloads): captions, headings, notes and the cells' text follow the language; ids, keys and
/// the CSV's number columns (decimal point) do not. Deterministic: the same tables give the
/// same bytes.
public enum TableRenderer {
    public static func render(_ tables: [StatTable], as format: OutputFormat, in language: Language = .english) -> String {
        switch format {
        case .text: return text(tables, language)
        case .csv: return csv(tables, language)
        case .json: return json(tables, language)
        case .markdown: return markdown(tables, language)
        }
    }

    static func heading(_ table: StatTable, _ language: Language) -> String {
        "\(table.caption.text(in: language)) (\(table.period))"
    }

    static func text(_ tables: [StatTable], _ language: Language) -> String {
        let note = language == .dutch ? "toelichting" : "note"
        return tables.map { table in
            let notes = table.notes.map { "  \(note): \($0.text(in: language))\n" }.joined()
            // A table the year did not ask at all is one line, not a grid of "niet gevraagd".
            guard !table.isNotAsked else {
                return heading(table, language) + "\n\n  niet gevraagd\n" + (notes.isEmpty ? "" : "\n" + notes)
            }
            var rendered = TextTable(header: table.columns.map { $0.label.text(in: language) }, alignments: table.columns.map(\.alignment))
            for row in table.rows { rendered.append(row.cells.map { $0.text(in: language) }) }
            return heading(table, language) + "\n\n" + rendered.render() + (notes.isEmpty ? "" : "\n" + notes)
        }.joined(separator: "\n")
    }

    static func markdown(_ tables: [StatTable], _ language: Language) -> String {
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        return tables.map { table in
            var lines = ["### \(escape(heading(table, language)))", ""]
            if table.isNotAsked {
                lines.append("niet gevraagd")
            } else {
                lines.append("| " + table.columns.map { escape($0.label.text(in: language)) }.joined(separator: " | ") + " |")
                lines.append("|" + table.columns.map { $0.alignment == .right ? "--:|" : ":--|" }.joined())
                for row in table.rows {
                    lines.append("| " + row.cells.map { escape($0.text(in: language)) }.joined(separator: " | ") + " |")
                }
            }
            if !table.notes.isEmpty {
                lines.append("")
                lines += table.notes.map { "- \(escape($0.text(in: language)))" }
            }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// Long format, one line per cell: `table,period,row,label,column,text,value,count,denominator,low,high`.
    /// `text` is the cell as printed in `language`; `value` its number (a share's whole percentage, a mean, a
    /// count); `count`/`denominator` for shares and occurrences; `low`/`high` for intervals (%).
    /// Notes follow as lines with row `note`.
    static func csv(_ tables: [StatTable], _ language: Language) -> String {
        var writer = CSVWriter(header: ["table", "period", "row", "label", "column", "text", "value", "count", "denominator", "low", "high"])
        for table in tables {
            let labelIndex = table.columns.firstIndex { $0.id == "label" }
            for row in table.rows {
                let label = labelIndex.flatMap { $0 < row.cells.count ? row.cells[$0].text(in: language) : nil } ?? ""
                for (index, column) in table.columns.enumerated() where index != labelIndex && index < row.cells.count {
                    let cell = row.cells[index]
                    let parts = csvParts(cell)
                    writer.append([table.id, table.period, row.id, label, column.id, cell.text(in: language),
                                   parts.value, parts.count, parts.denominator, parts.low, parts.high])
                }
            }
            for (index, note) in table.notes.enumerated() {
                writer.append([table.id, table.period, "note", "", String(index + 1), note.text(in: language), "", "", "", "", ""])
            }
        }
        return writer.text
    }

    private static func csvParts(_ cell: StatCell) -> (value: String, count: String, denominator: String, low: String, high: String) {
        switch cell {
        case .text, .phrase, .notAsked, .empty:
            return ("", "", "", "", "")
        case .count(let count):
            return (String(count), "", "", "", "")
        case .share(let proportion):
            return (proportion.percent.map(String.init) ?? "", String(proportion.count), String(proportion.denominator), "", "")
        case .percent(let value, let decimals):
            return (Rounding.fixed(value, decimals: decimals), "", "", "", "")
        case .interval(let interval, let decimals):
            return ("", "", "", Rounding.fixed(interval.low * 100, decimals: decimals), Rounding.fixed(interval.high * 100, decimals: decimals))
        case .number(let value, let decimals), .difference(let value, let decimals, _):
            return (Rounding.fixed(value, decimals: decimals), "", "", "", "")
        case .occurrences(let occurrences, let decimals):
            guard let first = occurrences.first else { return ("", "", "", "", "") }
            return (Rounding.fixed(first.value, decimals: decimals), String(first.count), "", "", "")
        case .change(let change):
            return (String(change), "", "", "", "")
        }
    }

    static func json(_ tables: [StatTable], _ language: Language) -> String {
        JSONValue.object(["tables": .array(tables.map { jsonTable($0, language) })]).text
    }

    private static func jsonTable(_ table: StatTable, _ language: Language) -> JSONValue {
        let labelIndex = table.columns.firstIndex { $0.id == "label" }
        return .object([
            "id": .string(table.id),
            "definition": .string(table.definition),
            "caption": .string(table.caption.text(in: language)),
            "period": .string(table.period),
            "columns": .array(table.columns.map { .object(["id": .string($0.id), "label": .string($0.label.text(in: language))]) }),
            "rows": .array(table.rows.map { row in
                var cells: [String: JSONValue] = [:]
                for (index, column) in table.columns.enumerated() where index != labelIndex && index < row.cells.count {
                    cells[column.id] = jsonCell(row.cells[index], language)
                }
                var object: [String: JSONValue] = ["id": .string(row.id), "cells": .object(cells)]
                if let labelIndex, labelIndex < row.cells.count { object["label"] = .string(row.cells[labelIndex].text(in: language)) }
                return .object(object)
            }),
            "notes": .array(table.notes.map { .string($0.text(in: language)) }),
        ])
    }

    private static func jsonCell(_ cell: StatCell, _ language: Language) -> JSONValue {
        switch cell {
        case .text(let text): return .string(text)
        case .phrase(let phrase): return .string(phrase.text(in: language))
        case .count(let count): return .number(Double(count))
        case .share(let proportion):
            return .object(["count": .number(Double(proportion.count)), "denominator": .number(Double(proportion.denominator)),
                            "percent": proportion.percent.map { .number(Double($0)) } ?? .null])
        case .percent(let value, let decimals): return .formatted(Rounding.fixed(value, decimals: decimals))
        case .interval(let interval, let decimals):
            return .object(["low": .formatted(Rounding.fixed(interval.low * 100, decimals: decimals)),
                            "high": .formatted(Rounding.fixed(interval.high * 100, decimals: decimals))])
        case .number(let value, let decimals), .difference(let value, let decimals, _):
            return .formatted(Rounding.fixed(value, decimals: decimals))
        case .occurrences(let occurrences, let decimals):
            return .array(occurrences.map {
                .object(["value": .formatted(Rounding.fixed($0.value, decimals: decimals)), "count": .number(Double($0.count))])
            })
        case .change(let change): return .number(Double(change))
        case .notAsked: return .object(["not_asked": .bool(true)])
        case .empty: return .null
        }
    }
}
