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
}
