import CLibXML2
import Foundation
import Support

/// Reads one sheet of an XLSX workbook: libzip opens the package and inflates its parts,
/// libxml2's streaming reader parses them. The workbook, its relationships, the styles and the
/// shared strings are read first; the sheet is then streamed row by row.
///
/// Rows are numbered as the spreadsheet numbers them (`<row r="…">`), so rows the sheet leaves
/// out are blank rows. Cells: shared and inline strings (rich text joined, phonetic runs left
/// out, `_x000D_` escapes decoded), numbers (`CellText.number`), booleans `1`/`0`, errors as
/// shown (`#N/A`), formulas by their cached value, and numbers in a date or time format as
/// ISO 8601 timestamps in the workbook's date system (1900 or 1904).
struct XLSXReader: TableReader {
    let url: URL
    let displayName: String
    /// The sheet by name; `nil` reads the first sheet of the workbook.
    let sheet: String?
    let limits: TableLimits

    static let maximumColumns = 16_384      // XFD, Excel's last column
    static let maximumRows = 1_048_576      // Excel's last row

    func read(progressLabel: String?, header: (TableHeader) throws -> Void,
              row: (TableRow) throws -> Void) throws -> TableSummary {
        let archive = try ZipArchive(path: url.path, displayName: displayName, limits: limits)
        let workbook = try Workbook(archive: archive)
        let chosen = try workbook.sheet(named: sheet)
        let styles = try workbook.styles()
        let strings = try workbook.sharedStrings()
        var reader = SheetReader(archive: archive, part: chosen.part, sheetName: chosen.name, strings: strings,
                                 styles: styles, date1904: workbook.date1904, limits: limits)
        try reader.read(progressLabel: progressLabel, header: header, row: row)
        var details: [(label: String, value: String)] = [
            ("sheet", "\"\(VisibleText.codePoints(chosen.name))\"" + (sheet == nil ? (workbook.sheets.count > 1 ? " (the first of \(workbook.sheets.count))" : " (the only one)") : "")),
        ]
        details.append(("dates", workbook.date1904 ? "1904 date system" : "1900 date system"))
        return TableSummary(format: .xlsx, details: details, csv: nil, headerRow: reader.headerRow,
                            blankRows: reader.blankRows, blankRowCount: reader.blankRowCount, lastRow: reader.lastRow)
    }
}

/// The workbook part: which sheets there are, where each is, and the date system.
struct Workbook {
    struct Sheet {
        var name: String
        var part: String
    }

    let archive: ZipArchive
    let folder: String
    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false
    private var relationships: [String: (target: String, type: String)] = [:]

    init(archive: ZipArchive) throws {
        self.archive = archive
        // The package's root relationships name the workbook part (xl/workbook.xml nearly always).
        var workbookPart = "xl/workbook.xml"
        if archive.index(of: "_rels/.rels") != nil {
            for (_, relation) in try Self.relationships(archive, part: "_rels/.rels", folder: "")
            where relation.type.hasSuffix("/officeDocument") {
                workbookPart = relation.target
            }
        }
        guard archive.index(of: workbookPart) != nil else {
            throw TableFileError(file: archive.displayName, problem: "holds no workbook (\(workbookPart)); it is a ZIP file but not an XLSX workbook")
        }
        folder = workbookPart.contains("/") ? String(workbookPart[..<workbookPart.lastIndex(of: "/")!]) + "/" : ""
        let relsPart = folder + "_rels/" + workbookPart.split(separator: "/").last! + ".rels"
        if archive.index(of: relsPart) != nil {
            relationships = try Self.relationships(archive, part: relsPart, folder: folder)
        }
        let xml = try XMLStream(try archive.open(workbookPart), displayName: archive.displayName)
        while try xml.next() {
            guard xml.nodeType == XMLStream.Node.element.rawValue, let name = xml.localName.map({ String(cString: $0) }) else { continue }
            let attributes = xml.attributes
            if name == "workbookPr" {
                let value = attributes["date1904"]?.lowercased()
                date1904 = value == "1" || value == "true"
            } else if name == "sheet" {
                guard let sheetName = attributes["name"], let id = attributes["id"], let relation = relationships[id] else {
                    throw xml.failure("names a sheet without a name or a part")
                }
                sheets.append(Sheet(name: sheetName, part: relation.type.hasSuffix("/chartsheet") ? "" : relation.target))
            }
        }
        guard !sheets.isEmpty else {
            throw TableFileError(file: archive.displayName, part: workbookPart, problem: "the workbook has no sheets")
        }
    }

    /// `Id → (part, type)` from a relationships part; targets resolved against `folder`.
    static func relationships(_ archive: ZipArchive, part: String, folder: String) throws -> [String: (target: String, type: String)] {
        var result: [String: (String, String)] = [:]
        let xml = try XMLStream(try archive.open(part), displayName: archive.displayName)
        while try xml.next() {
            guard xml.nodeType == XMLStream.Node.element.rawValue, xml.localName.map({ String(cString: $0) }) == "Relationship" else { continue }
            let attributes = xml.attributes
            guard let id = attributes["Id"], let target = attributes["Target"] else { continue }
            if attributes["TargetMode"] == "External" { continue }
            result[id] = (resolve(target, in: folder), attributes["Type"] ?? "")
        }
        return result
    }

    /// A relationship target as a part name: `worksheets/sheet1.xml` in `xl/` → `xl/worksheets/sheet1.xml`.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The sheet to read: by name (exactly, else ignoring case), or the first one.
    func sheet(named wanted: String?) throws -> Sheet {
        let found: Sheet?
        if let wanted {
            found = sheets.first { $0.name == wanted } ?? sheets.first { $0.name.lowercased() == wanted.lowercased() }
            guard found != nil else {
                let names = sheets.map { "\"\(VisibleText.codePoints($0.name))\"" }.joined(separator: ", ")
                throw TableFileError(file: archive.displayName, problem: "has no sheet named \"\(VisibleText.codePoints(wanted))\" (export.sheet); its sheets are \(names)")
            }
        } else {
            found = sheets.first
        }
        let sheet = found!
        guard !sheet.part.isEmpty else {
            throw TableFileError(file: archive.displayName, problem: "sheet \"\(VisibleText.codePoints(sheet.name))\" is a chart, not a table; name the data sheet in export.sheet")
        }
        return sheet
    }

    private func part(ofType suffix: String, orDefault fallback: String) -> String? {
        if let relation = relationships.values.first(where: { $0.type.hasSuffix(suffix) }) { return relation.target }
        return archive.index(of: fallback) != nil ? fallback : nil
    }

    /// The number format of every cell style (`<c s="…">` indexes them).
    func styles() throws -> [CellStyle] {
        guard let part = part(ofType: "/styles", orDefault: folder + "styles.xml"), archive.index(of: part) != nil else { return [] }
        let xml = try XMLStream(try archive.open(part), displayName: archive.displayName)
        var formats: [Int: String] = [:]
        var styles: [CellStyle] = []
        var inCellXfs = false
        while try xml.next() {
            let type = xml.nodeType
            guard let name = xml.localName.map({ String(cString: $0) }) else { continue }
            if type == XMLStream.Node.element.rawValue {
                switch name {
                case "numFmt":
                    let attributes = xml.attributes
                    if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { formats[id] = code }
                case "cellXfs":
                    inCellXfs = !xml.isEmptyElement
                case "xf" where inCellXfs:
                    let id = xml.attributes["numFmtId"].flatMap { Int($0) } ?? 0
                    styles.append(CellStyle(formatID: id, code: formats[id]))
                default: break
                }
            } else if type == XMLStream.Node.endElement.rawValue && name == "cellXfs" {
                inCellXfs = false
            }
        }
        return styles
    }

    /// The shared string table (`<c t="s">` indexes it).
    func sharedStrings() throws -> [String] {
        guard let part = part(ofType: "/sharedStrings", orDefault: folder + "sharedStrings.xml"), archive.index(of: part) != nil else { return [] }
        let xml = try XMLStream(try archive.open(part), displayName: archive.displayName)
        let si = xml.intern("si"), t = xml.intern("t"), rPh = xml.intern("rPh")
        var strings: [String] = []
        var text: [UInt8] = []
        var inItem = false, inText = false, phonetic = 0
        while try xml.next() {
            switch xml.nodeType {
            case XMLStream.Node.element.rawValue:
                let name = xml.localName
                if name == si {
                    text.removeAll(keepingCapacity: true)
                    inItem = !xml.isEmptyElement
                    if !inItem { strings.append("") }
                } else if name == rPh {
                    if !xml.isEmptyElement { phonetic += 1 }
                } else if name == t && inItem && phonetic == 0 {
                    inText = !xml.isEmptyElement
                }
            case XMLStream.Node.endElement.rawValue:
                let name = xml.localName
                if name == si && inItem {
                    strings.append(OOXMLText.decode(text))
                    inItem = false
                } else if name == rPh {
                    phonetic = max(0, phonetic - 1)
                } else if name == t {
                    inText = false
                }
            case XMLStream.Node.text.rawValue, XMLStream.Node.cdata.rawValue,
                 XMLStream.Node.whitespace.rawValue, XMLStream.Node.significantWhitespace.rawValue:
                if inText {
                    xml.appendValue(to: &text)
                    if text.count > archive.limits.maximumCellBytes {
                        throw xml.failure("shared string \(strings.count + 1) is larger than \(archive.limits.maximumCellBytes >> 20) MB; no survey answer is that long")
                    }
                }
            default: break
            }
        }
        return strings
    }
}

/// What a cell style says about the numbers it shows.
struct CellStyle {
    enum Kind { case general, date, time, percentage }
    let kind: Kind

    init(formatID: Int, code: String?) {
        if let code {
            kind = Self.kind(of: code)
        } else {
            switch formatID {
            case 14...17, 22, 27...31, 34...36, 50...58: kind = .date
            case 18...21, 32, 33, 45...47: kind = .time
            case 9, 10: kind = .percentage
            default: kind = .general
            }
        }
    }

    /// Reads a format code's first section with quoted text, escapes and `[...]` parts
    /// (colours, locales; elapsed `[h]` counts as time) left out.
    static func kind(of code: String) -> Kind {
        var hasDate = false, hasTime = false, hasPercent = false
        var quoted = false, bracket = false, escaped = false
        var bracketText = ""
        for character in code {
            if escaped { escaped = false; continue }
            if quoted { if character == "\"" { quoted = false }; continue }
            if bracket {
                if character == "]" {
                    bracket = false
                    let inner = bracketText.lowercased()
                    if inner.allSatisfy({ "hms".contains($0) }) && !inner.isEmpty { hasTime = true }
                } else {
                    bracketText.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "\\", "_", "*": escaped = true
            case "[": bracket = true; bracketText = ""
            case ";": return hasDate ? .date : hasTime ? .time : hasPercent ? .percentage : .general
            case "%": hasPercent = true
            case "y", "Y", "d", "D": hasDate = true
            case "h", "H", "s", "S": hasTime = true
            default: break
            }
        }
        if code.lowercased() == "general" { return .general }
        return hasDate ? .date : hasTime ? .time : hasPercent ? .percentage : .general
    }
}

/// OOXML string escapes: `_xHHHH_` stands for the UTF-16 unit HHHH (Excel writes a carriage
/// return as `_x000D_`), `_x005F_` for the underscore itself.
enum OOXMLText {
    static func decode(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "_") && $1 == UInt8(ascii: "x") }) else { return text }
        let units = Array(text.utf16)
        var decoded: [UInt16] = []
        decoded.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            if units[index] == 0x5F, index + 6 < units.count, units[index + 1] == 0x78, units[index + 6] == 0x5F,
               let unit = hex(units[(index + 2)..<(index + 6)]) {
                decoded.append(unit)
                index += 7
            } else {
                decoded.append(units[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF16.self)
    }

    private static func hex(_ units: ArraySlice<UInt16>) -> UInt16? {
        var value: UInt16 = 0
        for unit in units {
            let digit: UInt16
            switch unit {
            case 0x30...0x39: digit = unit - 0x30
            case 0x41...0x46: digit = unit - 0x37
            case 0x61...0x66: digit = unit - 0x57
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
