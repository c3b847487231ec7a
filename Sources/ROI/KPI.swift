import Foundation
import Support

/// Key performance indicators to set beside ROI (which ignores duration, satisfaction and
/// everything else that is not money). Each function checks its inputs and throws an `ROIError`
/// naming the option at fault.
public enum KPI {
    /// Conversie ratio: converted / reached (e.g. people reached via social media who followed
    /// the advice, downloaded the brochure or used the e-service).
    public static func conversionRatio(converted: Int, reached: Int) throws -> Double {
        try share(converted, of: reached, part: "--converted", whole: "--reached")
    }

    /// Activiteit per user: contributions (posts, replies, likes…) / active users.
    public static func activityPerUser(actions: Int, users: Int) throws -> Double {
        try nonNegative(actions, "--actions")
        try positive(users, "--users")
        return Double(actions) / Double(users)
    }

    /// Doorlooptijd before and after: the change (after − before, negative = faster) and the
    /// relative change (after − before) / before.
    public static func throughputChange(before: Double, after: Double) throws -> (change: Double, relative: Double) {
        guard before.isFinite, before > 0 else { throw ROIError(source: "--time-before", message: "expected a doorlooptijd greater than 0, found \(Rounding.shortest(before))") }
        guard after.isFinite, after >= 0 else { throw ROIError(source: "--time-after", message: "expected a doorlooptijd of 0 or more, found \(Rounding.shortest(after))") }
        return (after - before, (after - before) / before)
    }

    /// First time resolution: cases resolved at the first contact / all cases.
    public static func firstTimeResolution(resolved: Int, cases: Int) throws -> Double {
        try share(resolved, of: cases, part: "--resolved-first-time", whole: "--cases")
    }

    /// Klanttevredenheid from counts: satisfied / respondents.
    public static func satisfiedShare(satisfied: Int, respondents: Int) throws -> Double {
        try share(satisfied, of: respondents, part: "--satisfied", whole: "--respondents")
    }

    public struct Satisfaction: Sendable, Equatable {
        public var count: Int
        public var mean: Double
        /// Share of scores ≥ the threshold.
        public var satisfiedShare: Double
        public var scale: ClosedRange<Double>
        public var satisfiedFrom: Double
    }

    /// Klanttevredenheid from scores on `scale`: the mean, and the share at or above `satisfiedFrom`.
    public static func satisfaction(_ scores: ScoreList, scale: ClosedRange<Double>, satisfiedFrom: Double) throws -> Satisfaction {
        guard scale.contains(satisfiedFrom) else {
            throw ROIError(source: "--satisfied-from", message: "\(Rounding.shortest(satisfiedFrom)) lies outside the scale \(Rounding.shortest(scale.lowerBound))..\(Rounding.shortest(scale.upperBound))")
        }
        try scores.requireNonEmpty()
        for (index, value) in scores.values.enumerated() where !scale.contains(value) {
            throw scores.error(at: index, "score \(Rounding.shortest(value)) lies outside the scale \(Rounding.shortest(scale.lowerBound))..\(Rounding.shortest(scale.upperBound))")
        }
        var sum = 0.0
        for value in scores.values { sum += value }
        let satisfied = scores.values.count { $0 >= satisfiedFrom }
        return Satisfaction(count: scores.values.count, mean: sum / Double(scores.values.count),
                            satisfiedShare: Double(satisfied) / Double(scores.values.count), scale: scale, satisfiedFrom: satisfiedFrom)
    }

    public struct NetPromoterScore: Sendable, Equatable {
        /// Scores 9–10.
        public var promoters: Int
        /// Scores 7–8.
        public var passives: Int
        /// Scores 0–6.
        public var detractors: Int
        public var respondents: Int { promoters + passives + detractors }
        /// % promoters − % detractors, from −100 to 100.
        public var score: Double { 100 * Double(promoters - detractors) / Double(respondents) }
    }

    /// NPS from counts of promoters (9–10), passives (7–8) and detractors (0–6).
    public static func netPromoterScore(promoters: Int, passives: Int, detractors: Int) throws -> NetPromoterScore {
        try nonNegative(promoters, "--promoters")
        try nonNegative(passives, "--passives")
        try nonNegative(detractors, "--detractors")
        guard let respondents = Count.sum([promoters, passives, detractors]) else {
            throw ROIError(source: "--promoters", message: "promoters, passives and detractors add up to more than \(Count.maximum); expected counts of people")
        }
        guard respondents > 0 else {
            throw ROIError(source: "--promoters", message: "no respondents: promoters, passives and detractors are all 0")
        }
        return NetPromoterScore(promoters: promoters, passives: passives, detractors: detractors)
    }

    /// NPS from raw answers to "how likely are you to recommend…", whole numbers 0–10.
    public static func netPromoterScore(_ scores: ScoreList) throws -> NetPromoterScore {
        try scores.requireNonEmpty()
        var result = NetPromoterScore(promoters: 0, passives: 0, detractors: 0)
        for (index, value) in scores.values.enumerated() {
            guard value == value.rounded(), (0...10).contains(value) else {
                throw scores.error(at: index, "expected a whole number from 0 to 10 (the NPS scale), found \(Rounding.shortest(value))")
            }
            switch value {
            case 9...: result.promoters += 1
            case 7...: result.passives += 1
            default: result.detractors += 1
            }
        }
        return result
    }

    /// IPM, interactions per 1,000 fans (or followers): 1000 × interactions / fans over the same
    /// period; with `posts`, per message: 1000 × interactions / (fans × posts).
    public static func interactionsPerThousand(interactions: Int, fans: Int, posts: Int? = nil) throws -> Double {
        try nonNegative(interactions, "--interactions")
        try positive(fans, "--fans")
        if let posts { try positive(posts, "--posts") }
        return 1000 * Double(interactions) / Double(fans) / Double(posts ?? 1)
    }

    /// One variant of an A/B test: how many saw it and how many of them converted.
    public struct Variant: Sendable, Equatable {
        public var converted: Int
        public var reached: Int
        public var rate: Double { Double(converted) / Double(reached) }

        public init(converted: Int, reached: Int) {
            self.converted = converted
            self.reached = reached
        }
    }

    /// An A/B comparison of two variants' conversion: the difference B − A with a confidence
    /// interval (normal approximation, unpooled standard error) and the two-proportion z-test
    /// (pooled standard error, two-sided).
    public struct ABTest: Sendable, Equatable {
        public var a: Variant
        public var b: Variant
        /// e.g. 0.95.
        public var confidence: Double
        /// rate(B) − rate(A).
        public var difference: Double
        public var low: Double
        public var high: Double
        public var z: Double
        /// Two-sided: the chance of a difference at least this large if both variants converted alike.
        public var p: Double
        /// p < 1 − confidence.
        public var significant: Bool { p < 1 - confidence }
        /// The normal approximation wants at least 5 conversions and 5 non-conversions per variant.
        public var smallSample: Bool {
            [a, b].contains { $0.converted < 5 || $0.reached - $0.converted < 5 }
        }
    }

    public static func abTest(a: Variant, b: Variant, confidence: Double = 0.95) throws -> ABTest {
        _ = try share(a.converted, of: a.reached, part: "--a-converted", whole: "--a-reached")
        _ = try share(b.converted, of: b.reached, part: "--b-converted", whole: "--b-reached")
        guard confidence.isFinite, confidence > 0, confidence < 1 else {
            throw ROIError(source: "--confidence", message: "expected a confidence level between 0 and 100 %, such as 95 %, found \(Rounding.shortest(confidence))")
        }
        let pa = a.rate, pb = b.rate
        let difference = pb - pa
        let unpooled = (pa * (1 - pa) / Double(a.reached) + pb * (1 - pb) / Double(b.reached)).squareRoot()
        let critical = Normal.quantile(1 - (1 - confidence) / 2)
        let pooled = Double(a.converted + b.converted) / Double(a.reached + b.reached)
        let standardError = (pooled * (1 - pooled) * (1 / Double(a.reached) + 1 / Double(b.reached))).squareRoot()
        // Everyone or no one converted in both: the variants cannot differ.
        let z = standardError > 0 ? difference / standardError : 0
        return ABTest(a: a, b: b, confidence: confidence, difference: difference,
                      low: difference - critical * unpooled, high: difference + critical * unpooled,
                      z: z, p: min(1, 2 * Normal.upperTail(abs(z))))
    }

    // MARK: Checks

    @discardableResult
    static func share(_ part: Int, of whole: Int, part partOption: String, whole wholeOption: String) throws -> Double {
        try nonNegative(part, partOption)
        try positive(whole, wholeOption)
        guard part <= whole else {
            throw ROIError(source: partOption, message: "\(part) is more than \(wholeOption) \(whole); a part cannot exceed its whole")
        }
        return Double(part) / Double(whole)
    }

    static func nonNegative(_ value: Int, _ option: String) throws {
        guard value >= 0 else { throw ROIError(source: option, message: "expected a count of 0 or more, found \(value)") }
    }

    static func positive(_ value: Int, _ option: String) throws {
        guard value > 0 else { throw ROIError(source: option, message: "expected a count greater than 0, found \(value)") }
    }
}

/// Numbers with the line (or row) each came from, so problems can be pointed at.
public struct ScoreList: Sendable, Equatable {
    /// The file they were read from.
    public var source: String
    public var values: [Double]
    /// The line (plain file) or row (CSV column, header = row 1) of each value.
    public var lines: [Int]
    /// The CSV column the values come from; `nil` for a plain file of one number per line.
    public var column: String?

    public init(source: String, values: [Double], lines: [Int], column: String? = nil) {
        self.source = source
        self.values = values
        self.lines = lines
        self.column = column
    }

    /// Reads a plain file with one number per line. Blank lines and lines starting with `#` are
    /// skipped; `7,5` is read as 7.5 (a Dutch decimal comma), thousands separators are not allowed.
    public static func read(path: String) throws -> ScoreList {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw ROIError(source: path, message: "cannot read the score file (\(error.localizedDescription)); expected a UTF-8 text file with one number per line")
        }
        return try parse(text, source: path)
    }

    public static func parse(_ text: String, source: String) throws -> ScoreList {
        var values: [Double] = []
        var lines: [Int] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let value = number(line) else {
                throw ROIError(source: source, line: index + 1, message: "expected one number per line (such as 8 or 7,5), found `\(line)`")
            }
            values.append(value)
            lines.append(index + 1)
        }
        return ScoreList(source: source, values: values, lines: lines)
    }

    /// The scores in one column of a CSV file, as read by the caller (ROI reads no CSV itself):
    /// the cells below the header with their row numbers. Empty cells (not answered) are skipped;
    /// every other cell must be a number as in a plain score file.
    public static func parse(cells: [(row: Int, text: String)], source: String, column: String) throws -> ScoreList {
        var list = ScoreList(source: source, values: [], lines: [], column: column)
        for cell in cells {
            let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            guard let value = number(text) else {
                throw ROIError(source: source, row: cell.row, field: "column \"\(column)\"",
                               message: "expected a score (a number such as 8 or 7,5) or an empty cell, found `\(text)`")
            }
            list.values.append(value)
            list.lines.append(cell.row)
        }
        return list
    }

    /// One score: `8`, `7.5` or `7,5` (a Dutch decimal comma); no thousands separators.
    static func number(_ text: String) -> Double? {
        guard !text.contains(",") || !text.contains(".") else { return nil }
        return StrictNumber.parse(text.contains(".") ? text : text.replacingOccurrences(of: ",", with: "."))
    }

    /// An error about the value at `index`: names the file and its line, or row and column.
    func error(at index: Int, _ message: String) -> ROIError {
        if let column {
            return ROIError(source: source, row: lines[index], field: "column \"\(column)\"", message: message)
        }
        return ROIError(source: source, line: lines[index], message: message)
    }

    func requireNonEmpty() throws {
        guard !values.isEmpty else {
            if let column {
                throw ROIError(source: source, field: "column \"\(column)\"", message: "holds no scores; expected a number in at least one row")
            }
            throw ROIError(source: source, message: "holds no scores; expected one number per line")
        }
    }
}

/// Whole counts as people type them (`12.000`, `1 200`): the Dutch number rules, ≥ 0, and at most
/// `maximum` — far beyond any count of people or messages, and small enough that sums and
/// conversions to doubles stay exact.
public enum Count {
    public static let maximum = 1_000_000_000_000_000

    public static func parse(_ text: String) -> Int? {
        guard let reading = DutchNumberText.read(text), !reading.percent, !reading.euro,
              reading.value >= 0, reading.value <= Double(maximum), reading.value == reading.value.rounded() else { return nil }
        return Int(reading.value)
    }

    /// The sum, or nil when it passes `maximum` (or a term is negative).
    public static func sum(_ values: [Int]) -> Int? {
        var total = 0
        for value in values {
            guard value >= 0, value <= maximum else { return nil }
            total += value
            guard total <= maximum else { return nil }
        }
        return total
    }

    public static let expected = "a whole number of 0 or more (such as 12.000), at most \(DutchFormat.integer(maximum))"
}

/// The standard normal distribution, for the A/B test.
enum Normal {
    /// P(Z > z) = erfc(z / √2) / 2.
    static func upperTail(_ z: Double) -> Double { erfc(z / 2.squareRoot()) / 2 }

    /// z with P(Z ≤ z) = p, for p in (0, 1): bisection on the upper tail to the last bit.
    static func quantile(_ p: Double) -> Double {
        var low = -40.0, high = 40.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if upperTail(middle) > 1 - p { low = middle } else { high = middle }
            if high - low <= 1e-15 * max(1, abs(middle)) { break }
        }
        return (low + high) / 2
    }
}
