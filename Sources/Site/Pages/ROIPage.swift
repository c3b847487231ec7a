import ROI

/// The ROI calculator: every scenario of `Scenarios/` with its results at the file's values
/// (computed here with the ROI library, readable without JavaScript), and the scenarios'
/// `--export-model` JSON, which `assets/roi.js` evaluates with the formulas of
/// Sources/ROI/README.md when the reader changes an input. The inputs live in the URL's hash, so
/// a calculation can be shared as a link.
struct ROIPage {
    let source: SiteSource
    let scenarios: [ScenarioExport]

    func page() -> Page {
        let source = self.source, scenarios = self.scenarios
        let path = SitePaths.roi
        return Page(path: path, template: "roi") {
            let context: [String: Any] = [
                "introHTML": source.html("roi"),
                "scenarios": scenarios.map(Self.scenario),
                "hasScenarios": !scenarios.isEmpty,
            ]
            return layoutContext(source, path: path, section: .roi, year: nil).merging(context)
        }
    }

    static func scenario(_ export: ScenarioExport) -> [String: Any] {
        let model = export.model
        let scenario = model.scenario
        let metrics = export.breakdown.metrics
        var context: [String: Any] = [
            "id": export.id, "name": scenario.name, "horizon": model.horizon,
            "discountRate": DutchText.percent(model.discountRate * 100, 2).replacingOccurrences(of: ",00 %", with: " %"),
            // Inside <script type="application/json">: no `<` may end the element early.
            "json": export.exportJSON.replacingOccurrences(of: "<", with: "\\u003c"),
            "inputs": scenario.inputs.map { input -> [String: Any] in
                // Every key present (empty when unknown): the template never falls back to outer values.
                ["name": input.name, "value": number(input.value), "unit": input.unit ?? "", "source": input.source ?? "",
                 "range": input.range.map { number($0.lowerBound) + " – " + number($0.upperBound) } ?? ""]
            },
            "result": result(metrics),
            "years": export.breakdown.years.map { year -> [String: Any] in
                ["year": year.year, "investment": euro(year.incrementalInvestment), "returns": euro(year.incrementalReturns),
                 "net": euro(year.net), "cumulative": euro(year.cumulativeNet), "presentValue": euro(year.presentValue)]
            },
        ]
        if let gemeente = scenario.gemeente { context["gemeente"] = gemeente }
        if let note = scenario.note { context["note"] = note }
        if let baseline = scenario.baselineDescription { context["baseline"] = baseline }
        return context
    }

    /// ROI, NPV and payback as text, and as numbers (`data-value`, the shortest text that reads
    /// back to the same double) that the calculator and its tests compare.
    static func result(_ metrics: Metrics) -> [String: Any] {
        var result: [String: Any] = [
            "investment": euro(metrics.investment), "returns": euro(metrics.returns),
            "npv": euro(metrics.npv), "npvValue": "\(metrics.npv)",
        ]
        if let roi = metrics.roi {
            result["roi"] = DutchText.percent(roi * 100, 1)
            result["roiValue"] = "\(roi)"
        }
        if let payback = metrics.payback {
            result["payback"] = DutchText.decimal(payback, 1)
            result["paybackValue"] = "\(payback)"
        }
        return result
    }

    static func euro(_ value: Double) -> String { "€ " + DutchText.decimal(value, 0) }

    /// A scenario number as Dutch text: whole numbers grouped, fractions with up to four decimals.
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return DutchText.integer(Int(value)) }
        var text = DutchText.decimal(value, 4)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
