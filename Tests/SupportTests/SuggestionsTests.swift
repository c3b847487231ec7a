import Support
import Testing

/// The one "did you mean" rule and the one location form of meetlat's messages.
@Suite struct SuggestionsTests {
    @Test func closeNamesAreWithinAThirdOfTheLengthOrStartWithTheName() {
        let keys = ["type", "column", "columns", "labels", "missing", "separator", "other"]
        #expect(Suggestions.close(to: "colum", among: keys) == ["column", "columns"])
        #expect(Suggestions.close(to: "lables", among: keys) == ["labels"])
        // At least 2 edits are allowed however short the name; "typ" also starts "type".
        #expect(Suggestions.close(to: "tpe", among: keys) == ["type"])
        #expect(Suggestions.close(to: "separatr", among: keys) == ["separator"])
        #expect(Suggestions.close(to: "zzzzzz", among: keys).isEmpty)
        // Case does not count by default; a fold replaces that.
        #expect(Suggestions.close(to: "COLUMN", among: keys) == ["column", "columns"])
        #expect(Suggestions.close(to: "COLUMN", among: keys, fold: { $0 }).isEmpty)
        // The prefix rule: a long name that starts with what was written is close however long.
        #expect(Suggestions.close(to: "burgers informeren", among: ["burgers informeren (gemeente)", "naam"]) == ["burgers informeren (gemeente)"])
    }

    @Test func atMostThreeClosestFirstTiesByNameWhateverTheOrder() {
        #expect(Suggestions.close(to: "ab", among: ["bb", "aa", "ab1", "zzzz"]) == ["aa", "ab1", "bb"])
        #expect(Suggestions.close(to: "ab", among: ["aa", "bb", "ab1", "zzzz"]) == ["aa", "ab1", "bb"])
        #expect(Suggestions.close(to: "abcd", among: ["abce", "abcf", "abcg", "abch"]) == ["abce", "abcf", "abcg"])
    }

    @Test func theHintSuggestsOrListsWhatIsAllowed() {
        #expect(Suggestions.hint(for: "colum", among: ["file", "column"], kind: "key") == "did you mean `column`?")
        #expect(Suggestions.hint(for: "colum", among: ["file", "column", "columns"], kind: "key") == "did you mean `column` or `columns`?")
        #expect(Suggestions.hint(for: "xyz", among: ["file", "encoding"], kind: "key") == "expected one of `file`, `encoding`")
        #expect(Suggestions.hint(for: "xyz", among: [], kind: "input") == "no inputs are defined")
        let many = (1...20).map { "name\($0)" }
        #expect(Suggestions.hint(for: "xyz", among: many, kind: "key").hasSuffix("`name12`, … (20 in all)"))
        // What was written is shown with its control characters visible.
        #expect(Suggestions.quoted("a\u{1B}[2J\tb") == "`a\\u{1B}[2J\\tb`")
    }

    @Test func aLocationPrintsAsCompilersPrintIt() {
        #expect(SourceLocation(file: "2012/mapping.yaml", line: 19, column: 5).description == "2012/mapping.yaml:19:5")
        #expect(SourceLocation(file: "site.yaml", line: 3).description == "site.yaml:3")
        #expect(SourceLocation(file: "site.yaml").description == "site.yaml")
        #expect(SourceLocation(file: "site.yaml", column: 4).column == nil)
    }

    @Test func controlCharactersAreMadeVisible() {
        #expect(VisibleText.escaped("gewoon") == "gewoon")
        #expect(VisibleText.escaped("\u{1B}]0;titel\u{07}") == "\\u{1B}]0;titel\\u{7}")
        #expect(VisibleText.escaped("a\r\nb\u{202E}c\u{85}") == "a\\r\\nb\\u{202E}c\\u{85}")
        #expect(VisibleText.escaped("Fryslân € 2.400") == "Fryslân € 2.400")
    }
}
