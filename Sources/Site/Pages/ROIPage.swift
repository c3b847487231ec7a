import ROI
import Support

/// The ROI calculator: every scenario of `Scenarios/` with its results at the file's values
/// (computed here with the ROI library, readable without JavaScript), and the scenarios'
/// `--export-model` JSON, which `assets/roi.js` evaluates with the formulas of
/// Sources/ROI/ROI.docc/ROI.md when the reader changes an input, reading Dutch numbers by the rules of
/// `Support.DutchNumberText` and refusing what `meetlat roi` refuses (the export's `checks`). The
/// inputs live in the URL's hash, so a calculation can be shared as a link.
struct ROIPage {
    let source: SiteSource
    let scenarios: [ScenarioExport]

    func page() -> Page {
        let source = self.source, scenarios = self.scenarios
        let path = SitePaths.roi
        return Page(path: path, template: "roi") {
            let context: TemplateData = [
                "introHTML": .string(source.html("roi")),
                "scenarios": .list(scenarios.map(Self.scenario)),
                "hasScenarios": .bool(!scenarios.isEmpty),
            ]
            return layoutContext(source, path: path, section: .roi, year: nil).merging(context)
        }
    }

    static func scenario(_ export: ScenarioExport) -> TemplateValue {
        let model = export.model
        let scenario = model.scenario
        let metrics = export.breakdown.metrics
        var context: TemplateData = [
            "id": .string(export.id), "name": .string(scenario.name), "horizon": .number(model.horizon),
            "discountRate": .string(DutchFormat.number(model.discountRate * 100) + " %"),
            // Inside <script type="application/json">: no `<` may end the element early.
            "json": .string(export.exportJSON.replacingOccurrences(of: "<", with: "\\u003c")),
            "inputs": .list(scenario.inputs.map { input in
                // Every key present (empty when unknown): the template never falls back to outer values.
                ["name": .string(input.name), "label": .string(input.displayName), "help": .list(input.help.map { [.string($0)] } ?? []),
                 "value": .string(number(input.value)), "unit": .string(input.unit ?? ""),
                 "source": .string(input.source ?? ""),
                 "range": .string(input.range.map { number($0.lowerBound) + " – " + number($0.upperBound) } ?? "")]
            }),
            "result": .object(result(metrics)),
            "years": .list(export.breakdown.years.map { year in
                ["year": .number(year.year), "investment": .string(euro(year.incrementalInvestment)),
                 "returns": .string(euro(year.incrementalReturns)), "net": .string(euro(year.net)),
                 "cumulative": .string(euro(year.cumulativeNet)), "presentValue": .string(euro(year.presentValue)),
                 "depreciation": .string(euro(year.incrementalDepreciation))]
            }),
            // An asset's depreciation gets a column of its own (shown, not a cash flow).
            "hasDepreciation": .bool(model.entries.contains { $0.role == .depreciation }),
        ]
        if let gemeente = scenario.gemeente { context["gemeente"] = .string(gemeente) }
        if let note = scenario.note { context["note"] = .string(note) }
        if let baseline = scenario.baselineDescription { context["baseline"] = .string(baseline) }
        return .object(context)
    }

    /// ROI, NPV and payback as text, and as numbers (`data-value`, the shortest text that reads
    /// back to the same double) that the calculator and its tests compare.
    static func result(_ metrics: Metrics) -> TemplateData {
        var result: TemplateData = [
            "investment": .string(euro(metrics.investment)), "returns": .string(euro(metrics.returns)),
            "npv": .string(euro(metrics.npv)), "npvValue": .string("\(metrics.npv)"),
        ]
        if let roi = metrics.roi {
            result["roi"] = .string(DutchFormat.percent(roi * 100, decimals: 1))
            result["roiValue"] = .string("\(roi)")
        }
        if let payback = metrics.payback {
            result["payback"] = .string(DutchFormat.decimal(payback, decimals: 1))
            result["paybackValue"] = .string("\(payback)")
        }
        return result
    }

    static func euro(_ value: Double) -> String { "€ " + DutchFormat.decimal(value, decimals: 0) }

    /// A scenario number as Dutch text: whole numbers grouped, fractions with up to four decimals.
    static func number(_ value: Double) -> String { DutchFormat.number(value, maximumDecimals: 4) }
}
