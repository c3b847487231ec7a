extension Int {
    /// Division rounding towards −∞ (Swift's `/` rounds towards 0): second −1 lies on day −1
    /// (1969-12-31), not on day 0.
    public func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
