/// xoshiro256** 1.0 (Blackman & Vigna), seeded through SplitMix64 as its authors recommend.
/// Our own generator rather than the system's, so a seed gives the same stream on every machine,
/// every Swift version and in a faithful port (the ROI report's JavaScript, say). Used by the
/// weight sensitivity of Scoring and the Monte Carlo of ROI.
///
/// `@inlinable` because both callers draw from it in their innermost loops.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The four state words are four successive SplitMix64 outputs starting from `seed`.
    @inlinable
    public init(seed: UInt64) {
        var splitMix = SplitMix64(state: seed)
        s0 = splitMix.next()
        s1 = splitMix.next()
        s2 = splitMix.next()
        s3 = splitMix.next()
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// A double in [0, 1): `unit(next())`.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        Self.unit(next())
    }

    /// The top 53 bits of `bits` times 2⁻⁵³: every double it gives is exact, the largest is
    /// 1 − 2⁻⁵³, never 1.
    @inlinable @inline(__always)
    public static func unit(_ bits: UInt64) -> Double {
        Double(bits >> 11) * 0x1.0p-53
    }

    @inlinable @inline(__always)
    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64 (Steele, Lea & Flood), used to spread a seed over xoshiro's state.
public struct SplitMix64: Sendable {
    public var state: UInt64

    @inlinable
    public init(state: UInt64) {
        self.state = state
    }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
