import Ingest
import Support

/// Finds the gemeente a person means by a name typed on the command line (`meetlat explain`).
/// Matches the CBS code, the official name or an alias, ignoring case, accents, punctuation,
/// a leading `Gemeente ` and extra spaces. (Ingest resolves survey answers with its own, fuller
/// resolver; this one serves interactive look-ups until that API is shared.)
public enum GemeenteLookup {
    public static func find(_ query: String, in reference: Reference, year: Int) throws -> Gemeente {
        let wanted = normalize(query)
        let byCode = reference.gemeenten.filter { $0.code.uppercased() == query.trimmingSpaces.uppercased() }
        if let gemeente = byCode.first { return gemeente }
        let matches = reference.gemeenten.filter { gemeente in
            ([gemeente.name] + gemeente.aliases).contains { normalize($0) == wanted }
        }
        let inYear = matches.filter { $0.existed(in: year) }
        let candidates = inYear.isEmpty ? matches : inYear
        if candidates.count == 1, let gemeente = candidates.first { return gemeente }
        if candidates.count > 1 {
            throw LookupError.ambiguous(query: query, year: year, candidates: candidates.map { "\($0.name) (\($0.code))" })
        }
        let suggestions = reference.gemeenten(in: year)
            .map { (name: $0.name, distance: EditDistance.between(normalize($0.name), wanted)) }
            .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : NameOrder(name: $0.name, code: "") < NameOrder(name: $1.name, code: "") }
            .prefix(3)
            .map(\.name)
        throw LookupError.notFound(query: query, year: year, suggestions: Array(suggestions))
    }

    /// Lower-case, without accents, punctuation, a leading `gemeente` and repeated spaces.
    static func normalize(_ name: String) -> String {
        let folded = NameOrder.fold(name)
        let words = folded.unicodeScalars
            .map { $0.properties.isAlphabetic || $0.properties.numericType != nil ? Character($0) : " " }
            .reduce(into: "") { $0.append($1) }
            .split(separator: " ")
        let trimmed = words.first == "gemeente" && words.count > 1 ? words.dropFirst() : words[...]
        return trimmed.joined(separator: " ")
    }
}

public enum LookupError: Error, CustomStringConvertible, Equatable {
    case notFound(query: String, year: Int, suggestions: [String])
    case ambiguous(query: String, year: Int, candidates: [String])
    case notScored(name: String, code: String, year: Int)

    public var description: String {
        switch self {
        case .notFound(let query, let year, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; closest names: \(suggestions.joined(separator: ", "))"
            return "no gemeente named '\(query)' in \(year) in the reference (reference/gemeenten.csv, aliases.csv)\(hint)"
        case .ambiguous(let query, let year, let candidates):
            return "'\(query)' names more than one gemeente in \(year): \(candidates.joined(separator: ", ")); use the CBS code"
        case .notScored(let name, let code, let year):
            return "\(name) (\(code)) has no accepted answer in the \(year) survey "
                + "(it did not respond, or its row was rejected: see the ingest report)"
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
