import Support
import Testing

@Suite struct HTMLTextTests {
    @Test func escapesTheFiveCharactersAsMustacheDoes() {
        #expect(HTMLText.escaped("'s-Hertogenbosch <b>&\"") == "&#39;s-Hertogenbosch &lt;b&gt;&amp;&quot;")
        #expect(HTMLText.escaped("") == "")
        #expect(HTMLText.escaped("Súdwest-Fryslân") == "Súdwest-Fryslân")
        var bytes = Array("vooraf ".utf8)
        HTMLText.appendEscaped("a<b", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "vooraf a&lt;b")
    }

    /// A quote followed by a combining mark is one Swift character, but it still ends an attribute.
    @Test func escapesAQuoteWithACombiningMark() {
        #expect(HTMLText.escaped("\"\u{301} onload=x") == "&quot;\u{301} onload=x")
        #expect(HTMLText.escaped("<\u{301}script>") == "&lt;\u{301}script&gt;")
    }

    @Test func controlCharactersKeptOrReplaced() {
        let text = "a\u{0}b\u{1B}[2J\tc\nd\r\ne\rf\u{7F}g\u{85}h\u{9F}i\u{A0}j"
        #expect(HTMLText.escaped(text) == text)
        #expect(HTMLText.escaped(text, controlCharacters: .replaced)
                == "a\u{FFFD}b\u{FFFD}[2J\tc\nd\r\ne\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}i\u{A0}j")
        #expect(HTMLText.escaped("x\r", controlCharacters: .replaced) == "x\u{FFFD}")
        #expect(HTMLText.escaped("\r\r\n<", controlCharacters: .replaced) == "\u{FFFD}\r\n&lt;")
    }

    /// Against a plain per-character escape (the webcare report's before it used this one), on
    /// random text of the characters that matter, controls, accents and emoji (no combining marks).
    @Test func agreesWithAPerCharacterEscape() {
        let alphabet: [Character] = ["&", "<", ">", "\"", "'", "a", "é", "\u{0}", "\u{1F}", "\t", "\n", "\r", "\r\n", "\u{7F}",
                                     "\u{80}", "\u{9F}", "\u{A0}", "€", "😀", "🇳🇱", " "]
        var generator = Xoshiro256StarStar(seed: 20261205)
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(HTMLText.escaped(text) == Self.perCharacter(text, replacing: false), "\(text.debugDescription)")
            #expect(HTMLText.escaped(text, controlCharacters: .replaced) == Self.perCharacter(text, replacing: true),
                    "\(text.debugDescription)")
        }
    }

    private static func perCharacter(_ text: String, replacing: Bool) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if replacing, let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                   scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
