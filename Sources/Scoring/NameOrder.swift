import Foundation

/// The order in which gemeenten with equal totals are listed, the same on every machine and in
/// every locale: names compared case- and diacritic-insensitively (`Súdwest-Fryslân` sorts as
/// `sudwest-fryslan`) by Unicode scalar value, then by the exact name, then by CBS code.
public struct NameOrder: Comparable, Sendable {
    private let folded: [UInt32]
    private let exact: [UInt32]
    private let code: [UInt32]

    public init(name: String, code: String) {
        folded = Self.fold(name).unicodeScalars.map(\.value)
        exact = name.unicodeScalars.map(\.value)
        self.code = code.unicodeScalars.map(\.value)
    }

    /// The folded name: canonical decomposition, combining marks removed, lower-cased with the
    /// locale-independent Unicode mapping.
    public static func fold(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    public static func < (a: NameOrder, b: NameOrder) -> Bool {
        if a.folded != b.folded { return a.folded.lexicographicallyPrecedes(b.folded) }
        if a.exact != b.exact { return a.exact.lexicographicallyPrecedes(b.exact) }
        return a.code.lexicographicallyPrecedes(b.code)
    }
}
