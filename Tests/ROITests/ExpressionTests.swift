import Testing
@testable import ROI

@Suite struct ExpressionTests {
    @Test func precedenceAndParentheses() throws {
        let value = { (text: String) throws -> Double in try ExpressionParser.parse(text).evaluate { _ in .nan } }
        #expect(try value("2 + 3 * 4") == 14)
        #expect(try value("(2 + 3) * 4") == 20)
        #expect(try value("10 - 4 - 3") == 3)       // left-associative
        #expect(try value("24 / 4 / 3") == 2)
        #expect(try value("-2 * -3") == 6)
        #expect(try value("8 × 2 ÷ 4 − 1") == 3)   // the typographic operators too
        #expect(try value("1.5e3") == 1500)
    }

    @Test func inputsAreLookedUpByName() throws {
        let expression = try ExpressionParser.parse("hours_per_week * 52 * rate")
        #expect(expression.evaluate { ["hours_per_week": 10, "rate": 55][$0] ?? .nan } == 28600)
        #expect(expression.inputReferences.map(\.name) == ["hours_per_week", "rate"])
        #expect(expression.inputReferences.map(\.offset) == [0, 22])
    }

    @Test func canonicalTextKeepsNeededParentheses() throws {
        #expect(try ExpressionParser.parse("a-(b-c)").text == "a - (b - c)")
        #expect(try ExpressionParser.parse("(a*b)+c").text == "a * b + c")
        #expect(try ExpressionParser.parse("a/(b*c)").text == "a / (b * c)")
        #expect(try ExpressionParser.parse("-(a+b)").text == "-(a + b)")
    }

    @Test(arguments: [
        ("(a * 52", 7, "expected `)`"),
        ("a * * 2", 4, "expected a number, an input name or `(`"),
        ("5,50", 1, "use a decimal point"),
        ("a $ b", 2, "unexpected character `$`"),
        ("2a", 1, "a name cannot start with a digit"),
        ("a b", 2, "expected an operator"),
        ("", 0, "expected a number"),
    ])
    func syntaxErrorsSayWhereAndWhat(text: String, offset: Int, message: String) {
        do {
            _ = try ExpressionParser.parse(text)
            Issue.record("`\(text)` should not parse")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
