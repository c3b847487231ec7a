import Support

/// The compiled scenario as JSON for other evaluators (the site's ROI calculator): inputs,
/// items with their years and postfix programs, discount factors, and the rules every field must
/// obey (`checks`). Evaluating it as Sources/ROI/ROI.docc/ROI.md describes gives exactly `meetlat roi`'s
/// ROI, NPV and payback, and checking it refuses exactly the input values `meetlat roi` refuses.
public enum ModelExport {
    public static let format = "meetlat-roi-model/2"

    public static func json(_ model: CompiledScenario) -> JSONValue {
        let scenario = model.scenario
        let inputs: [JSONValue] = scenario.inputs.map { input in
            var object: [String: JSONValue] = [
                "name": .string(input.name),
                "label": .string(input.label),
                "help": .string(input.help),
                "value": .number(input.value),
                "low": .number(input.low),
                "high": .number(input.high),
                "distribution": .string(input.distribution.name),
                "unit": .string(input.unit),
                "source": .string(input.source),
            ]
            if case .normal(let sd) = input.distribution { object["sd"] = .number(sd) }
            return .object(object)
        }
        let items: [JSONValue] = model.entries.map { entry in
            let item = scenario.items[entry.item]
            // The fields belong to the item's own entry; an asset's book value and depreciation derive from them.
            let own = entry.name == item.name && entry.role != .depreciation
            return .object([
                "name": .string(entry.name),
                "side": .string(entry.side.rawValue),
                "flow": .string(entry.role.rawValue),
                "kind": .string(entry.kind.rawValue),
                "firstYear": .number(Double(entry.years.lowerBound)),
                "lastYear": .number(Double(entry.years.upperBound)),
                "fields": .array(own ? item.fields.map { field in
                    .object(["name": .string(field.name), "expression": .string(field.expression.text)])
                } : []),
                "program": .array(entry.program.map(instruction)),
            ])
        }
        let checks: [JSONValue] = model.checks.map { check in
            .object([
                "item": .string(scenario.items[check.item].name),
                "field": .string(check.field),
                "expression": .string(check.text),
                "rule": .string(check.rule.rawValue),
                "inputs": .array(check.inputs.map { .number(Double($0)) }),
                "program": .array(check.program.map(instruction)),
            ])
        }
        return .object([
            "format": .string(format),
            "scenario": .string(scenario.name),
            "gemeente": .string(scenario.gemeente),
            "note": .string(scenario.note),
            "baselineDescription": .string(scenario.baselineDescription),
            "horizon": .number(Double(model.horizon)),
            "discountRate": .number(model.discountRate),
            "discountFactors": .array(model.discountFactors.map { .number($0) }),
            "inputs": .array(inputs),
            "items": .array(items),
            "checks": .array(checks),
        ])
    }

    /// `["push", 52]`, `["input", 3]`, `["add"]`, `["sub"]`, `["mul"]`, `["div"]`, `["neg"]`.
    static func instruction(_ instruction: Instruction) -> JSONValue {
        switch instruction.operation {
        case .push: return .array([.string("push"), .number(instruction.value)])
        case .input: return .array([.string("input"), .number(Double(instruction.index))])
        case .add: return .array([.string("add")])
        case .subtract: return .array([.string("sub")])
        case .multiply: return .array([.string("mul")])
        case .divide: return .array([.string("div")])
        case .negate: return .array([.string("neg")])
        case .store: return .array([.string("store"), .number(Double(instruction.index))])
        }
    }
}
