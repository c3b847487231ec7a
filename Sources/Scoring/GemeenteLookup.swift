import Core

/// Finds the gemeente a person means by a name typed on the command line (`meetlat explain`),
/// resolved exactly as ingest resolves survey answers (`GemeenteResolver`: official name,
/// aliases or CBS code; case, accents, punctuation, a leading `Gemeente ` and stray spaces
/// ignored). A name that only fits a gemeente of another year is not silently replaced by its
/// successor, as in ingest; the error says when that gemeente existed and what became of it.
public enum GemeenteLookup {
    public static func find(_ query: String, in reference: Reference, year: Int) throws -> Gemeente {
        let resolver = GemeenteResolver(reference: reference, year: year)
        switch resolver.resolve(query) {
        case .gemeente(let gemeente):
            return gemeente
        case .anonymous:
            throw LookupError.notFound(query: query, year: year, suggestions: [])
        case .ambiguous(let candidates):
            throw LookupError.ambiguous(query: query, year: year, candidates: candidates.map { "\($0.name) (\($0.code))" })
        case .unknown(let suggestions, let otherYears):
            guard otherYears.isEmpty else {
                throw LookupError.notInYear(query: query, year: year, former: otherYears.map {
                    LookupError.Former(gemeente: $0, successor: resolver.successor(of: $0))
                })
            }
            throw LookupError.notFound(query: query, year: year, suggestions: suggestions.map(\.name))
        }
    }
}

public enum LookupError: Error, CustomStringConvertible, Equatable {
    /// A gemeente of another year that has the name, and what it is part of in the asked year.
    public struct Former: Sendable, Equatable {
        public var gemeente: Gemeente
        public var successor: Gemeente?

        public init(gemeente: Gemeente, successor: Gemeente?) {
            self.gemeente = gemeente
            self.successor = successor
        }
    }

    case notFound(query: String, year: Int, suggestions: [String])
    case ambiguous(query: String, year: Int, candidates: [String])
    /// No gemeente of `year` has the name, but gemeenten of other years do.
    case notInYear(query: String, year: Int, former: [Former])
    case notScored(name: String, code: String, year: Int)

    public var description: String {
        switch self {
        case .notFound(let query, let year, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; closest names: \(suggestions.joined(separator: ", "))"
            return "no gemeente named '\(query)' in \(year) in the reference (reference/gemeenten.csv, aliases.csv)\(hint)"
        case .ambiguous(let query, let year, let candidates):
            return "'\(query)' names more than one gemeente in \(year): \(candidates.joined(separator: ", ")); use the CBS code"
        case .notInYear(let query, let year, let former):
            let described = former.map { entry in
                let gemeente = entry.gemeente
                let span = gemeente.lastYear.map { "\(gemeente.firstYear)–\($0)" } ?? "from \(gemeente.firstYear)"
                var text = "\(gemeente.name) (\(gemeente.code)) existed \(span)"
                if let successor = entry.successor { text += " and is part of \(successor.name) (\(successor.code)) in \(year)" }
                return text
            }
            return "'\(query)' is not a gemeente of \(year): \(described.joined(separator: "; "))"
        case .notScored(let name, let code, let year):
            return "\(name) (\(code)) has no accepted answer in the \(year) survey "
                + "(it did not respond, or its row was rejected: see the ingest report)"
        }
    }
}
