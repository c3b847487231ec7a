/// A scenario as read from a scenario file: what a gemeente invests and gets back over a horizon
/// of years, compared with a baseline ("niets doen"). See Sources/ROI/ROI.docc/ROI.md for the format.
public struct Scenario: Sendable {
    /// The file it was read from (for messages).
    public var source: String
    public var name: String
    public var gemeente: String?
    /// Free text printed with the results (e.g. that the numbers are illustrative).
    public var note: String?
    public var baselineDescription: String?
    /// Number of years, ≥ 1.
    public var horizon: Int
    /// Discount rate per year as a fraction (0.04 = 4 %), for the NPV.
    public var discountRate: Double
    /// Inputs in file order; Monte Carlo draws them in this order.
    public var inputs: [Input]
    /// Items in file order: scenario investments, scenario returns, baseline investments, baseline returns.
    public var items: [Item]
    /// Things worth knowing that do not stop evaluation (e.g. an unused input).
    public var warnings: [String]

    public init(source: String, name: String, gemeente: String? = nil, note: String? = nil, baselineDescription: String? = nil,
                horizon: Int, discountRate: Double, inputs: [Input], items: [Item], warnings: [String] = []) {
        self.source = source
        self.name = name
        self.gemeente = gemeente
        self.note = note
        self.baselineDescription = baselineDescription
        self.horizon = horizon
        self.discountRate = discountRate
        self.inputs = inputs
        self.items = items
        self.warnings = warnings
    }
}

/// A named number the items refer to, with an optional range for what-ifs.
public struct Input: Sendable, Equatable {
    /// The identifier expressions, `--vary` and `--goal-seek` use (`questions_per_year`).
    public var name: String
    public var value: Double
    /// What people call it, e.g. `Vragen per jaar` (the calculator's form label).
    public var label: String?
    /// A short explanation for people, shown beside the field.
    public var help: String?
    public var unit: String?
    /// Where the number comes from.
    public var source: String?
    public var low: Double?
    public var high: Double?
    public var distribution: Distribution
    public var line: Int

    public init(name: String, value: Double, label: String? = nil, help: String? = nil, unit: String? = nil,
                source: String? = nil, low: Double? = nil, high: Double? = nil, distribution: Distribution = .fixed, line: Int = 0) {
        self.name = name
        self.value = value
        self.label = label
        self.help = help
        self.unit = unit
        self.source = source
        self.low = low
        self.high = high
        self.distribution = distribution
        self.line = line
    }

    /// The label, or the name where there is none.
    public var displayName: String { label ?? name }

    /// `low...high` when both are given.
    public var range: ClosedRange<Double>? {
        guard let low, let high, low <= high else { return nil }
        return low...high
    }
}

/// How Monte Carlo draws an input. All but `fixed` need `low` and `high`.
public enum Distribution: Sendable, Equatable {
    /// Never varied by Monte Carlo (a range, if given, still serves tornado and goal seek).
    case fixed
    /// Every value in `low…high` equally likely.
    case uniform
    /// Triangular on `low…high` with its peak at the input's value.
    case triangular
    /// Normal with mean = the input's value and this standard deviation, truncated to `low…high`.
    case normal(sd: Double)

    public var name: String {
        switch self {
        case .fixed: return "fixed"
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .normal: return "normal"
        }
    }
}

/// Which side of the comparison an item belongs to.
public enum Side: String, Sendable, CaseIterable {
    case scenario, baseline
}

/// Money going out (investering) or coming back (opbrengst, including savings).
public enum Flow: String, Sendable, CaseIterable {
    case investment, `return`
}

/// When an item's amount falls. Year 0 is the moment of the decision (the start of year 1);
/// every other amount falls at the end of its year.
public enum Timing: Sendable, Equatable {
    /// Once, in `year` (0 = at the start; k ≥ 1 = at the end of year k).
    case once(year: Int)
    /// Every year from `from` to `to` (1 ≤ from ≤ to ≤ horizon), at the end of each year.
    case yearly(from: Int, to: Int)

    /// The years (0…horizon) in which the amount falls.
    public var years: ClosedRange<Int> {
        switch self {
        case .once(let year): return year...year
        case .yearly(let from, let to): return from...to
        }
    }
}

/// One investment or return. Its amount per occurrence is the product of its fields.
public struct Item: Sendable {
    public var name: String
    public var side: Side
    public var flow: Flow
    public var kind: ItemKind
    public var timing: Timing
    /// The kind's fields in the kind's order.
    public var fields: [Field]
    public var line: Int
    /// How an `asset` is written off; nil for every other kind.
    public var depreciation: Depreciation?

    public init(name: String, side: Side, flow: Flow, kind: ItemKind, timing: Timing, fields: [Field], line: Int,
                depreciation: Depreciation? = nil) {
        self.name = name
        self.side = side
        self.flow = flow
        self.kind = kind
        self.timing = timing
        self.fields = fields
        self.line = line
        self.depreciation = depreciation
    }

    /// The amount per occurrence: the product of the fields.
    public var amount: Expression {
        fields.dropFirst().reduce(fields[0].expression) { .binary(.multiply, $0, $1.expression) }
    }
}

/// Afschrijving of an `asset`: straight-line over `life` years from the year after the purchase,
/// down to `residual` (restwaarde). The purchase is the cash flow; depreciation is shown beside
/// the cash flows, and the book value left at the end of the horizon (or the residual value at
/// the end of its life, when that comes first) counts as a return then.
public struct Depreciation: Sendable {
    /// Afschrijvingstermijn in years, ≥ 1.
    public var life: Int
    /// Restwaarde at the end of the life: 0 ≤ residual ≤ amount (the field `residual_value`).
    public var residual: Field

    public init(life: Int, residual: Field) {
        self.life = life
        self.residual = residual
    }
}

/// A named expression of an item (`hours: webcare_hours_per_week * 52`).
public struct Field: Sendable {
    public init(name: String, expression: Expression, text: String, constraint: FieldConstraint, line: Int, column: Int) {
        self.name = name
        self.expression = expression
        self.text = text
        self.constraint = constraint
        self.line = line
        self.column = column
    }

    public var name: String
    public var expression: Expression
    /// The text as written in the file.
    public var text: String
    public var constraint: FieldConstraint
    public var line: Int
    public var column: Int
}

/// What a field's value must satisfy, checked when the file is read.
public enum FieldConstraint: Sendable, Equatable {
    case any
    case nonNegative
    /// 0…1: a share, such as the realisation factor.
    case fraction
}

/// The fixed set of item kinds. Each kind names its fields; the amount is their product.
public enum ItemKind: String, Sendable, CaseIterable {
    case licence, training, integration, maintenance
    case staffHours = "staff_hours"
    /// Contacts handled at a cost per contact (e.g. the phone contacts the baseline keeps handling).
    case contactHandling = "contact_handling"
    case contactShift = "contact_shift"
    case communityAnswers = "community_answers"
    case timeSaved = "time_saved"
    /// Bought once and written off over its life (`life`, optional `residual_value`): see `Depreciation`.
    case asset
    case other

    /// Field names and constraints, in the order they are multiplied.
    public var fields: [(name: String, constraint: FieldConstraint)] {
        switch self {
        case .licence, .training, .integration, .maintenance, .asset: return [("amount", .nonNegative)]
        case .other: return [("amount", .any)]
        case .staffHours: return [("hours", .nonNegative), ("hourly_rate", .nonNegative)]
        case .contactHandling: return [("contacts", .nonNegative), ("cost_per_contact", .nonNegative)]
        case .contactShift: return [("contacts", .nonNegative), ("cost_difference", .any)]
        case .communityAnswers: return [("answers", .nonNegative), ("cost_per_answer", .nonNegative)]
        case .timeSaved: return [("hours", .nonNegative), ("hourly_rate", .nonNegative), ("realisation", .fraction)]
        }
    }

    /// The lists the kind may appear in.
    public var flows: [Flow] {
        switch self {
        case .licence, .training, .integration, .maintenance, .staffHours, .contactHandling, .asset: return [.investment]
        case .contactShift, .communityAnswers, .timeSaved: return [.return]
        case .other: return [.investment, .return]
        }
    }

    public static func kinds(for flow: Flow) -> [ItemKind] { allCases.filter { $0.flows.contains(flow) } }
}
