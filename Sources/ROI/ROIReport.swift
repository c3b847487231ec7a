import Support

/// Everything `meetlat roi` computed for one scenario: the base evaluation and the what-ifs asked for.
public struct ROIAnalysis: Sendable {
    public var model: CompiledScenario
    public var breakdown: Breakdown
    public var vary: (range: VaryRange, rows: [WhatIf.VaryRow])?
    public var twoWay: WhatIf.TwoWayTable?
    public var tornado: [WhatIf.TornadoBar]?
    public var goalSeek: WhatIf.GoalSeekResult?
    public var monteCarlo: MonteCarlo.Result?

    /// The base evaluation at the inputs' values. Throws when its totals are not finite (the
    /// loader refuses such files; a `--discount-rate` close to −100 % can still get there).
    public init(model: CompiledScenario) throws {
        self.model = model
        self.breakdown = Evaluator(model).breakdown(model.baseValues)
        guard breakdown.metrics.isFinite else {
            throw ROIError(source: model.scenario.source, message: "at discount rate \(Rounding.shortest(model.discountRate)) the NPV or the totals are not finite numbers; expected a rate and amounts of a realistic size")
        }
    }
}

/// Renders an `ROIAnalysis` as text for people or as JSON for programs.
public enum ROIReport {
    public static let format = "meetlat-roi-result/1"

    public static let timingNote = "Timing: year 0 is the start (one-off items in year 0); every other amount falls at the end of its year."
    public static let depreciationNote = """
        Assets: the purchase is the cash flow; depreciation (straight-line over the life, shown in the column \
        "Δ depreciation") is not. The book value left when the horizon ends (or the residual value when the \
        life ends first) counts as a return in that year, so it enters ROI, NPV and terugverdientijd.
        """
    public static let durationNote = """
        ROI ignores duration and timing: a euro in year 5 counts as much as one in year 0. \
        NPV discounts each year's net flow; terugverdientijd shows when the cumulative net turns positive for good.
        """

    // MARK: Text

    public static func text(_ analysis: ROIAnalysis) -> String {
        var sections = [header(analysis), items(analysis), yearTable(analysis), summary(analysis)]
        let scenario = analysis.model.scenario
        if let vary = analysis.vary { sections.append(varyTable(vary.range, vary.rows, scenario: scenario)) }
        if let table = analysis.twoWay { sections.append(twoWayTable(table, scenario: scenario)) }
        if let bars = analysis.tornado { sections.append(tornado(bars, base: analysis.breakdown.metrics, scenario: scenario)) }
        if let goal = analysis.goalSeek { sections.append(goalSeek(goal, scenario: scenario)) }
        if let result = analysis.monteCarlo { sections.append(monteCarlo(result)) }
        return sections.joined(separator: "\n")
    }

    static func header(_ analysis: ROIAnalysis) -> String {
        let scenario = analysis.model.scenario
        var lines = ["Scenario: \(scenario.name)"]
        if let gemeente = scenario.gemeente { lines.append("Gemeente: \(gemeente)") }
        if let note = scenario.note { lines.append("Note: \(note)") }
        lines.append("Baseline (niets doen): \(scenario.baselineDescription ?? "no costs and no returns")")
        lines.append("File: \(scenario.source)")
        lines.append("Horizon: \(scenario.horizon) years; discount rate \(Format.percent(analysis.model.discountRate)) a year (for NPV).")
        lines.append(timingNote)
        return lines.joined(separator: "\n") + "\n"
    }

    static func timingText(_ timing: Timing) -> String {
        switch timing {
        case .once(let year): return year == 0 ? "once, year 0" : "once, year \(year)"
        case .yearly(let from, let to): return from == to ? "yearly, year \(from)" : "yearly, years \(from)–\(to)"
        }
    }

    static func items(_ analysis: ROIAnalysis) -> String {
        var table = TextTable(header: ["side", "flow", "item", "kind", "timing", "amount each", "total"],
                              alignments: [.left, .left, .left, .left, .left, .right, .right])
        for (entry, amount) in zip(analysis.model.entries, analysis.breakdown.itemAmounts) {
            let occurrences = Double(entry.years.count)
            let timing: Timing = entry.role == .depreciation ? .yearly(from: entry.years.lowerBound, to: entry.years.upperBound)
                : analysis.model.items[entry.item].timing.years == entry.years ? analysis.model.items[entry.item].timing : .once(year: entry.years.lowerBound)
            table.append([entry.side.rawValue, entry.role.rawValue, entry.name, entry.kind.rawValue, timingText(timing),
                          Format.money(amount), Format.money(amount * occurrences)])
        }
        var text = "Items at the inputs' values (euro; amount = product of the item's fields)\n" + table.render()
        if analysis.model.entries.contains(where: { $0.role == .depreciation }) {
            text += depreciationNote + "\n"
        }
        return text
    }

    static func yearTable(_ analysis: ROIAnalysis) -> String {
        // The depreciation column only when the scenario has an asset.
        let depreciation = analysis.model.entries.contains { $0.role == .depreciation }
        var table = TextTable(
            header: ["year", "scen. invest.", "scen. returns", "base invest.", "base returns", "Δ invest.", "Δ returns", "net", "cumulative", "discount", "present value"]
                + (depreciation ? ["Δ depreciation"] : []),
            alignments: [.right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right] + (depreciation ? [.right] : [])
        )
        for year in analysis.breakdown.years {
            table.append([
                String(year.year), Format.money(year.scenarioInvestment), Format.money(year.scenarioReturns),
                Format.money(year.baselineInvestment), Format.money(year.baselineReturns),
                Format.money(year.incrementalInvestment), Format.money(year.incrementalReturns), Format.money(year.net),
                Format.money(year.cumulativeNet), Format.fixed(year.discountFactor, decimals: 4), Format.money(year.presentValue),
            ] + (depreciation ? [Format.money(year.incrementalDepreciation)] : []))
        }
        let scenario = analysis.breakdown.scenario, baseline = analysis.breakdown.baseline, metrics = analysis.breakdown.metrics
        table.append([
            "total", Format.money(scenario.investment), Format.money(scenario.returns), Format.money(baseline.investment),
            Format.money(baseline.returns), Format.money(metrics.investment), Format.money(metrics.returns), Format.money(metrics.net),
            "", "", Format.money(metrics.npv),
        ] + (depreciation ? [Format.money(analysis.breakdown.years.reduce(0) { $0 + $1.incrementalDepreciation })] : []))
        return "Cash flows per year (euro; Δ = scenario − baseline)\n" + table.render()
    }

    static func summary(_ analysis: ROIAnalysis) -> String {
        let breakdown = analysis.breakdown
        let metrics = breakdown.metrics
        var table = TextTable(header: ["", "investment", "returns", "net", "ROI"], alignments: [.left, .right, .right, .right, .right])
        for (label, totals) in [("scenario", breakdown.scenario), ("baseline (niets doen)", breakdown.baseline)] {
            table.append([label, Format.money(totals.investment), Format.money(totals.returns), Format.money(totals.net), Format.percent(totals.roi)])
        }
        table.append(["increment (scenario − baseline)", Format.money(metrics.investment), Format.money(metrics.returns),
                      Format.money(metrics.net), Format.percent(metrics.roi)])
        var lines = ["Totals over the horizon (undiscounted, euro)", table.render().trimmingTrailingNewline()]
        lines.append("")
        lines.append("ROI = (meeropbrengsten − investering) / investering on the increment")
        lines.append("    = (\(Format.money(metrics.returns)) − \(Format.money(metrics.investment))) / \(Format.money(metrics.investment)) = \(Format.percent(metrics.roi))")
        lines.append("NPV at \(Format.percent(analysis.model.discountRate)) = \(Format.money(metrics.npv))")
        lines.append("Terugverdientijd (payback) = \(Format.years(metrics.payback))")
        lines.append(verdict(breakdown))
        lines.append(durationNote)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the scenario beats niets doen, and the chapter's point that a negative ROI of
    /// its own can still be the better choice.
    static func verdict(_ breakdown: Breakdown) -> String {
        let net = breakdown.metrics.net
        if net > 0 {
            if let own = breakdown.scenario.roi, own < 0 {
                return "The scenario's own ROI is negative (\(Format.percent(own))), yet it beats niets doen by \(Format.money(net)): doing nothing does worse."
            }
            return "The scenario beats niets doen by \(Format.money(net)) over the horizon (undiscounted)."
        }
        if net < 0 { return "Niets doen beats the scenario by \(Format.money(-net)) over the horizon (undiscounted)." }
        return "The scenario and niets doen come out equal over the horizon (undiscounted)."
    }

    /// An input as the what-ifs name it: its identifier (what `--vary` and `--goal-seek` take),
    /// followed by its label when the scenario gives one: `contacts_moved (Contacten via webcare)`.
    static func inputName(_ name: String, in scenario: Scenario) -> String {
        guard let label = scenario.inputs.first(where: { $0.name == name })?.label else { return name }
        return "\(name) (\(label))"
    }

    static func varyTable(_ range: VaryRange, _ rows: [WhatIf.VaryRow], scenario: Scenario) -> String {
        var table = TextTable(header: [range.input, "ROI", "NPV", "terugverdientijd"], alignments: [.right, .right, .right, .right])
        for row in rows {
            table.append([Format.value(row.value), Format.percent(row.metrics.roi), Format.money(row.metrics.npv), Format.years(row.metrics.payback)])
        }
        return "What-if: \(inputName(range.input, in: scenario)) varied, \(range.option) (other inputs at their values)\n" + table.render()
    }

    static func twoWayTable(_ table: WhatIf.TwoWayTable, scenario: Scenario) -> String {
        var text = TextTable(header: ["\(table.rowInput) \\ \(table.columnInput)"] + table.columnValues.map(Format.value),
                             alignments: [.right] + table.columnValues.map { _ in .right })
        for (value, cells) in zip(table.rowValues, table.cells) {
            text.append([Format.value(value)] + cells.map { Format.percent($0.roi) })
        }
        return "What-if: ROI for \(inputName(table.rowInput, in: scenario)) (rows) × \(inputName(table.columnInput, in: scenario)) (columns), other inputs at their values\n" + text.render()
    }

    static func tornado(_ bars: [WhatIf.TornadoBar], base: Metrics, scenario: Scenario) -> String {
        let widest = bars.compactMap(\.swing).max() ?? 0
        let labels = Dictionary(scenario.inputs.compactMap { input in input.label.map { (input.name, $0) } }) { first, _ in first }
        // A label column when the scenario labels its inputs; the identifier stays first (what --vary takes).
        let labelled = bars.contains { labels[$0.input] != nil }
        var table = TextTable(header: ["input"] + (labelled ? ["label"] : []) + ["low", "high", "ROI at low", "ROI at high", "swing", ""],
                              alignments: [.left] + (labelled ? [.left] : []) + [.right, .right, .right, .right, .right, .left])
        for bar in bars {
            let length = widest > 0 ? Int(((bar.swing ?? 0) / widest * 30).rounded()) : 0
            table.append([bar.input] + (labelled ? [labels[bar.input] ?? ""] : [])
                + [Format.value(bar.low), Format.value(bar.high), Format.percent(bar.atLow.roi),
                   Format.percent(bar.atHigh.roi), bar.swing.map { Format.fixed($0 * 100, decimals: 1) + " pp" } ?? "n/a",
                   String(repeating: "#", count: length)])
        }
        return "Tornado: each input at its low and high, others at their values; base ROI \(Format.percent(base.roi)); sorted by swing\n" + table.render()
    }

    static func goalSeek(_ result: WhatIf.GoalSeekResult, scenario: Scenario) -> String {
        let label = result.metric == .roi ? "ROI" : "NPV"
        let target = result.metric == .roi ? Format.percent(result.target) : Format.money(result.target)
        var lines = ["Goal seek: \(label) reaches \(target) at \(inputName(result.input, in: scenario)) = \(Format.value(result.value))"]
        lines.append("  searched \(Format.value(result.searched.lowerBound))…\(Format.value(result.searched.upperBound)), Brent's method to \(Format.value(WhatIf.goalTolerance))")
        lines.append("  there: ROI \(Format.percent(result.metrics.roi)), NPV \(Format.money(result.metrics.npv)), terugverdientijd \(Format.years(result.metrics.payback))")
        if result.moreThanOneCrossing {
            lines.append("  \(label) crosses the target more than once in this range; this is the lowest value.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func monteCarlo(_ result: MonteCarlo.Result) -> String {
        var lines = ["Monte Carlo: \(result.samples) samples, seed \(result.seed), xoshiro256**; varied (drawn in this order): \(result.varied.joined(separator: ", "))"]
        var table = TextTable(header: ["", "mean", "sd", "P5", "P50", "P95", "P(> 0)"], alignments: [.left, .right, .right, .right, .right, .right, .right])
        if let roi = result.roi {
            table.append(["ROI", Format.percent(roi.mean), Format.percent(roi.standardDeviation), Format.percent(roi.p5),
                          Format.percent(roi.p50), Format.percent(roi.p95), Format.percent(roi.probabilityPositive)])
        }
        let npv = result.npv
        table.append(["NPV", Format.money(npv.mean), Format.money(npv.standardDeviation), Format.money(npv.p5),
                      Format.money(npv.p50), Format.money(npv.p95), Format.percent(npv.probabilityPositive)])
        lines.append(table.render().trimmingTrailingNewline())
        if result.roiUndefined > 0 {
            lines.append("ROI undefined in \(result.roiUndefined) samples (no incremental investment); ROI statistics leave them out.")
        }
        if result.npvUndefined > 0 {
            lines.append("NPV not finite in \(result.npvUndefined) samples (an expression divided by zero); NPV statistics leave them out.")
        }
        lines.append("Paid back within the horizon in \(Format.percent(result.paidBackWithinHorizon)) of samples; terugverdientijd P5 \(Format.years(result.paybackP5)), P50 \(Format.years(result.paybackP50)), P95 \(Format.years(result.paybackP95)).")
        lines.append("Percentiles: linear interpolation between order statistics (type 7, as Excel PERCENTILE.INC).")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    public static func json(_ analysis: ROIAnalysis) -> JSONValue {
        let scenario = analysis.model.scenario
        let breakdown = analysis.breakdown
        var object: [String: JSONValue] = [
            "format": .string(format),
            "scenario": .string(scenario.name),
            "gemeente": .string(scenario.gemeente),
            "note": .string(scenario.note),
            "horizon": .number(Double(scenario.horizon)),
            "discountRate": .number(analysis.model.discountRate),
            "years": .array(breakdown.years.map(yearJSON)),
            "items": .array(zip(analysis.model.entries, breakdown.itemAmounts).map { entry, amount in
                .object(["name": .string(entry.name), "side": .string(entry.side.rawValue), "flow": .string(entry.role.rawValue),
                         "kind": .string(entry.kind.rawValue), "amountEach": .number(amount),
                         "firstYear": .number(Double(entry.years.lowerBound)), "lastYear": .number(Double(entry.years.upperBound))])
            }),
            "scenarioTotals": sideJSON(breakdown.scenario),
            "baselineTotals": sideJSON(breakdown.baseline),
            "increment": metricsJSON(breakdown.metrics),
        ]
        if let vary = analysis.vary {
            object["vary"] = .object([
                "input": .string(vary.range.input),
                "rows": .array(vary.rows.map { .object(["value": .number($0.value), "metrics": metricsJSON($0.metrics)]) }),
            ])
        }
        if let table = analysis.twoWay {
            object["twoWay"] = .object([
                "rowInput": .string(table.rowInput), "columnInput": .string(table.columnInput),
                "rowValues": .array(table.rowValues.map { .number($0) }),
                "columnValues": .array(table.columnValues.map { .number($0) }),
                "roi": .array(table.cells.map { .array($0.map { .number($0.roi) }) }),
                "npv": .array(table.cells.map { .array($0.map { .number($0.npv) }) }),
            ])
        }
        if let bars = analysis.tornado {
            object["tornado"] = .array(bars.map { bar in
                .object(["input": .string(bar.input), "low": .number(bar.low), "high": .number(bar.high),
                         "atLow": metricsJSON(bar.atLow), "atHigh": metricsJSON(bar.atHigh), "swing": .number(bar.swing)])
            })
        }
        if let goal = analysis.goalSeek {
            object["goalSeek"] = .object([
                "input": .string(goal.input), "metric": .string(goal.metric.rawValue), "target": .number(goal.target),
                "value": .number(goal.value), "metrics": metricsJSON(goal.metrics),
                "searchedFrom": .number(goal.searched.lowerBound), "searchedTo": .number(goal.searched.upperBound),
                "moreThanOneCrossing": .bool(goal.moreThanOneCrossing),
            ])
        }
        if let result = analysis.monteCarlo {
            object["monteCarlo"] = .object([
                "samples": .number(Double(result.samples)),
                // A string: seeds are 64-bit and JSON numbers are not.
                "seed": .string(String(result.seed)),
                "varied": .array(result.varied.map { .string($0) }),
                "roi": result.roi.map(summaryJSON) ?? .null,
                "roiUndefined": .number(Double(result.roiUndefined)),
                "npv": summaryJSON(result.npv),
                "npvUndefined": .number(Double(result.npvUndefined)),
                "paidBackWithinHorizon": .number(result.paidBackWithinHorizon),
                "paybackP5": .number(result.paybackP5), "paybackP50": .number(result.paybackP50), "paybackP95": .number(result.paybackP95),
            ])
        }
        return .object(object)
    }

    static func yearJSON(_ year: YearFlow) -> JSONValue {
        .object([
            "year": .number(Double(year.year)),
            "scenarioInvestment": .number(year.scenarioInvestment), "scenarioReturns": .number(year.scenarioReturns),
            "baselineInvestment": .number(year.baselineInvestment), "baselineReturns": .number(year.baselineReturns),
            "incrementalInvestment": .number(year.incrementalInvestment), "incrementalReturns": .number(year.incrementalReturns),
            "net": .number(year.net), "cumulativeNet": .number(year.cumulativeNet),
            "discountFactor": .number(year.discountFactor), "presentValue": .number(year.presentValue),
            "scenarioDepreciation": .number(year.scenarioDepreciation), "baselineDepreciation": .number(year.baselineDepreciation),
            "incrementalDepreciation": .number(year.incrementalDepreciation),
        ])
    }

    static func sideJSON(_ totals: Breakdown.SideTotals) -> JSONValue {
        .object(["investment": .number(totals.investment), "returns": .number(totals.returns), "net": .number(totals.net), "roi": .number(totals.roi)])
    }

    static func metricsJSON(_ metrics: Metrics) -> JSONValue {
        .object([
            "investment": .number(metrics.investment), "returns": .number(metrics.returns), "net": .number(metrics.net),
            "roi": .number(metrics.roi), "npv": .number(metrics.npv), "paybackYears": .number(metrics.payback),
        ])
    }

    static func summaryJSON(_ summary: MonteCarlo.Summary) -> JSONValue {
        .object([
            "count": .number(Double(summary.count)), "mean": .number(summary.mean), "standardDeviation": .number(summary.standardDeviation),
            "p5": .number(summary.p5), "p50": .number(summary.p50), "p95": .number(summary.p95),
            "probabilityPositive": .number(summary.probabilityPositive),
        ])
    }
}

extension String {
    func trimmingTrailingNewline() -> String { hasSuffix("\n") ? String(dropLast()) : self }
}
