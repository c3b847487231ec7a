import Testing
@testable import ROI

/// Afschrijving: an asset's purchase is the cash flow, straight-line depreciation is shown beside
/// it, and the book value left when the horizon ends counts as a return then.
@Suite struct DepreciationTests {
    static let server = """
        scenario: Server
        horizon: 3
        inputs:
          price: 10000
          savings: 3000
        investments:
          - name: Server
            kind: asset
            timing: once
            amount: price
            life: 4
            residual_value: 2000
        returns:
          - { name: Besparing, kind: other, timing: yearly, amount: savings }
        """

    @Test func theBookValueAtTheHorizonIsAReturn() throws {
        let model = try compiled(Self.server, discountRate: 0.10)
        let breakdown = Evaluator(model).breakdown(model.baseValues)
        // Depreciation (10000 − 2000) / 4 = 2000 a year in years 1–4; the horizon ends after 3 of
        // them: book value 10000 − 3 × 2000 = 4000, a return in year 3.
        #expect(model.entries.map(\.name) == ["Server", "Server (afschrijving)", "Server (restwaarde)", "Besparing"])
        #expect(breakdown.years.map(\.incrementalDepreciation) == [0, 2000, 2000, 2000])
        #expect(breakdown.years.map(\.incrementalInvestment) == [10000, 0, 0, 0])
        #expect(breakdown.years.map(\.incrementalReturns) == [0, 3000, 3000, 7000])
        let metrics = breakdown.metrics
        // ΔI = 10000, ΔR = 3 × 3000 + 4000 = 13000, ROI = 3000 / 10000 = 30 %.
        #expect(metrics.investment == 10000)
        #expect(metrics.returns == 13000)
        #expect(metrics.roi == 0.3)
        // NPV at 10 % = −10000 + 3000/1.1 + 3000/1.21 + 7000/1.331 = −10000 + 2727.273 + 2479.339 + 5259.204 = 465.815.
        #expect(abs(metrics.npv - 465.815) < 0.001)
        // Cumulative −10000, −7000, −4000, +3000: paid back during year 3, 2 + 4000/7000 = 2.571 years.
        #expect(metrics.payback == 2 + 4000.0 / 7000.0)
    }

    @Test func aLifeWithinTheHorizonReturnsTheResidualValueAtItsEnd() throws {
        let model = try compiled(Self.server.replacingOccurrences(of: "horizon: 3", with: "horizon: 6"))
        let breakdown = Evaluator(model).breakdown(model.baseValues)
        // Written off in years 1–4; the residual 2000 comes back at the end of year 4.
        #expect(breakdown.years.map(\.incrementalDepreciation) == [0, 2000, 2000, 2000, 2000, 0, 0])
        #expect(breakdown.years.map(\.incrementalReturns) == [0, 3000, 3000, 3000, 5000, 3000, 3000])
        // Without a residual value nothing comes back.
        let plain = try compiled(Self.server.replacingOccurrences(of: "horizon: 3", with: "horizon: 6")
            .replacingOccurrences(of: "    residual_value: 2000\n", with: ""))
        #expect(plain.entries.map(\.name) == ["Server", "Server (afschrijving)", "Besparing"])
        #expect(Evaluator(plain).breakdown(plain.baseValues).years.map(\.incrementalDepreciation) == [0, 2500, 2500, 2500, 2500, 0, 0])
    }

    @Test func assetRulesAreChecked() {
        let noLife = scenarioError { _ = try scenario(Self.server.replacingOccurrences(of: "    life: 4\n", with: "")) }
        #expect(noLife?.problem.hasPrefix("missing `life`") == true)
        let yearly = scenarioError { _ = try scenario(Self.server.replacingOccurrences(of: "timing: once", with: "timing: yearly")) }
        #expect(yearly?.key == "investments[1] \"Server\".timing")
        let residual = scenarioError { _ = try scenario(Self.server.replacingOccurrences(of: "residual_value: 2000", with: "residual_value: 12000")) }
        #expect(residual?.problem == "the residual value `12000` exceeds the amount `price` by 2000 at the inputs' values; expected 0 ≤ residual_value ≤ amount")
        #expect(residual?.line == 12)  // the residual_value line
        let stray = scenarioError { _ = try scenario(Self.server.replacingOccurrences(of: "kind: asset", with: "kind: licence")) }
        #expect(stray?.problem.contains("`life`") == true)
        #expect(scenarioError { _ = try scenario(Self.server.replacingOccurrences(of: "life: 4", with: "life: 0")) }?.key == "investments[1] \"Server\".life")
    }

    @Test func aWhatIfMayNotPushTheResidualAboveTheAmount() throws {
        let model = try compiled(Self.server)
        let error = roiError { _ = try WhatIf.vary(model, try VaryRange.parse("price=1.000..10.000:1.000")) }
        #expect(error?.message == "at price = 1000: the residual value of \"Server\" would exceed its amount by 1000; it must not; expected values the scenario allows")
    }

    @Test func theReportAndTheExportShowDepreciation() throws {
        let model = try compiled(Self.server, discountRate: 0.10)
        let text = ROIReport.text(try ROIAnalysis(model: model))
        #expect(text.contains("Δ depreciation"))
        #expect(text.contains("scenario  depreciation  Server (afschrijving)  asset  yearly, years 1–3"))
        let json = ModelExport.json(model).text
        #expect(json.contains("\"flow\": \"depreciation\""))
        #expect(json.contains("\"rule\": \"residualAtMostAmount\""))
    }
}
