import Configuration
import Testing
@testable import ROI

/// Every invalid scenario gives a `ConfigError` naming the file, line and field at fault (a
/// what-if option an `ROIError` naming the option).
@Suite struct ValidationTests {
    /// A valid scenario; tests replace one line to break it.
    static let valid = """
        scenario: Validation
        horizon: 2
        discount_rate: 0.05
        inputs:
          hours_per_week:
            value: 4
            low: 2
            high: 6
          rate: 50
          realisation_factor:
            value: 0.5
            low: 0.2
            high: 0.8
        investments:
          - name: Uren
            kind: staff_hours
            timing: yearly
            hours: hours_per_week * 52
            hourly_rate: rate
        returns:
          - name: Tijdwinst
            kind: time_saved
            timing: yearly
            hours: 500
            hourly_rate: rate
            realisation: realisation_factor
        """

    static func replacing(_ old: String, with new: String) -> String {
        precondition(valid.contains(old), "test setup: `\(old)` not in the valid scenario")
        return valid.replacingOccurrences(of: old, with: new)
    }

    @Test func theValidScenarioReads() throws {
        let read = try scenario(Self.valid)
        #expect(read.inputs.map(\.name) == ["hours_per_week", "rate", "realisation_factor"])
        #expect(read.items.count == 2)
        #expect(read.warnings.isEmpty)
    }

    @Test func negativeHoursAreRejected() {
        let error = scenarioError { _ = try scenario(Self.replacing("hours: hours_per_week * 52", with: "hours: -3 * 52")) }
        #expect(error?.key == "investments[1] \"Uren\".hours")
        #expect(error?.line == 18)
        #expect(error?.problem.contains("must not be negative") == true)
        #expect(error?.problem.contains("-156") == true)
    }

    @Test func negativeHoursAtTheLowEndOfARangeAreRejected() {
        let error = scenarioError { _ = try scenario(Self.replacing("low: 2\n", with: "low: -1\n")) }
        #expect(error?.key == "investments[1] \"Uren\".hours")
        #expect(error?.problem.contains("hours_per_week = -1 (its low)") == true)
    }

    @Test func zeroInvestmentMakesROIUndefined() {
        let noInvestments = Self.valid.replacingOccurrences(
            of: "investments:\n  - name: Uren\n    kind: staff_hours\n    timing: yearly\n    hours: hours_per_week * 52\n    hourly_rate: rate\n", with: "")
        #expect(noInvestments != Self.valid)
        let error = scenarioError { _ = try scenario(noInvestments) }
        #expect(error?.key == "investments")
        #expect(error?.problem.contains("undefined") == true)
        #expect(error?.problem.contains("lists no investments") == true)

        // Investing exactly as much as the baseline is no incremental investment either.
        let sameAsBaseline = Self.valid + """

            baseline:
              investments:
                - name: Dezelfde uren
                  kind: staff_hours
                  timing: yearly
                  hours: hours_per_week * 52
                  hourly_rate: rate
            """
        let same = scenarioError { _ = try scenario(sameAsBaseline) }
        #expect(same?.key == "investments")
        #expect(same?.problem.contains("no more than the baseline (incremental investment 0)") == true)
    }

    @Test func aReversedRangeIsRejected() {
        let error = scenarioError { _ = try scenario(Self.replacing("low: 2\n    high: 6", with: "low: 6\n    high: 2")) }
        #expect(error?.key == "inputs.hours_per_week.low")
        #expect(error?.line == 7)
        #expect(error?.problem.contains("low (6) is greater than high (2)") == true)

        let vary = roiError { _ = try VaryRange.parse("hours_per_week=6..2") }
        #expect(vary?.source == "--vary hours_per_week=6..2")
        #expect(vary?.message.contains("from (6) is greater than to (2)") == true)

        let within = roiError { _ = try IntervalText.parse("9..1", option: "--within") }
        #expect(within?.message.contains("reversed") == true)
    }

    @Test func anUnknownInputIsRejectedWithSuggestions() throws {
        let error = scenarioError { _ = try scenario(Self.replacing("hours: hours_per_week * 52", with: "hours: hours_per_wek * 52")) }
        #expect(error?.key == "investments[1] \"Uren\".hours")
        #expect(error?.line == 18)
        #expect(error?.column == 12)  // `hours_per_wek` starts right after `    hours: `
        #expect(error?.problem == "unknown input `hours_per_wek`; did you mean `hours_per_week`?")

        let model = CompiledScenario(try scenario(Self.valid))
        let seek = roiError { _ = try WhatIf.goalSeek(model, input: "realisation", target: 0) }
        #expect(seek?.message.contains("did you mean `realisation_factor`?") == true)
        let vary = roiError { _ = try WhatIf.vary(model, try VaryRange.parse("rates=40..60")) }
        #expect(vary?.message.contains("did you mean `rate`?") == true)
    }

    @Test func aStepOfZeroIsRejected() {
        let error = roiError { _ = try VaryRange.parse("rate=40..60:0") }
        #expect(error?.source == "--vary rate=40..60:0")
        #expect(error?.message.contains("step of 0") == true)
        #expect(roiError { _ = try VaryRange.parse("rate=40..60:-5") }?.message.contains("negative") == true)
    }

    @Test func aRealisationFactorOutsideZeroToOneIsRejected() {
        let fixed = scenarioError { _ = try scenario(Self.replacing("realisation: realisation_factor", with: "realisation: 1.2")) }
        #expect(fixed?.key == "returns[1] \"Tijdwinst\".realisation")
        #expect(fixed?.line == 26)
        #expect(fixed?.problem.contains("must lie within 0…1") == true)

        let high = scenarioError { _ = try scenario(Self.replacing("high: 0.8", with: "high: 1.5")) }
        #expect(high?.key == "returns[1] \"Tijdwinst\".realisation")
        #expect(high?.problem.contains("realisation_factor = 1.5 (its high)") == true)
    }

    @Test func otherMistakesNameTheirField() {
        let cases: [(String, String, String, String)] = [
            ("hourly_rate: rate", "hourly_rte: rate", "investments[1] \"Uren\"", "unknown key `hourly_rte`; did you mean `hourly_rate`?"),
            ("kind: staff_hours", "kind: contact_shift", "investments[1] \"Uren\".kind", "belongs under returns"),
            ("kind: staff_hours", "kind: staf_hours", "investments[1] \"Uren\".kind", "did you mean `staff_hours`?"),
            ("    timing: yearly\n    hours: hours", "    hours: hours", "investments[1] \"Uren\"", "missing `timing`"),
            ("horizon: 2", "horizon: 0", "horizon", "from 1 to 100"),
            ("discount_rate: 0.05", "discount_rate: 5", "discount_rate", "write 0.04 or 4% for 4 %"),
            ("rate: 50", "rate: 5,50", "inputs.rate", "use a decimal point"),
            ("value: 0.5", "value: 0.9", "inputs.realisation_factor.value", "outside its range"),
            ("high: 6", "high: 6\n    distribution: normal", "inputs.hours_per_week.sd", "needs `sd`"),
        ]
        for (old, new, field, message) in cases {
            let error = scenarioError { _ = try scenario(Self.replacing(old, with: new)) }
            #expect(error?.key == field, "\(new)")
            #expect(error?.problem.contains(message) == true, "\(new): \(error?.description ?? "no error")")
            #expect(error?.file == "test.yaml")
            #expect(error?.line != nil)
        }
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() {
        let error = scenarioError { _ = try scenario("scenario: x\nhorizon: [1, 2\n") }
        #expect(error?.line != nil)
        #expect(error?.problem.hasPrefix("not valid YAML") == true)
    }

    @Test func theDescriptionNamesFileLineColumnAndField() {
        let error = ROIError(source: "Scenarios/a.yaml", line: 12, column: 5, field: "inputs.x", message: "expected a number")
        #expect(error.description == "Scenarios/a.yaml, line 12, column 5, inputs.x: expected a number")
    }

    @Test func emptyListsAndAnEmptyBaselineAreAllowed() throws {
        let read = try scenario("""
            scenario: Leeg
            horizon: 1
            inputs:
            investments:
              - { name: Tool, kind: licence, timing: once, amount: 10 }
            returns:
            baseline:
            """)
        #expect(read.inputs.isEmpty)
        #expect(read.items.map(\.name) == ["Tool"])
        // ROI = (0 − 10) / 10 = −1.
        #expect(Evaluator(CompiledScenario(read)).evaluate([]).roi == -1)
    }

    @Test func unusedInputsAreWarnedAbout() throws {
        let read = try scenario(Self.replacing("  rate: 50", with: "  rate: 50\n  spare: 1"))
        #expect(read.warnings == ["test.yaml:10: input `spare` is not used by any investment or return"])
    }
}
