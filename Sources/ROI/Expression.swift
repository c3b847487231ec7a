import Support

/// The tiny arithmetic language of scenario fields: numbers, input names, `+ - * /` (also
/// `× ÷ −`), unary minus and parentheses, with the usual precedence. Nothing else, so a
/// scenario file can never do more than arithmetic over its own inputs.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    /// An input by name; `offset` is the character offset in the source text, for messages.
    case input(String, offset: Int)
    case negate(Expression)
    case binary(BinaryOperator, Expression, Expression)

    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// Input names in order of first use, each with the offset of its first occurrence.
    public var inputReferences: [(name: String, offset: Int)] {
        var seen: Set<String> = []
        var result: [(String, Int)] = []
        func walk(_ expression: Expression) {
            switch expression {
            case .number: break
            case .input(let name, let offset):
                if seen.insert(name).inserted { result.append((name, offset)) }
            case .negate(let inner): walk(inner)
            case .binary(_, let left, let right): walk(left); walk(right)
            }
        }
        walk(self)
        return result
    }

    /// Evaluates with `value(name)` for each input; used for validation, not in hot loops.
    public func evaluate(_ value: (String) -> Double) -> Double {
        switch self {
        case .number(let number): return number
        case .input(let name, _): return value(name)
        case .negate(let inner): return -inner.evaluate(value)
        case .binary(let op, let left, let right):
            let l = left.evaluate(value), r = right.evaluate(value)
            switch op {
            case .add: return l + r
            case .subtract: return l - r
            case .multiply: return l * r
            case .divide: return l / r
            }
        }
    }

    /// Canonical text: fully spaced, parentheses only where precedence needs them.
    public var text: String {
        var text = ""
        render(into: &text, parentPrecedence: 0, isRightOperand: false)
        return text
    }

    private var precedence: Int {
        switch self {
        case .number, .input: return 4
        case .negate: return 3
        case .binary(let op, _, _): return op == .add || op == .subtract ? 1 : 2
        }
    }

    /// Appends to one string: building each operand's text and joining them copied the left
    /// side once per operator, quadratic in the length (a third of the time to read a fuzzed
    /// scenario holding a sum of 7,000 terms).
    private func render(into text: inout String, parentPrecedence: Int, isRightOperand: Bool) {
        // `a - (b - c)` and `a / (b * c)` need their parentheses; `a + (b + c)` is kept as written too.
        let needsParentheses = precedence < parentPrecedence || (isRightOperand && precedence == parentPrecedence && precedence < 3)
        if needsParentheses { text += "(" }
        switch self {
        case .number(let number): text += Rounding.shortest(number)
        case .input(let name, _): text += name
        case .negate(let inner):
            text += "-"
            inner.render(into: &text, parentPrecedence: 3, isRightOperand: false)
        case .binary(let op, let left, let right):
            left.render(into: &text, parentPrecedence: precedence, isRightOperand: false)
            text += " \(op.rawValue) "
            right.render(into: &text, parentPrecedence: precedence, isRightOperand: true)
        }
        if needsParentheses { text += ")" }
    }
}

/// A syntax error in an expression, at a character offset of its text.
public struct ExpressionError: Error, CustomStringConvertible, Equatable {
    public var offset: Int
    public var message: String
    public var description: String { "at character \(offset + 1): \(message)" }
}

/// Recursive-descent parser for `Expression`.
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := ("-" | "+") unary | primary
///     primary    := number | name | "(" expression ")"
///     number     := digits ["." digits] [("e" | "E") ["+" | "-"] digits]
///     name       := (letter | "_") (letter | digit | "_")*
public struct ExpressionParser {
    private enum Token: Equatable {
        case number(Double), name(String), plus, minus, times, divide, open, close, end

        var shown: String {
            switch self {
            case .number(let value): return "number \(Rounding.shortest(value))"
            case .name(let name): return "name `\(name)`"
            case .plus: return "`+`"
            case .minus: return "`-`"
            case .times: return "`*`"
            case .divide: return "`/`"
            case .open: return "`(`"
            case .close: return "`)`"
            case .end: return "the end of the expression"
            }
        }
    }

    private let characters: [Character]
    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0

    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser(characters: Array(text))
        try parser.tokenize()
        let expression = try parser.parseExpression()
        let (token, offset) = parser.tokens[parser.position]
        guard token == .end else {
            throw ExpressionError(offset: offset, message: "expected an operator (+ - * /) or the end of the expression, found \(token.shown)")
        }
        return expression
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private mutating func tokenize() throws(ExpressionError) {
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                index += 1
                continue
            }
            let start = index
            let symbol: Token?
            switch character {
            case "+": symbol = .plus
            case "-", "−": symbol = .minus
            case "*", "×": symbol = .times
            case "/", "÷": symbol = .divide
            case "(": symbol = .open
            case ")": symbol = .close
            default: symbol = nil
            }
            if let symbol {
                tokens.append((symbol, start))
                index += 1
            } else if character.isASCII && character.isNumber {
                tokens.append((.number(try scanNumber(&index)), start))
            } else if character.isASCII && (character.isLetter || character == "_") {
                while index < characters.count, characters[index].isASCII,
                      characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                tokens.append((.name(String(characters[start..<index])), start))
            } else if character == "." {
                throw ExpressionError(offset: start, message: "a number must start with a digit (write 0.5, not .5)")
            } else {
                throw ExpressionError(offset: start, message: "unexpected character `\(character)`; expected a number, an input name, + - * / or parentheses")
            }
        }
        tokens.append((.end, characters.count))
    }

    private func isDigit(_ index: Int) -> Bool {
        index < characters.count && characters[index].isASCII && characters[index].isNumber
    }

    private func scanNumber(_ index: inout Int) throws(ExpressionError) -> Double {
        let start = index
        while isDigit(index) { index += 1 }
        if index < characters.count, characters[index] == "." {
            index += 1
            guard isDigit(index) else { throw ExpressionError(offset: index, message: "expected digits after the decimal point") }
            while isDigit(index) { index += 1 }
        } else if index < characters.count, characters[index] == ",", isDigit(index + 1) {
            throw ExpressionError(offset: index, message: "use a decimal point, not a comma, in numbers (write 5.50, not 5,50)")
        }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var exponentIndex = index + 1
            if exponentIndex < characters.count, characters[exponentIndex] == "+" || characters[exponentIndex] == "-" { exponentIndex += 1 }
            if isDigit(exponentIndex) {
                index = exponentIndex
                while isDigit(index) { index += 1 }
            }
        }
        if index < characters.count, characters[index].isLetter || characters[index] == "_" {
            throw ExpressionError(offset: index, message: "a name cannot start with a digit; expected an operator after the number")
        }
        guard let value = Double(String(characters[start..<index])), value.isFinite else {
            throw ExpressionError(offset: start, message: "number `\(String(characters[start..<index]))` is out of range")
        }
        return value
    }

    private mutating func parseExpression() throws(ExpressionError) -> Expression {
        var left = try parseTerm()
        while true {
            switch tokens[position].token {
            case .plus: position += 1; left = .binary(.add, left, try parseTerm())
            case .minus: position += 1; left = .binary(.subtract, left, try parseTerm())
            default: return left
            }
        }
    }

    private mutating func parseTerm() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        while true {
            switch tokens[position].token {
            case .times: position += 1; left = .binary(.multiply, left, try parseUnary())
            case .divide: position += 1; left = .binary(.divide, left, try parseUnary())
            default: return left
            }
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        switch tokens[position].token {
        case .minus: position += 1; return .negate(try parseUnary())
        case .plus: position += 1; return try parseUnary()
        default: return try parsePrimary()
        }
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let (token, offset) = tokens[position]
        switch token {
        case .number(let value):
            position += 1
            return .number(value)
        case .name(let name):
            position += 1
            return .input(name, offset: offset)
        case .open:
            position += 1
            let inner = try parseExpression()
            guard tokens[position].token == .close else {
                throw ExpressionError(offset: tokens[position].offset, message: "expected `)` to close the `(` at character \(offset + 1), found \(tokens[position].token.shown)")
            }
            position += 1
            return inner
        default:
            throw ExpressionError(offset: offset, message: "expected a number, an input name or `(`, found \(token.shown)")
        }
    }
}

