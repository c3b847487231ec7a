import Testing
import Support

/// The one random number generator of meetlat (Scoring's weight sensitivity, ROI's Monte Carlo).
/// Pinned to published reference values, so a change of algorithm cannot slip through: every
/// published seed (model files, scenario reports) would silently give other numbers.
@Suite struct GeneratorTests {
    @Test func splitMix64MatchesThePublishedOutputs() {
        // SplitMix64 from state 0: the reference implementation's first four outputs.
        var splitMix = SplitMix64(state: 0)
        #expect([splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next()]
            == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
    }

    @Test func xoshiro256StarStarMatchesTheReference() {
        // Seeded 0, the state is the four SplitMix64 outputs above, so the first output is
        // rotl(s1 × 5, 7) × 9 with s1 = 0x6E789E6AA1B965F4.
        let s1: UInt64 = 0x6E78_9E6A_A1B9_65F4
        let rotated = (s1 &* 5) << 7 | (s1 &* 5) >> 57
        var zero = Xoshiro256StarStar(seed: 0)
        let first = zero.next()
        #expect(first == rotated &* 9)
        // Checked against an independent implementation.
        #expect([first, zero.next(), zero.next()] == [11_091_344_671_253_066_420, 13_793_997_310_169_335_082, 1_900_383_378_846_508_768])
        var fortyTwo = Xoshiro256StarStar(seed: 42)
        #expect(fortyTwo.nextUnit() == 0.08386297105988216)
        #expect(fortyTwo.nextUnit() == 0.3789802506626686)
    }

    @Test func seedChangesTheDraws() {
        var a = Xoshiro256StarStar(seed: 1), b = Xoshiro256StarStar(seed: 2), c = Xoshiro256StarStar(seed: 1)
        let first = (0..<4).map { _ in a.next() }
        #expect(first != (0..<4).map { _ in b.next() })
        #expect(first == (0..<4).map { _ in c.next() })
    }

    @Test func unitsLieInTheHalfOpenInterval() {
        // The extremes no sample of draws would reach: the largest draw stays below 1 (dividing
        // by UInt64.max instead would round it up to 1), the smallest is 0.
        #expect(Xoshiro256StarStar.unit(.max) == 1 - 0x1.0p-53)
        #expect(Xoshiro256StarStar.unit(0) == 0)
        #expect(Xoshiro256StarStar.unit(1 << 11) == 0x1.0p-53)
        #expect(Xoshiro256StarStar.unit((1 << 11) - 1) == 0, "the low 11 bits do not count")
    }
}
