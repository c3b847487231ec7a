import Configuration
import Foundation
import Support

/// Reads and validates scenario files (YAML, through `Configuration.ConfigFile`). Every problem
/// is a `ConfigError` naming the file, line, column and field. See Sources/ROI/ROI.docc/ROI.md for the format.
public enum ScenarioLoader {
    /// Reads the file at `path`; messages and reports name it as given.
    public static func load(path: String) throws -> Scenario {
        try ScenarioReader(source: path, root: try ConfigFile.read(URL(fileURLWithPath: path), name: path, expected: expectedContent)).read()
    }

    /// Parses `yaml`; `source` names the file in messages.
    public static func parse(_ yaml: String, source: String) throws -> Scenario {
        try ScenarioReader(source: source, root: try ConfigFile.parse(yaml, file: source, expected: expectedContent)).read()
    }

    static let expectedContent = "a scenario (see Sources/ROI/ROI.docc/ROI.md)"

    /// The largest horizon accepted, in years.
    public static let maximumHorizon = 100
}

/// One pass over one file. Field names in messages name items by their name too
/// (`investments[1] "Uren".hours`).
private struct ScenarioReader {
    let source: String
    let root: ConfigNode

    static let rootKeys = ["scenario", "gemeente", "note", "horizon", "discount_rate", "inputs", "investments", "returns", "baseline"]
    static let inputKeys = ["value", "label", "help", "unit", "source", "low", "high", "distribution", "sd"]
    static let itemKeys = ["name", "kind", "timing", "year", "from", "to", "source"]
    static let baselineKeys = ["description", "investments", "returns"]

    func read() throws -> Scenario {
        let mapping = try self.mapping(root, field: "the file")
        try checkKeys(mapping, allowed: Self.rootKeys, field: nil)

        let name = try requiredString(mapping, "scenario", in: root, field: "scenario")
        let horizon = try requiredInteger(mapping, "horizon", in: root, field: "horizon", range: 1...ScenarioLoader.maximumHorizon)
        var discountRate = 0.0
        if let node = mapping["discount_rate"] {
            discountRate = try rate(node, field: "discount_rate")
        }
        let inputs = try readInputs(present(mapping["inputs"]))
        var items: [Item] = []
        items += try readItems(mapping["investments"], side: .scenario, flow: .investment, horizon: horizon, inputs: inputs)
        items += try readItems(mapping["returns"], side: .scenario, flow: .return, horizon: horizon, inputs: inputs)
        var baselineDescription: String?
        if let baselineNode = present(mapping["baseline"]) {
            let baseline = try self.mapping(baselineNode, field: "baseline")
            try checkKeys(baseline, allowed: Self.baselineKeys, field: "baseline")
            baselineDescription = try optionalString(baseline["description"], field: "baseline.description")
            items += try readItems(baseline["investments"], side: .baseline, flow: .investment, horizon: horizon, inputs: inputs)
            items += try readItems(baseline["returns"], side: .baseline, flow: .return, horizon: horizon, inputs: inputs)
        }

        var scenario = Scenario(
            source: source, name: name,
            gemeente: try optionalString(mapping["gemeente"], field: "gemeente"),
            note: try optionalString(mapping["note"], field: "note"),
            baselineDescription: baselineDescription,
            horizon: horizon, discountRate: discountRate,
            inputs: inputs, items: items, warnings: []
        )
        try checkIncrementalInvestment(scenario, investmentsNode: mapping["investments"], root: root)
        let used = Set(items.flatMap { $0.fields.flatMap { $0.expression.inputReferences.map(\.name) } })
        scenario.warnings = inputs.filter { !used.contains($0.name) }.map {
            "\(SourceLocation(file: source, line: $0.line)): input `\($0.name)` is not used by any investment or return"
        }
        return scenario
    }

    // MARK: YAML access

    func error(_ node: ConfigNode?, field: String?, _ message: String, column: Int? = nil) -> ConfigError {
        guard let node else { return ConfigError(file: source, key: field ?? "", problem: message) }
        return node.error(message, key: field ?? "", column: column)
    }

    /// nil for a missing key and for one left empty (`returns:` with nothing after it).
    func present(_ node: ConfigNode?) -> ConfigNode? {
        guard let node, !node.isNull else { return nil }
        return node
    }

    func mapping(_ node: ConfigNode, field: String) throws -> ConfigMapping {
        guard node.isMapping else { throw error(node, field: field, "expected a mapping of `key: value` lines, found \(node.found)") }
        return try node.mapping(allowed: nil)
    }

    func sequence(_ node: ConfigNode, field: String) throws -> [ConfigNode] {
        guard node.isList else { throw error(node, field: field, "expected a list of `- name: …` entries, found \(node.found)") }
        return try node.list()
    }

    func checkKeys(_ mapping: ConfigMapping, allowed: [String], field: String?) throws {
        if let entry = mapping.entries.first(where: { !allowed.contains($0.key) }) {
            var error = mapping.unknownKey(entry, allowed: allowed)
            error.key = field ?? ""
            throw error
        }
    }

    func scalarText(_ node: ConfigNode, field: String) throws -> String {
        guard node.isScalar else { throw error(node, field: field, "expected a single value, found \(node.found)") }
        return try node.text()
    }

    func requiredNode(_ mapping: ConfigMapping, _ key: String, in parent: ConfigNode, field: String) throws -> ConfigNode {
        guard let node = mapping[key] else { throw error(parent, field: field, "missing `\(key)`") }
        return node
    }

    func requiredString(_ mapping: ConfigMapping, _ key: String, in parent: ConfigNode, field: String) throws -> String {
        let text = try scalarText(try requiredNode(mapping, key, in: parent, field: field), field: field)
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(mapping[key], field: field, "must not be empty") }
        return text
    }

    func optionalString(_ node: ConfigNode?, field: String) throws -> String? {
        guard let node else { return nil }
        return try scalarText(node, field: field)
    }

    /// Text for people (a label, a help text): a single value that is not blank.
    func optionalText(_ node: ConfigNode?, field: String) throws -> String? {
        guard let node else { return nil }
        let text = try scalarText(node, field: field)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw error(node, field: field, "is empty; expected text for people, or leave the key out")
        }
        return text
    }

    func requiredInteger(_ mapping: ConfigMapping, _ key: String, in parent: ConfigNode, field: String, range: ClosedRange<Int>) throws -> Int {
        try integer(try requiredNode(mapping, key, in: parent, field: field), field: field, range: range)
    }

    func integer(_ node: ConfigNode, field: String, range: ClosedRange<Int>) throws -> Int {
        let text = try scalarText(node, field: field)
        guard let value = Int(text) else { throw error(node, field: field, "expected a whole number, found `\(text)`") }
        guard range.contains(value) else {
            throw error(node, field: field, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(value)")
        }
        return value
    }

    /// A number, written as a number or as arithmetic over numbers (`10 * 52`), never over inputs.
    func number(_ node: ConfigNode, field: String) throws -> Double {
        let located = try expression(node, field: field)
        if let (name, offset) = located.expression.inputReferences.first {
            throw error(node, field: field, "expected a number, found the name `\(name)` (an input's value, low and high are numbers, not other inputs)",
                        column: located.column(offset))
        }
        let value = located.expression.evaluate { _ in .nan }
        guard value.isFinite else { throw error(node, field: field, "expected a finite number, found `\(located.text)`") }
        return value
    }

    /// A yearly rate: a fraction (`0.04`) or a percentage (`4%`), between −1 and 1 exclusive of −1.
    func rate(_ node: ConfigNode, field: String) throws -> Double {
        let text = try scalarText(node, field: field)
        guard let value = RateText.parse(text) else {
            throw error(node, field: field, "expected a yearly rate such as 0.04 or 4%, found `\(text)`")
        }
        if let problem = RateText.problem(value) { throw error(node, field: field, problem) }
        return value
    }

    /// An expression with its position, so errors inside it point at the exact column.
    struct Located {
        var expression: Expression
        var text: String
        var line: Int?
        /// Column of the first character of the text, when the text sits on one line as written.
        var firstColumn: Int?
        func column(_ offset: Int) -> Int? { firstColumn.map { $0 + offset } }
    }

    func expression(_ node: ConfigNode, field: String) throws -> Located {
        guard node.isScalar else { throw error(node, field: field, "expected an expression such as `hours_per_week * 52`, found \(node.found)") }
        let text = try node.text()
        let firstColumn = node.textColumn
        do {
            let expression = try ExpressionParser.parse(text)
            return Located(expression: expression, text: text, line: node.line, firstColumn: firstColumn)
        } catch {
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                throw self.error(node, field: field, "is empty; expected a number or an expression over inputs")
            }
            throw self.error(node, field: field, "\(error.message) in `\(text)`", column: firstColumn.map { $0 + error.offset })
        }
    }

    // MARK: Inputs

    func readInputs(_ node: ConfigNode?) throws -> [Input] {
        guard let node else { return [] }
        let mapping = try self.mapping(node, field: "inputs")
        var inputs: [Input] = []
        for entry in mapping.entries {
            let (name, valueNode) = (entry.key, entry.value)
            guard InputName.isValid(name) else {
                throw ConfigError(location: entry.keyLocation, key: "inputs",
                                  problem: "input name \(Suggestions.quoted(name)) is not a name; expected letters, digits and `_`, starting with a letter or `_`")
            }
            let input = try readInput(name: name, line: entry.keyLocation.line ?? 0, node: valueNode)
            // A form with two fields of the same label cannot be filled in knowingly.
            if let label = input.label, let other = inputs.first(where: { $0.label?.lowercased() == label.lowercased() }) {
                throw error(try valueNode.mapping(allowed: nil)["label"], field: "inputs.\(name).label",
                            "the label \"\(label)\" is also the label of `\(other.name)` (line \(other.line)); expected a label per input")
            }
            inputs.append(input)
        }
        return inputs
    }

    func readInput(name: String, line: Int, node: ConfigNode) throws -> Input {
        let field = "inputs.\(name)"
        // Shorthand: `hourly_rate: 55` is a fixed input.
        if node.isScalar {
            return Input(name: name, value: try number(node, field: field), unit: nil, source: nil, low: nil, high: nil, distribution: .fixed, line: line)
        }
        let mapping = try self.mapping(node, field: field)
        try checkKeys(mapping, allowed: Self.inputKeys, field: field)
        let value = try number(try requiredNode(mapping, "value", in: node, field: field), field: field + ".value")
        let low = try mapping["low"].map { try number($0, field: field + ".low") }
        let high = try mapping["high"].map { try number($0, field: field + ".high") }
        let sd = try mapping["sd"].map { try number($0, field: field + ".sd") }

        if (low == nil) != (high == nil) {
            let given = low == nil ? "high" : "low"
            throw error(mapping[given], field: "\(field).\(given)", "a range needs both `low` and `high`; only `\(given)` is given")
        }
        if let low, let high {
            guard low <= high else {
                throw error(mapping["low"], field: field + ".low", "the range is reversed: low (\(Rounding.shortest(low))) is greater than high (\(Rounding.shortest(high))); expected low ≤ value ≤ high")
            }
            guard low <= value, value <= high else {
                throw error(mapping["value"], field: field + ".value", "value \(Rounding.shortest(value)) lies outside its range \(Rounding.shortest(low))…\(Rounding.shortest(high)); expected low ≤ value ≤ high")
            }
        }

        let distribution: Distribution
        if let distributionNode = mapping["distribution"] {
            let text = try scalarText(distributionNode, field: field + ".distribution")
            let names = ["fixed", "uniform", "triangular", "normal"]
            switch text {
            case "fixed": distribution = .fixed
            case "uniform": distribution = .uniform
            case "triangular": distribution = .triangular
            case "normal":
                guard let sd else { throw error(distributionNode, field: field + ".sd", "a normal distribution needs `sd` (its standard deviation)") }
                distribution = .normal(sd: sd)
            default:
                throw error(distributionNode, field: field + ".distribution", "unknown distribution `\(text)`; " + Suggestions.hint(for: text, among: names, kind: "distribution"))
            }
            if distribution != .fixed, low == nil {
                throw error(distributionNode, field: field + ".distribution", "a \(text) distribution needs a range: give `low` and `high`")
            }
        } else {
            // A range without a named distribution is read as low / most likely / high.
            distribution = low == nil ? .fixed : .triangular
        }
        if let sd {
            guard case .normal = distribution else {
                throw error(mapping["sd"], field: field + ".sd", "`sd` is only used with `distribution: normal`")
            }
            guard sd > 0 else { throw error(mapping["sd"], field: field + ".sd", "the standard deviation must be greater than 0, found \(Rounding.shortest(sd))") }
            // Truncation by rejection must accept a fair share of draws (≥ 4 % with this rule).
            if let low, let high, high - low < sd / 10 {
                throw error(mapping["sd"], field: field + ".sd", "the range \(Rounding.shortest(low))…\(Rounding.shortest(high)) is narrower than sd / 10; widen the range or use a smaller sd")
            }
        }
        return Input(
            name: name, value: value,
            label: try optionalText(mapping["label"], field: field + ".label"),
            help: try optionalText(mapping["help"], field: field + ".help"),
            unit: try optionalString(mapping["unit"], field: field + ".unit"),
            source: try optionalString(mapping["source"], field: field + ".source"),
            low: low, high: high, distribution: distribution, line: line
        )
    }

    // MARK: Items

    func readItems(_ node: ConfigNode?, side: Side, flow: Flow, horizon: Int, inputs: [Input]) throws -> [Item] {
        guard let node = present(node) else { return [] }
        let list = (side == .baseline ? "baseline." : "") + (flow == .investment ? "investments" : "returns")
        return try sequence(node, field: list).enumerated().map { index, itemNode in
            try readItem(itemNode, field: "\(list)[\(index + 1)]", side: side, flow: flow, horizon: horizon, inputs: inputs)
        }
    }

    func readItem(_ node: ConfigNode, field: String, side: Side, flow: Flow, horizon: Int, inputs: [Input]) throws -> Item {
        let mapping = try self.mapping(node, field: field)
        let name = try requiredString(mapping, "name", in: node, field: field + ".name")
        let field = "\(field) \"\(name)\""

        let kindNode = try requiredNode(mapping, "kind", in: node, field: field)
        let kindText = try scalarText(kindNode, field: field + ".kind")
        let allowedKinds = ItemKind.kinds(for: flow)
        guard let kind = ItemKind(rawValue: kindText) else {
            throw error(kindNode, field: field + ".kind", "unknown kind `\(kindText)`; " + Suggestions.hint(for: kindText, among: allowedKinds.map(\.rawValue), kind: "kind"))
        }
        guard kind.flows.contains(flow) else {
            let other = flow == .investment ? "returns" : "investments"
            throw error(kindNode, field: field + ".kind", "kind `\(kindText)` belongs under \(other); here use one of " + allowedKinds.map { "`\($0.rawValue)`" }.joined(separator: ", "))
        }
        let fieldSpecs = kind.fields.map { spec in
            // An investment of kind `other` is money spent: never negative (savings are returns).
            (name: spec.name, constraint: flow == .investment && spec.constraint == .any && kind == .other ? FieldConstraint.nonNegative : spec.constraint)
        }
        try checkKeys(mapping, allowed: Self.itemKeys + fieldSpecs.map(\.name) + (kind == .asset ? Self.assetKeys : []), field: field)

        let timing = try readTiming(mapping, node: node, field: field, horizon: horizon)
        var fields: [Field] = []
        for spec in fieldSpecs {
            guard let fieldNode = mapping[spec.name] else {
                let all = fieldSpecs.map { "`\($0.name)`" }.joined(separator: " and ")
                throw error(node, field: field, "missing `\(spec.name)`; kind `\(kind.rawValue)` needs \(all) (the amount is their product)")
            }
            let located = try expression(fieldNode, field: "\(field).\(spec.name)")
            for (reference, offset) in located.expression.inputReferences where !inputs.contains(where: { $0.name == reference }) {
                throw ConfigError(location: SourceLocation(file: source, line: located.line, column: located.column(offset)),
                                  key: "\(field).\(spec.name)",
                                  problem: "unknown input `\(reference)`; " + Suggestions.hint(for: reference, among: inputs.map(\.name), kind: "input"))
            }
            let fieldValue = Field(name: spec.name, expression: located.expression, text: located.text, constraint: spec.constraint,
                                   line: located.line ?? 0, column: located.firstColumn ?? fieldNode.location.column ?? 0)
            try ConstraintCheck.check(fieldValue, inputs: inputs, field: "\(field).\(spec.name)", source: source)
            fields.append(fieldValue)
        }
        let depreciation = try readDepreciation(mapping, node: node, field: field, kind: kind, timing: timing, horizon: horizon, inputs: inputs)
        if let depreciation, let amount = fields.first {
            try ConstraintCheck.checkResidual(depreciation.residual, within: amount, inputs: inputs, field: "\(field).residual_value", source: source)
        }
        return Item(name: name, side: side, flow: flow, kind: kind, timing: timing, fields: fields, line: node.line ?? 0,
                    depreciation: depreciation)
    }

    static let assetKeys = ["life", "residual_value"]

    /// An asset's `life` (afschrijvingstermijn, whole years) and optional `residual_value`
    /// (restwaarde, default 0); an asset is bought once.
    func readDepreciation(_ mapping: ConfigMapping, node: ConfigNode, field: String, kind: ItemKind, timing: Timing,
                          horizon: Int, inputs: [Input]) throws -> Depreciation? {
        guard kind == .asset else { return nil }
        guard case .once = timing else {
            throw error(mapping["timing"], field: field + ".timing", "an asset is bought once: use `timing: once` with `year` (its depreciation then runs over `life` years)")
        }
        guard let lifeNode = mapping["life"] else {
            throw error(node, field: field, "missing `life`; an asset needs its afschrijvingstermijn in whole years (e.g. `life: 5`)")
        }
        let life = try integer(lifeNode, field: field + ".life", range: 1...ScenarioLoader.maximumHorizon)
        var residual = Field(name: "residual_value", expression: .number(0), text: "0", constraint: .nonNegative,
                             line: node.line ?? 0, column: node.location.column ?? 0)
        if let residualNode = mapping["residual_value"] {
            let located = try expression(residualNode, field: field + ".residual_value")
            for (reference, offset) in located.expression.inputReferences where !inputs.contains(where: { $0.name == reference }) {
                throw ConfigError(location: SourceLocation(file: source, line: located.line, column: located.column(offset)),
                                  key: field + ".residual_value",
                                  problem: "unknown input `\(reference)`; " + Suggestions.hint(for: reference, among: inputs.map(\.name), kind: "input"))
            }
            residual = Field(name: "residual_value", expression: located.expression, text: located.text, constraint: .nonNegative,
                             line: located.line ?? 0, column: located.firstColumn ?? residualNode.location.column ?? 0)
            try ConstraintCheck.check(residual, inputs: inputs, field: field + ".residual_value", source: source)
        }
        return Depreciation(life: life, residual: residual)
    }

    func readTiming(_ mapping: ConfigMapping, node: ConfigNode, field: String, horizon: Int) throws -> Timing {
        guard let timingNode = mapping["timing"] else {
            throw error(node, field: field, "missing `timing`; expected `timing: once` (with `year`, default 0) or `timing: yearly` (with `from`/`to`, default 1…\(horizon))")
        }
        let text = try scalarText(timingNode, field: field + ".timing")
        switch text {
        case "once":
            if let stray = mapping["from"] ?? mapping["to"] {
                throw error(stray, field: field, "`from` and `to` belong to `timing: yearly`; a one-off item takes `year`")
            }
            let year = try mapping["year"].map { try integer($0, field: field + ".year", range: 0...horizon) } ?? 0
            return .once(year: year)
        case "yearly":
            if let stray = mapping["year"] {
                throw error(stray, field: field, "`year` belongs to `timing: once`; a yearly item takes `from` and `to`")
            }
            let from = try mapping["from"].map { try integer($0, field: field + ".from", range: 1...horizon) } ?? 1
            let to = try mapping["to"].map { try integer($0, field: field + ".to", range: 1...horizon) } ?? horizon
            guard from <= to else {
                throw error(mapping["from"], field: field + ".from", "the years are reversed: from (\(from)) is after to (\(to)); expected from ≤ to")
            }
            return .yearly(from: from, to: to)
        default:
            throw error(timingNode, field: field + ".timing", "unknown timing `\(text)`; expected `once` or `yearly`")
        }
    }

    // MARK: Whole-scenario checks

    /// ROI divides by the incremental investment: it must be positive at the inputs' values.
    func checkIncrementalInvestment(_ scenario: Scenario, investmentsNode: ConfigNode?, root: ConfigNode) throws {
        let compiled = CompiledScenario(scenario)
        let breakdown = Evaluator(compiled).breakdown(compiled.baseValues)
        try checkFiniteTotals(compiled, breakdown, root: root)
        let metrics = breakdown.metrics
        guard metrics.investment > 0 else {
            let amount = Rounding.shortest(metrics.investment)
            let hint = scenario.items.contains { $0.side == .scenario && $0.flow == .investment }
                ? "the scenario invests no more than the baseline (incremental investment \(amount))"
                : "the scenario lists no investments"
            throw error(investmentsNode ?? root, field: "investments",
                        "ROI = (meeropbrengsten − investering) / investering is undefined: \(hint); expected the scenario to invest more than the baseline over the horizon")
        }
    }
}

extension ScenarioReader {
    /// Every amount and total must be a finite number: 1e308 is a valid input, but used twice its
    /// sum is beyond what a double holds, and ROI, NPV and payback would be ∞ or NaN.
    func checkFiniteTotals(_ model: CompiledScenario, _ breakdown: Breakdown, root: ConfigNode) throws {
        guard !breakdown.metrics.isFinite else { return }
        let entry = zip(model.entries, breakdown.itemAmounts).first { !$0.1.isFinite }?.0
        let item = entry.map { model.scenario.items[$0.item] }
        throw ConfigError(location: SourceLocation(file: source, line: item?.line ?? root.line),
                          key: item.map { "\($0.flow == .investment ? "investments" : "returns") \"\($0.name)\"" } ?? "",
                          problem: "the \(item == nil ? "totals" : "amount") at the inputs' values \(item == nil ? "are" : "is") not a finite number (beyond ±1.8e308, the largest a computer can add up); expected amounts of a realistic size")
    }
}

/// Checks a field's constraint at the inputs' values and at every corner of the ranges of the
/// inputs it uses (all combinations of low and high, up to 12 inputs; beyond that each input's
/// low and high alone). Sums, differences and products using each input once take their
/// extremes at corners, so for those the check covers every value in the ranges.
enum ConstraintCheck {
    static func check(_ field: Field, inputs: [Input], field label: String, source: String) throws {
        try forEachPoint(field.expression, inputs: inputs) { value, at in
            let problem: String?
            if !value.isFinite {
                problem = "`\(field.text)` has no finite value \(at) (division by zero?)"
            } else if field.constraint == .nonNegative, value < 0 {
                problem = "must not be negative, but `\(field.text)` is \(Rounding.shortest(value)) \(at)"
            } else if field.constraint == .fraction, value < 0 || value > 1 {
                problem = "must lie within 0…1 (the share of saved time actually put to use), but `\(field.text)` is \(Rounding.shortest(value)) \(at)"
            } else {
                problem = nil
            }
            if let problem {
                throw ConfigError(location: SourceLocation(file: source, line: field.line, column: field.column), key: label, problem: problem)
            }
        }
    }

    /// Evaluates `expression` at the inputs' values and at the corners described above, handing
    /// each value with where it was taken (`at the inputs' values`, `when hours = 5 (its low)`).
    static func forEachPoint(_ expression: Expression, inputs: [Input], _ body: (Double, String) throws -> Void) throws {
        let byName = Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, $0) })
        let varying = expression.inputReferences.compactMap { byName[$0.name] }.filter { $0.range != nil }
        var points: [[(Input, Bool)]] = [[]]  // each point: inputs set to low (false) or high (true)
        if varying.count <= 12 {
            for input in varying { points = points.flatMap { [$0 + [(input, false)], $0 + [(input, true)]] } }
        } else {
            points += varying.flatMap { [[($0, false)], [($0, true)]] }
        }
        for point in points {
            var values = Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, $0.value) })
            for (input, high) in point { values[input.name] = high ? input.high : input.low }
            let value = expression.evaluate { values[$0] ?? .nan }
            let at = point.isEmpty
                ? "at the inputs' values"
                : "when " + point.map { "\($0.0.name) = \(Rounding.shortest(($0.1 ? $0.0.high : $0.0.low) ?? .nan)) (its \($0.1 ? "high" : "low"))" }.joined(separator: ", ")
            try body(value, at)
        }
    }
}

extension ConstraintCheck {
    /// An asset's residual value may not exceed its amount, at the values and the corners of the
    /// ranges of the inputs either uses.
    static func checkResidual(_ residual: Field, within amount: Field, inputs: [Input], field label: String, source: String) throws {
        try forEachPoint(.binary(.subtract, amount.expression, residual.expression), inputs: inputs) { difference, at in
            guard difference < 0 else { return }
            throw ConfigError(location: SourceLocation(file: source, line: residual.line, column: residual.column), key: label,
                              problem: "the residual value `\(residual.text)` exceeds the amount `\(amount.text)` by \(Rounding.shortest(-difference)) \(at); expected 0 ≤ residual_value ≤ amount")
        }
    }
}

/// Input names: letters, digits and `_`, not starting with a digit (so expressions can use them).
enum InputName {
    static func isValid(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}

/// Yearly rates as written by people, by the Dutch number rules: `0.04`, `0,04`, `4%`, `4,5 %`, `-0.5%`.
public enum RateText {
    public static func parse(_ text: String) -> Double? {
        guard let reading = DutchNumberText.read(text), !reading.euro else { return nil }
        return reading.percent ? reading.value / 100 : reading.value
    }

    /// Why `rate` is not a usable yearly rate, or nil.
    public static func problem(_ rate: Double) -> String? {
        guard rate.isFinite, rate > -1 else { return "a discount rate must be greater than −1 (−100 %), found \(Rounding.shortest(rate))" }
        guard rate <= 1 else {
            return "a discount rate of \(Rounding.shortest(rate)) is \(Rounding.shortest(rate * 100)) % a year; write 0.04 or 4% for 4 %"
        }
        return nil
    }
}

/// A plain decimal number: optional sign, digits, optional fraction and exponent. No thousands
/// separators, no decimal comma, no locale.
public enum StrictNumber {
    public static func parse(_ text: String) -> Double? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign = 1.0
        if body.first == "-" || body.first == "−" || body.first == "+" {
            if body.first != "+" { sign = -1 }
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber,
              body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+") }),
              let value = Double(body), value.isFinite else { return nil }
        return sign * value
    }
}
