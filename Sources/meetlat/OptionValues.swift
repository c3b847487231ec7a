import ArgumentParser
import ROI
import Support

/// A value the ROI library reads from an option's text (Dutch numbers, ranges, rates), with the
/// library's message when it cannot: the error's `source` is left empty for `Read` to fill in
/// with the option as written.
protocol OptionValue: Sendable {
    static func read(_ text: String) throws -> Self
}

/// An option whose value the ROI library reads. ArgumentParser's `init?(argument:)` cannot say
/// what is wrong with a value, so the reading is kept — the value or the library's message — and
/// the command's `validate()` reports the message before anything runs:
/// `Error: --vary contacts_moved=9.000..1.000: the range is reversed: …`.
struct Read<Value: OptionValue>: ExpressibleByArgument, Sendable {
    let text: String
    private let reading: Result<Value, ROIError>

    init(argument: String) {
        text = argument
        do {
            reading = .success(try Value.read(argument))
        } catch let error as ROIError {
            reading = .failure(error)
        } catch {
            reading = .failure(ROIError(source: "", message: String(describing: error)))
        }
    }

    /// The value, or the library's message naming `option` and the text given.
    func value(_ option: String) throws -> Value {
        switch reading {
        case .success(let value):
            return value
        case .failure(var error):
            if error.source.isEmpty { error.source = "\(option) \(text)" }
            throw error
        }
    }
}

extension Optional {
    /// `try option?.value(name)` for an option that may be left out.
    func value<Value>(_ option: String) throws -> Value? where Wrapped == Read<Value> {
        try self?.value(option)
    }
}

extension VaryRange: OptionValue {
    static func read(_ text: String) throws -> VaryRange { try parse(text) }
}

/// `--discount-rate`: a yearly rate, `0,04` or `4 %`.
struct DiscountRate: OptionValue {
    var rate: Double

    static func read(_ text: String) throws -> DiscountRate {
        guard let rate = RateText.parse(text) else {
            throw ROIError(source: "", message: "expected a yearly rate such as 0,04 or 4 %")
        }
        if let problem = RateText.problem(rate) { throw ROIError(source: "", message: problem) }
        return DiscountRate(rate: rate)
    }
}

/// `from..to` (`--within 1.000..9.000`, `--satisfaction-scale 1..5`).
struct Interval: OptionValue {
    var range: ClosedRange<Double>

    static func read(_ text: String) throws -> Interval {
        do {
            return Interval(range: try IntervalText.parse(text, option: ""))
        } catch var error as ROIError {
            error.source = ""
            throw error
        }
    }
}

/// A count of people, messages or cases: a whole number ≥ 0 (`12.000`).
struct CountValue: OptionValue {
    var count: Int

    static func read(_ text: String) throws -> CountValue {
        guard let count = Count.parse(text) else { throw ROIError(source: "", message: "expected \(Count.expected)") }
        return CountValue(count: count)
    }
}

/// A measurement (a doorlooptijd, a score): a finite number by the Dutch number rules (`2,5`).
struct Amount: OptionValue {
    var amount: Double

    static func read(_ text: String) throws -> Amount {
        guard let reading = DutchNumberText.read(text), !reading.percent, !reading.euro else {
            throw ROIError(source: "", message: "expected a number such as 2,5 or 12.000")
        }
        return Amount(amount: reading.value)
    }
}

/// A confidence level: `95 %` or `0,95`.
struct Confidence: OptionValue {
    var level: Double

    static func read(_ text: String) throws -> Confidence {
        guard let reading = DutchNumberText.read(text), !reading.euro else {
            throw ROIError(source: "", message: "expected a confidence level such as 95 % or 0,95")
        }
        let level = reading.percent ? reading.value / 100 : reading.value
        guard level > 0, level < 1 else {
            throw ROIError(source: "", message: "expected a confidence level between 0 and 100 %, such as 95 % or 0,95")
        }
        return Confidence(level: level)
    }
}
