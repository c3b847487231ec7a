import Foundation
import Scoring
import Support

/// `<year>/vergelijk.html`: a visitor picks two to five gemeenten of the edition and sees their
/// ranks, score parts, followers and history side by side (`assets/vergelijk.js`); the choice is
/// in the address (`#gemeenten=GM0405,GM0518`), so a comparison can be shared. The edition's
/// published figures are in the page as JSON; without JavaScript the page points to the peer
/// table on every gemeente page.
struct ComparePage {
    let source: SiteSource
    let index: EditionIndex
    let histories: [String: [HistoryPoint]]
    let links: EditionLinks

    static func path(_ year: Int) -> String { "\(year)/vergelijk.html" }

    func page() -> Page {
        let source = self.source, index = self.index, histories = self.histories, links = self.links
        let path = Self.path(index.year)
        return Page(path: path, template: "vergelijk") {
            var context = layoutContext(source, path: path, section: .ranking, year: index.year)
            context["otherEditions"] = links.context(from: path, year: index.year, counterpart: .ranking)
            return context.merging([
                "year": .number(index.year), "count": .number(index.ranking.entries.count),
                "options": .list(index.ranking.entries.sorted {
                    NameOrder(name: $0.name, code: $0.code) < NameOrder(name: $1.name, code: $1.code)
                }
                    .map { ["code": .string($0.code), "name": .string($0.name)] }),
                "dataJSON": .string(Self.json(index, histories: histories)),
            ])
        }
    }

    /// The edition's figures the table shows, compact, with `<` escaped for a script element.
    static func json(_ index: EditionIndex, histories: [String: [HistoryPoint]]) -> String {
        let ranking = index.ranking
        let countFields: [(field: String, label: String)] = index.edition.model.dimensions.flatMap { dimension -> [(String, String)] in
            guard case .perInhabitant(let rule) = dimension.rule else { return [] }
            return rule.fields.map { ($0.field, $0.label) }
        }
        let entries: [JSONValue] = ranking.entries.map { entry in
            var followers: [String: JSONValue] = [:]
            for line in entry.explanation ?? [] where countFields.contains(where: { $0.field == line.field }) {
                followers[line.field] = .string(Self.followerText(line))
            }
            let history: [JSONValue] = (histories[entry.code] ?? []).filter { $0.year <= index.year }.map { point in
                .object(["jaar": .number(Double(point.year)), "rang": .number(Double(point.entry.rank)),
                         "van": .number(Double(point.count)),
                         "score": .number(Double(point.entry.total)), "maximum": .number(Double(point.maximum))])
            }
            return .object([
                "code": .string(entry.code), "naam": .string(entry.name), "provincie": .string(entry.province),
                "grootte": .string(index.sizeClass(entry.sizeClass)?.label ?? entry.sizeClass),
                "rang": .number(Double(entry.rank)), "score": .number(Double(entry.total)),
                "onderdelen": .object(Dictionary(uniqueKeysWithValues: ranking.parts.map {
                    ($0.id, JSONValue.number(Double(entry.parts[$0.id] ?? 0)))
                })),
                "volgers": .object(followers), "geschiedenis": .array(history),
                "pagina": .string("gemeente/" + (index.slugs[entry.code] ?? entry.code) + ".html"),
            ])
        }
        let root: JSONValue = .object([
            "jaar": .number(Double(index.year)), "aantal": .number(Double(ranking.entries.count)),
            "maximum": .number(Double(ranking.maximum)),
            "onderdelen": .array(ranking.parts.map {
                .object(["id": .string($0.id), "label": .string($0.label), "maximum": .number(Double($0.maximum))])
            }),
            "volgers": .array(countFields.map { .object(["veld": .string($0.field), "label": .string($0.label)]) }),
            "gemeenten": .array(entries),
        ])
        let compact = root.text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
        return compact.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// `2.150 (2,998 %)`: the answer as scored and its share of the inhabitants, from the line's reason.
    /// The first `= <digits, dots, commas> %` of the reason, read byte by byte (a regular
    /// expression per line was a fifth of the page's cost with 15 editions).
    static func followerText(_ line: ExplanationLine) -> String {
        let bytes = Array(line.reason.utf8)
        func isNumber(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") }
        var start = 0
        while start + 1 < bytes.count {
            if bytes[start] == UInt8(ascii: "="), bytes[start + 1] == UInt8(ascii: " ") {
                var end = start + 2
                while end < bytes.count, isNumber(bytes[end]) { end += 1 }
                if end > start + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: " "), bytes[end + 1] == UInt8(ascii: "%") {
                    return "\(line.answer) (\(String(decoding: bytes[(start + 2)..<(end + 2)], as: UTF8.self)))"
                }
            }
            start += 1
        }
        return line.answer
    }
}
