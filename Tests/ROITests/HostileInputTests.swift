import Testing
@testable import ROI

/// Hostile and absurd input gets a message, never a crash, a stall or a non-finite figure
/// (issue 19, items 10 and 11).
@Suite struct HostileInputTests {
    func parseError(_ text: String) -> ExpressionError? {
        do {
            _ = try ExpressionParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func fiftyThousandNestedParenthesesAreRefused() {
        let text = String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
        let error = parseError(text)
        #expect(error?.message.contains("at most 10000 are allowed") == true)
        // Within the length limit, the nesting limit speaks.
        let nested = String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101)
        #expect(parseError(nested)?.message == "parentheses and signs nest more than 100 levels deep; write the expression more simply")
        #expect(parseError(nested)?.offset == 100)
        #expect(parseError(String(repeating: "-", count: 101) + "1")?.message.contains("nest more than 100 levels") == true)
        // 100 levels are fine.
        #expect(parseError(String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)) == nil)
    }

    @Test func aSumOfAHundredThousandTermsIsRefused() throws {
        let terms = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(parseError(terms)?.message.contains("characters long") == true)
        // 1,001 terms need 1,000 operators: allowed; one more is not.
        let allowed = Array(repeating: "1", count: 1_001).joined(separator: "+")
        #expect(try ExpressionParser.parse(allowed).evaluate { _ in .nan } == 1_001)
        let tooMany = Array(repeating: "1", count: 1_002).joined(separator: "+")
        #expect(parseError(tooMany)?.message == "more than 1000 operators in one expression; put parts of it into inputs")
    }

    @Test func theLoaderSaysWhereTheExpressionIs() {
        let deep = String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
        let error = scenarioError {
            _ = try scenario("""
                scenario: Deep
                horizon: 1
                investments:
                  - name: Tool
                    kind: licence
                    timing: once
                    amount: \(deep)
                """)
        }
        #expect(error?.line == 7)
        #expect(error?.key == "investments[1] \"Tool\".amount")
        #expect(error?.problem.hasPrefix("the expression is 100001 characters long") == true)
    }

    @Test func controlCharactersInAnExpressionAreShownByCodePoint() {
        #expect(parseError("a \u{1B}[2J b")?.message == "unexpected character \\u{1B}; expected a number, an input name, + - * / or parentheses")
        #expect(parseError("a \u{00A0} b")?.message.hasPrefix("unexpected character \\u{A0}") == true)
        #expect(parseError("a $ b")?.message.hasPrefix("unexpected character `$`") == true)
    }

    static let twice = """
        scenario: Huge
        horizon: 1
        inputs:
          big: 1e308
        investments:
          - { name: Tool, kind: licence, timing: once, amount: 1 }
        returns:
          - { name: Eerste, kind: other, timing: yearly, amount: big }
          - { name: Tweede, kind: other, timing: yearly, amount: big }
        """

    /// 1e308 + 1e308 is beyond the largest double: ROI would be ∞ and NPV ∞ — or, as the site
    /// showed, "-nan" once ∞ − ∞ came up. The file is refused instead.
    @Test func anInputOf1e308UsedTwiceIsRefused() {
        let error = scenarioError { _ = try scenario(Self.twice) }
        #expect(error?.problem.hasPrefix("the totals at the inputs' values are not a finite number") == true)
        // One use is finite and fine.
        #expect(throws: Never.self) { _ = try scenario(Self.twice.replacingOccurrences(of: "\n  - { name: Tweede, kind: other, timing: yearly, amount: big }", with: "")) }
        // An amount that is itself infinite (a product) names its item.
        let product = scenarioError {
            _ = try scenario("""
                scenario: Product
                horizon: 1
                inputs:
                  big: 1e308
                investments:
                  - { name: Tool, kind: licence, timing: once, amount: 1 }
                returns:
                  - { name: Kwadraat, kind: contact_shift, timing: yearly, contacts: big, cost_difference: big }
                """)
        }
        #expect(product?.key == "returns \"Kwadraat\"")
        #expect(product?.line == 8)
    }

    static let contacts = """
        scenario: Contacten
        horizon: 1
        inputs:
          contacts:
            value: 200
            low: 0
            high: 1000
          realisation: 0.5
        investments:
          - { name: Tool, kind: licence, timing: once, amount: 1000 }
        returns:
          - { name: Verschuiving, kind: contact_shift, timing: yearly, contacts: contacts, cost_difference: 4 }
          - { name: Tijd, kind: time_saved, timing: yearly, hours: 10, hourly_rate: 50, realisation: realisation }
        """

    @Test func whatIfsOutsideTheScenariosDomainAreRefused() throws {
        let model = try compiled(Self.contacts)
        let negative = roiError { _ = try WhatIf.vary(model, try VaryRange.parse("contacts=-100..100:100")) }
        #expect(negative?.source == "--vary contacts=-100..100:100")
        #expect(negative?.message == "at contacts = -100: `contacts` (`contacts`) of \"Verschuiving\" would be -100; it must not be negative; expected values the scenario allows")
        let share = roiError { _ = try WhatIf.vary(model, try VaryRange.parse("realisation=0..150 %:50 %")) }
        #expect(share?.message.hasPrefix("at realisation = 1.5: `realisation` (`realisation`) of \"Tijd\" would be 1.5; it must lie within 0…1") == true)
        let twoWay = roiError { _ = try WhatIf.twoWay(model, rows: try VaryRange.parse("contacts=0..100"), columns: try VaryRange.parse("realisation=-1..0")) }
        #expect(twoWay?.message.hasPrefix("at contacts = 0, realisation = -1:") == true)
        let seek = roiError { _ = try WhatIf.goalSeek(model, input: "contacts", target: 0, within: -500...5000) }
        #expect(seek?.message.hasPrefix("at contacts = -500:") == true)
        // Inside the domain all is well: 0…1000 contacts, realisation 0…1.
        #expect(try WhatIf.vary(model, try VaryRange.parse("realisation=0..1:0,5")).count == 3)
        #expect(model.domainProblem(model.baseValues) == nil)
    }

    @Test func rangesTooWideToComputeAreRefused() {
        let huge = "1" + String(repeating: "0", count: 308)
        let error = roiError { _ = try VaryRange.parse("contacts=-\(huge)..\(huge)") }
        #expect(error?.message == "the range is too wide to compute (its width is not a finite number); expected values of a realistic size")
        #expect(roiError { _ = try IntervalText.parse("-\(huge)..\(huge)", option: "--within") }?.message.hasPrefix("the range is too wide") == true)
    }

    @Test func aVaryValueWithInfiniteResultsIsRefused() throws {
        let huge = "1" + String(repeating: "0", count: 308)
        // One return of `big`: at 1e308 every total is still finite (ROI = (1e308 − 1) / 1).
        let once = try compiled(Self.twice.replacingOccurrences(of: "\n  - { name: Tweede, kind: other, timing: yearly, amount: big }", with: ""))
        #expect(try WhatIf.vary(once, try VaryRange.parse("big=1..\(huge)")).count == 11)
        // Two: at 1e308 the returns add up to 2e308, beyond the largest double.
        let twice = try compiled(Self.twice.replacingOccurrences(of: "big: 1e308", with: "big: 1"))
        let overflow = roiError { _ = try WhatIf.vary(twice, try VaryRange.parse("big=1..\(huge)")) }
        // 9e307 + 9e307 = 1.8e308 is the first value beyond the largest double (1.797…e308).
        #expect(overflow?.message.hasPrefix("at big = 9e+307: the totals are not finite numbers") == true)
    }

    /// The "no root" message used to report gap + target, which a target of 1e308 swallows whole.
    @Test func goalSeekWithAHugeTargetReportsTheMetricsOwnRange() throws {
        let model = try compiled(Self.contacts)
        let error = roiError { _ = try WhatIf.goalSeek(model, input: "contacts", target: 1e308, within: 0...1000) }
        // ROI = (4c + 250 − 1000) / 1000: −75 % at c = 0, 325 % at c = 1000.
        #expect(error?.message.hasPrefix("no root: ROI stays between -75.0% and 325.0% for contacts in 0…1000 and never reaches the target") == true)
        #expect(roiError { _ = try WhatIf.goalSeek(model, input: "contacts", target: .infinity) }?.message == "expected a finite target")
    }

    @Test func aDiscountRateThatMakesNPVInfiniteIsRefused() throws {
        let model = try compiled("""
            scenario: Rate
            horizon: 100
            investments:
              - { name: Tool, kind: licence, timing: once, amount: 1000 }
            returns:
              - { name: R, kind: other, timing: yearly, amount: 100 }
            """, discountRate: -0.9999999)
        #expect(roiError { _ = try ROIAnalysis(model: model) }?.message.hasPrefix("at discount rate -0.9999999 the NPV or the totals are not finite") == true)
    }
}
