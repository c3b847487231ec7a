import ROI

/// The `expression` target: the bytes (as UTF-8, invalid sequences replaced) are one scenario
/// field's expression — what a hostile scenario file can put after `amount:`. Kept apart from
/// the export targets: it needs no survey folder and no scratch file.
enum ExpressionFuzz {
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        let text = String(decoding: bytes, as: UTF8.self)
        let expression: Expression
        do {
            expression = try ExpressionParser.parse(text)
        } catch {
            // One message, pointing inside the text (or just past it), with nothing a terminal
            // would run: control characters are shown by code point.
            try expect(!error.message.isEmpty, "an empty message")
            try expect(error.offset >= 0 && error.offset <= max(text.count, ExpressionParser.maximumLength),
                       "offset \(error.offset) outside a text of \(text.count) characters")
            try expect(!error.message.unicodeScalars.contains { $0.properties.generalCategory == .control },
                       "a control character in the message \(error.message.debugDescription)")
            return
        }
        // What parses renders to canonical text that parses to the same expression.
        let canonical = expression.text
        guard let reparsed = try? ExpressionParser.parse(canonical) else {
            throw InvariantViolation(description: "canonical text \(canonical.debugDescription) of \(text.debugDescription) does not parse")
        }
        try expect(reparsed.text == canonical, "\(canonical.debugDescription) reads back as \(reparsed.text.debugDescription)")
        try checkCompiled(expression, text: text)
    }

    /// Compiled to the postfix program every evaluator runs (and the site's calculator exports),
    /// it computes exactly what the tree computes, at ordinary and at extreme input values.
    static func checkCompiled(_ expression: Expression, text: String) throws(InvariantViolation) {
        let names = expression.inputReferences.map(\.name)
        let field = Field(name: "amount", expression: expression, text: text, constraint: .any, line: 1, column: 1)
        let item = Item(name: "Fuzz", side: .scenario, flow: .return, kind: .other, timing: .yearly(from: 1, to: 1), fields: [field], line: 1)
        let scenario = Scenario(source: "fuzz.yaml", name: "Fuzz", horizon: 1, discountRate: 0,
                                inputs: names.map { Input(name: $0, value: 1) }, items: [item], warnings: [])
        let model = CompiledScenario(scenario)
        for value in [1.5, 0, -2, 1e308, -1e-308] {
            let values = Array(repeating: value, count: names.count)
            let tree = expression.evaluate { _ in value }
            let amount = Evaluator(model).breakdown(values).itemAmounts[0]
            try expect(amount.bitPattern == tree.bitPattern || (amount.isNaN && tree.isNaN),
                       "the program gives \(amount), the tree \(tree), for \(text.debugDescription) at \(value)")
            _ = model.domainProblem(values)
        }
    }

    private static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantViolation) {
        if !condition { throw InvariantViolation(description: message()) }
    }
}
