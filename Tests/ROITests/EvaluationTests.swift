import Testing
@testable import ROI

/// ROI, the increment to the baseline, payback and NPV against cases worked out by hand.
@Suite struct EvaluationTests {
    @Test func roiIsMeeropbrengstenMinusInvesteringOverInvestering() throws {
        let result = try metrics("""
            scenario: ROI
            horizon: 1
            investments:
              - { name: Tool, kind: licence, timing: once, amount: 1000 }
            returns:
              - { name: Besparing, kind: contact_shift, timing: yearly, contacts: 500, cost_difference: 3 }
            """)
        // Returns 500 × 3 = 1500; ROI = (1500 − 1000) / 1000 = 0.5.
        #expect(result.investment == 1000)
        #expect(result.returns == 1500)
        #expect(result.roi == 0.5)
    }

    static let beatsBaseline = """
        scenario: Negative ROI that beats niets doen
        horizon: 2
        inputs:
          rate: 50
        investments:
          - { name: Training, kind: training, timing: once, amount: 1000 }
          - { name: Webcare, kind: staff_hours, timing: yearly, hours: 10, hourly_rate: rate }
        returns:
          - { name: Contacten, kind: contact_shift, timing: yearly, contacts: 300, cost_difference: 3 }
        baseline:
          investments:
            - { name: Telefoon, kind: contact_handling, timing: yearly, contacts: 200, cost_per_contact: 4 }
          returns:
            - { name: Iets, kind: other, timing: yearly, amount: 100 }
        """

    @Test func theIncrementToTheBaselineCanBeatNietsDoenDespiteANegativeOwnROI() throws {
        let model = try compiled(Self.beatsBaseline)
        let breakdown = Evaluator(model).breakdown(model.baseValues)
        // Scenario: I = 1000 + 2 × (10 × 50) = 2000, R = 2 × (300 × 3) = 1800,
        // own ROI = (1800 − 2000) / 2000 = −0.1: negative.
        #expect(breakdown.scenario == .init(investment: 2000, returns: 1800))
        #expect(breakdown.scenario.roi == -0.1)
        // Baseline: I = 2 × (200 × 4) = 1600, R = 2 × 100 = 200, own ROI = (200 − 1600) / 1600 = −0.875.
        #expect(breakdown.baseline == .init(investment: 1600, returns: 200))
        #expect(breakdown.baseline.roi == -0.875)
        // Increment: ΔI = 2000 − 1600 = 400, ΔR = 1800 − 200 = 1600, ROI = (1600 − 400) / 400 = 3.
        #expect(breakdown.metrics.investment == 400)
        #expect(breakdown.metrics.returns == 1600)
        #expect(breakdown.metrics.roi == 3)
        // Net: scenario −200 beats baseline −1400 by 1200.
        #expect(breakdown.metrics.net == 1200)
        #expect(ROIReport.verdict(breakdown).contains("own ROI is negative (-10.0%), yet it beats niets doen by 1200"))
        // Per year: year 0 has only the training; years 1 and 2 have ΔI = 500 − 800 = −300, ΔR = 900 − 100 = 800.
        #expect(breakdown.years.map(\.incrementalInvestment) == [1000, -300, -300])
        #expect(breakdown.years.map(\.incrementalReturns) == [0, 800, 800])
        #expect(breakdown.years.map(\.net) == [-1000, 1100, 1100])
    }

    static let payback = """
        scenario: Payback
        horizon: 3
        discount_rate: 0.10
        investments:
          - { name: Start, kind: integration, timing: once, amount: 1000 }
        returns:
          - { name: Besparing, kind: other, timing: yearly, amount: 400 }
        """

    @Test func paybackIsInterpolatedWithinTheYearItFallsIn() throws {
        // Net: −1000 (year 0), +400, +400, +400. Cumulative: −1000, −600, −200, +200.
        // The last negative cumulative is year 2 (−200); year 3 brings 400, accruing evenly:
        // payback = 2 + 200 / 400 = 2.5 years.
        let result = try metrics(Self.payback)
        #expect(result.payback == 2.5)
        // ROI ignores timing: (1200 − 1000) / 1000 = 0.2.
        #expect(abs((result.roi ?? .nan) - 0.2) < 1e-15)
    }

    @Test func paybackNotWithinTheHorizonAndAfterADip() throws {
        // Horizon 2: cumulative −1000, −600, −200: never paid back.
        let short = try metrics(Self.payback.replacingOccurrences(of: "horizon: 3", with: "horizon: 2"))
        #expect(short.payback == nil)

        // A reinvestment of 1000 at the end of year 2 pushes the cumulative below 0 again:
        // net −1000, +1500, −600, +400 → cumulative −1000, 500, −100, 300.
        // Payback counts from the last time it is negative: 2 + 100 / 400 = 2.25 years.
        let dip = try metrics("""
            scenario: Dip
            horizon: 3
            investments:
              - { name: Start, kind: integration, timing: once, amount: 1000 }
              - { name: Vervanging, kind: integration, timing: once, year: 2, amount: 1000 }
            returns:
              - { name: Besparing, kind: other, timing: yearly, amount: 400 }
              - { name: Subsidie, kind: other, timing: once, year: 1, amount: 1100 }
            """)
        #expect(dip.payback == 2.25)

        // Never negative: paid back at once.
        let never = try metrics("""
            scenario: Free
            horizon: 1
            investments:
              - { name: Tool, kind: licence, timing: yearly, amount: 100 }
            returns:
              - { name: Besparing, kind: other, timing: yearly, amount: 400 }
            """)
        #expect(never.payback == 0)
    }

    @Test func npvDiscountsEachYearsNetFlowAtTheEndOfTheYear() throws {
        // NPV = −1000 + 400/1.1 + 400/1.1² + 400/1.1³ = −1000 + 363.636 + 330.579 + 300.526 = −5.259.
        let expected = -1000 + 400 / 1.1 + 400 / 1.21 + 400 / 1.331
        let result = try metrics(Self.payback)
        #expect(abs(result.npv - expected) < 1e-9)
        #expect(Format.money(result.npv) == "-5")
        // At 0 % the NPV is the plain net: −1000 + 3 × 400 = 200 (the CLI's --discount-rate).
        #expect(try metrics(Self.payback, discountRate: 0).npv == 200)
        // Positive ROI (20 %) with a negative NPV: ROI ignores timing, NPV does not.
        #expect(result.npv < 0)
    }

    @Test func discountFactorsAreRepeatedMultiplication() {
        let factors = CompiledScenario.discountFactors(rate: 0.04, horizon: 3)
        #expect(factors == [1, 1 / 1.04, 1 / (1.04 * 1.04), 1 / (1.04 * 1.04 * 1.04)])
    }

    @Test func itemsFallInTheirYears() throws {
        let model = try compiled("""
            scenario: Timing
            horizon: 4
            investments:
              - { name: Nu, kind: training, timing: once, amount: 1 }
              - { name: Jaar 3, kind: training, timing: once, year: 3, amount: 10 }
              - { name: Jaar 2 tot 3, kind: maintenance, timing: yearly, from: 2, to: 3, amount: 100 }
              - { name: Elk jaar, kind: licence, timing: yearly, amount: 1000 }
            returns:
              - { name: R, kind: other, timing: yearly, amount: 1 }
            """)
        // Year 0: the one-off now; year 3 also the one-off in year 3; years 2–3 the maintenance.
        let years = Evaluator(model).breakdown(model.baseValues).years
        #expect(years.map(\.scenarioInvestment) == [1, 1000, 1100, 1110, 1000])
    }

    @Test func theExampleScenariosReadWithoutWarnings() throws {
        let paths = try exampleScenarioPaths()
        #expect(paths.count >= 4)
        for path in paths {
            let read = try ScenarioLoader.load(path: path)
            #expect(read.warnings.isEmpty, "\(path): \(read.warnings)")
            #expect(read.note?.contains("Illustratief") == true, "\(path) should say it is illustrative")
            #expect(CompiledScenario(read).scenario.items.isEmpty == false)
        }
    }

    @Test func reportsAreDeterministic() throws {
        for path in try exampleScenarioPaths() {
            let model = CompiledScenario(try ScenarioLoader.load(path: path))
            var first = try ROIAnalysis(model: model)
            first.tornado = try WhatIf.tornado(model)
            first.monteCarlo = try MonteCarlo.run(model, samples: 2000, seed: 9)
            var second = try ROIAnalysis(model: model)
            second.tornado = try WhatIf.tornado(model)
            second.monteCarlo = try MonteCarlo.run(model, samples: 2000, seed: 9)
            #expect(ROIReport.text(first) == ROIReport.text(second))
            #expect(ROIReport.json(first).text == ROIReport.json(second).text)
            #expect(ROIReport.text(first).contains("ROI ignores duration and timing"))
        }
    }
}
