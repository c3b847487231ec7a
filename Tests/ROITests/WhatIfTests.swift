import Testing
@testable import ROI

@Suite struct WhatIfTests {
    /// ROI = (contacts × difference − 1000) / 1000 over one year.
    static let linear = """
        scenario: Linear
        horizon: 1
        inputs:
          contacts:
            value: 200
            low: 0
            high: 1000
          difference:
            value: 4
            low: 1
            high: 8
        investments:
          - { name: Tool, kind: licence, timing: once, amount: 1000 }
        returns:
          - { name: Verschuiving, kind: contact_shift, timing: yearly, contacts: contacts, cost_difference: difference }
        """

    @Test func varyOneInputGivesROINPVAndPaybackPerValue() throws {
        let rows = try WhatIf.vary(try compiled(Self.linear), try VaryRange.parse("contacts=100..300:100"))
        #expect(rows.map(\.value) == [100, 200, 300])
        // ROI = (c × 4 − 1000) / 1000: −0.6, −0.2, 0.2.
        #expect(rows.map { $0.metrics.roi ?? .nan } == [-0.6, -0.2, 0.2])
        // Payback for c = 300: cumulative −1000 then +200; 0 + 1000 / 1200 years.
        #expect(rows[2].metrics.payback == 1000.0 / 1200.0)
        #expect(rows[0].metrics.payback == nil)
    }

    @Test func rangesWithoutAStepGiveElevenValues() throws {
        let values = try VaryRange.parse("x=0..1").values()
        #expect(values.count == 11)
        #expect(values.first == 0)
        #expect(values.last == 1)
        #expect(values[3] == 0.3)
        // 0.1 steps do not accumulate error: each value is from + i × step.
        #expect(try VaryRange.parse("x=0..0.3:0.1").values() == [0, 0.1, 0.2, 0.30000000000000004])
        #expect(roiError { _ = try VaryRange.parse("x=0..1000000:1") }?.message.contains("at most 1001") == true)
    }

    @Test func twoWayTableHoldsEveryCombination() throws {
        let model = try compiled(Self.linear)
        let table = try WhatIf.twoWay(model, rows: try VaryRange.parse("contacts=100..300:100"),
                                      columns: try VaryRange.parse("difference=2..6:2"))
        #expect(table.rowValues == [100, 200, 300])
        #expect(table.columnValues == [2, 4, 6])
        // ROI = (c × d − 1000) / 1000:
        //   c = 100: 200, 400, 600     → −0.8, −0.6, −0.4
        //   c = 200: 400, 800, 1200    → −0.6, −0.2,  0.2
        //   c = 300: 600, 1200, 1800   → −0.4,  0.2,  0.8
        let expected: [[Double]] = [[-0.8, -0.6, -0.4], [-0.6, -0.2, 0.2], [-0.4, 0.2, 0.8]]
        for (row, expectedRow) in zip(table.cells, expected) {
            for (cell, value) in zip(row, expectedRow) {
                #expect(abs((cell.roi ?? .nan) - value) < 1e-12)
            }
        }
        let text = ROIReport.twoWayTable(table, scenario: model.scenario)
        #expect(text.contains("contacts \\ difference"))
        #expect(text.contains("-80.0%"))
        #expect(roiError { _ = try WhatIf.twoWay(try compiled(Self.linear), rows: try VaryRange.parse("contacts=1..2"), columns: try VaryRange.parse("contacts=1..2")) } != nil)
    }

    @Test func tornadoSortsBySwingThenName() throws {
        // Returns a + 10 b + 5 c against an investment of 1000, so a swing on ROI is
        // coefficient × (high − low) / 1000:
        //   a: 1 × 100 / 1000 = 0.1;  b: 10 × 20 / 1000 = 0.2;  c: 5 × 20 / 1000 = 0.1 (ties with a: by name).
        //   d has no range and is left out.
        let model = try compiled("""
            scenario: Tornado
            horizon: 1
            inputs:
              c: { value: 10, low: 0, high: 20 }
              a: { value: 100, low: 50, high: 150 }
              d: 7
              b: { value: 100, low: 90, high: 110 }
            investments:
              - { name: Tool, kind: licence, timing: once, amount: 1000 }
            returns:
              - { name: Mix, kind: other, timing: yearly, amount: a + 10 * b + 5 * c + d }
            """)
        let bars = try WhatIf.tornado(model)
        #expect(bars.map(\.input) == ["b", "a", "c"])
        #expect(abs((bars[0].swing ?? 0) - 0.2) < 1e-12)
        #expect(abs((bars[1].swing ?? 0) - 0.1) < 1e-12)
        #expect(abs((bars[2].swing ?? 0) - 0.1) < 1e-12)
        // b at 90: returns 100 + 900 + 50 + 7 = 1057 → ROI 0.057.
        #expect(abs((bars[0].atLow.roi ?? .nan) - 0.057) < 1e-12)
    }

    @Test func goalSeekFindsALinearRootWithin1e9() throws {
        // ROI = (4c − 1000) / 1000 = 0 ⇔ c = 250; ROI = 0.5 ⇔ c = 375.
        let model = try compiled(Self.linear)
        let breakEven = try WhatIf.goalSeek(model, input: "contacts", target: 0)
        #expect(abs(breakEven.value - 250) < 1e-9)
        #expect(abs(try WhatIf.goalSeek(model, input: "contacts", target: 0.5).value - 375) < 1e-9)
        // NPV at 0 %: 4c − 1000 = 2000 ⇔ c = 750.
        #expect(abs(try WhatIf.goalSeek(model, input: "contacts", target: 2000, metric: .npv).value - 750) < 1e-9)
    }

    @Test func goalSeekFindsANonlinearRootWithin1e9() throws {
        // Returns x · x against 1000: ROI = (x² − 1000) / 1000 = 0 ⇔ x = √1000 = 31.6227766…
        let model = try compiled("""
            scenario: Quadratic
            horizon: 1
            inputs:
              x: { value: 10, low: 0, high: 100 }
            investments:
              - { name: Tool, kind: licence, timing: once, amount: 1000 }
            returns:
              - { name: Kwadraat, kind: contact_shift, timing: yearly, contacts: x, cost_difference: x }
            """)
        let result = try WhatIf.goalSeek(model, input: "x", target: 0)
        #expect(abs(result.value - 1000.0.squareRoot()) < 1e-9)
        #expect(!result.moreThanOneCrossing)
    }

    @Test func goalSeekSaysWhenThereIsNoRoot() throws {
        // ROI ranges from (0 − 1000) / 1000 = −1 (c = 0) to (4000 − 1000) / 1000 = 3 (c = 1000);
        // 10 (1000 %) is never reached.
        let error = roiError { _ = try WhatIf.goalSeek(try compiled(Self.linear), input: "contacts", target: 10) }
        #expect(error?.message == "no root: ROI stays between -100.0% and 300.0% for contacts in 0…1000 and never reaches the target 1000.0%; widen the range with --within from..to")
        // --within widens it: 4c − 1000 = 10 000 ⇔ c = 2750.
        let widened = try WhatIf.goalSeek(try compiled(Self.linear), input: "contacts", target: 10, within: 0...5000)
        #expect(abs(widened.value - 2750) < 1e-9)
    }

    @Test func goalSeekTargetsAreReadAsFractionsOrPercentages() throws {
        #expect(try WhatIf.parseTarget("25%", metric: .roi) == 0.25)
        #expect(try WhatIf.parseTarget("0.25", metric: .roi) == 0.25)
        #expect(try WhatIf.parseTarget("-5000", metric: .npv) == -5000)
        #expect(roiError { _ = try WhatIf.parseTarget("10%", metric: .npv) } != nil)
        #expect(roiError { _ = try WhatIf.parseTarget("veel", metric: .roi) } != nil)
    }

    @Test func brentConvergesOnAStandardCase() {
        // x³ − 2x − 5 = 0 has its real root at 2.0945514815423265.
        let root = RootFinder.brent(a: 2, b: 3, fa: -1, fb: 16, tolerance: 1e-12) { $0 * $0 * $0 - 2 * $0 - 5 }
        #expect(abs(root - 2.0945514815423265) < 1e-12)
    }
}
