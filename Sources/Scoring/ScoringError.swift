import Support

/// Why a survey year could not be scored. Every case names the gemeente, the year and what the
/// fix is, so a researcher can act on the message alone.
public enum ScoringError: Error, CustomStringConvertible, Equatable {
    /// The reference has no inhabitants for a responding gemeente in the survey year.
    case missingInhabitants(code: String, name: String, year: Int)
    /// The reference's figure cannot be divided by (0 or negative).
    case invalidInhabitants(code: String, year: Int?, inhabitants: Int)
    /// A response names a CBS code the reference does not know.
    case unknownGemeente(code: String, year: Int, row: Int)
    /// No size class in the reference covers the gemeente's inhabitants.
    case noSizeClass(code: String, name: String, year: Int, inhabitants: Int)
    /// Two responses for one gemeente (ingest keeps only the latest; scoring needs exactly one).
    case duplicateResponse(code: String, year: Int, rows: [Int])
    /// An answer of the wrong type for the rule that reads it (mapping and model disagree).
    case wrongAnswerType(model: String, dimension: String, field: String, expected: String, found: String,
                         code: String, row: Int)
    /// A choice value the model's points table does not list.
    case unscoredValue(model: String, dimension: String, field: String, value: String, allowed: [String],
                       code: String, row: Int)

    public var description: String {
        switch self {
        case .missingInhabitants(let code, let name, let year):
            return "no inhabitants for \(name) (\(code)) on 1 January \(year) in the reference "
                + "(reference/inhabitants.csv): add that figure, with its source, to score the \(year) survey"
        case .invalidInhabitants(let code, let year, let inhabitants):
            return "the reference gives \(code) \(inhabitants) inhabitants"
                + (year.map { " on 1 January \($0)" } ?? "") + " (reference/inhabitants.csv); expected a positive number"
        case .unknownGemeente(let code, let year, let row):
            return "the \(year) response in row \(row) names gemeente code \(code), which is not in the reference "
                + "(reference/gemeenten.csv)"
        case .noSizeClass(let code, let name, let year, let inhabitants):
            return "no size class in reference/size-classes.csv covers \(DutchFormat.integer(inhabitants)) inhabitants "
                + "(\(name), \(code), \(year))"
        case .duplicateResponse(let code, let year, let rows):
            return "gemeente \(code) answered the \(year) survey more than once (rows "
                + rows.map(String.init).joined(separator: ", ") + "); expected one response per gemeente"
        case .wrongAnswerType(let model, let dimension, let field, let expected, let found, let code, let row):
            return "model \(model), dimension \(dimension): field \(field) of \(code) (row \(row)) holds \(found), "
                + "expected \(expected); check the field's type in the year's mapping.yaml"
        case .unscoredValue(let model, let dimension, let field, let value, let allowed, let code, let row):
            return "model \(model), dimension \(dimension): field \(field) of \(code) (row \(row)) has the value "
                + "'\(value)', which the model gives no points; expected one of \(allowed.joined(separator: ", ")) "
                + "(add it to the model's values or map the label differently)"
        }
    }
}
