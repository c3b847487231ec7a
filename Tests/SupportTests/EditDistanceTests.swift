import Testing
import Support

@Suite struct EditDistanceTests {
    @Test func countsInsertionsDeletionsAndSubstitutions() {
        #expect(EditDistance.between("kitten", "sitting") == 3)  // two substitutions, one insertion
        #expect(EditDistance.between("hoorn", "hoorm") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("abc", "") == 3)
        #expect(EditDistance.between("same", "same") == 0)
        #expect(EditDistance.between("ab", "ba") == 2)  // no transpositions: Levenshtein, not Damerau
        // Over Unicode scalars: an accented letter is one scalar when precomposed.
        #expect(EditDistance.between("Fryslân", "Fryslan") == 1)
    }

    @Test func closestIsStableUnderTies() {
        let candidates = ["Gemeente", "Aantal volgers Twitter", "Aantal volgers Facebook", "Naam"]
        #expect(EditDistance.closest(to: "aantal volgers twiter", among: candidates, count: 2)
            == ["Aantal volgers Twitter", "Aantal volgers Facebook"])
        // "ab" is 1 from both "aa" and "bb": ties go by the candidate, whatever the input order.
        #expect(EditDistance.closest(to: "ab", among: ["bb", "aa", "zzzz"], count: 2) == ["aa", "bb"])
        #expect(EditDistance.closest(to: "ab", among: ["aa", "bb", "zzzz"], count: 2) == ["aa", "bb"])
        // The fold applies to both sides: without it case counts.
        #expect(EditDistance.closest(to: "HOORN", among: ["Hoorn", "HOORNE"], count: 1, fold: { $0 }) == ["HOORNE"])
        #expect(EditDistance.closest(to: "HOORN", among: ["Hoorn", "HOORNE"], count: 1) == ["Hoorn"])
    }
}
