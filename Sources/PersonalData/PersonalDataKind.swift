/// The kinds of personal data the detector recognises.
///
/// The list follows what citizens actually leak when they ask an organisation for help in public
/// (adres, e-mail, telefoonnummer, IBAN, klant-/ordernummer, aanslagnummer, inkomsten, schuld, BSN).
/// `rawValue` is a stable identifier for reports; `label` is what a person reads.
public enum PersonalDataKind: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case email = "email"
    case phone = "phone"
    case iban = "iban"
    /// A pre-IBAN account number, recognised only after a word such as "rekeningnummer".
    case bankAccount = "bank-account"
    case bsn = "bsn"
    case postcodeHuisnummer = "postcode-huisnummer"
    /// Klant-, order-, bestel-, factuur-, contract- or abonnementsnummer.
    case customerNumber = "customer-number"
    /// Aanslag- or beschikkingsnummer, betalingskenmerk.
    case taxReference = "tax-reference"
    /// Dossier-, zaak- or referentienummer.
    case caseNumber = "case-number"
    case income = "income"
    case debt = "debt"

    public var label: String {
        switch self {
        case .email: "e-mail address"
        case .phone: "phone number"
        case .iban: "IBAN"
        case .bankAccount: "bank account number"
        case .bsn: "BSN"
        case .postcodeHuisnummer: "postcode + huisnummer"
        case .customerNumber: "customer/order number"
        case .taxReference: "aanslag-/beschikkingsnummer"
        case .caseNumber: "dossier-/zaaknummer"
        case .income: "income"
        case .debt: "debt"
        }
    }

    /// Declaration order: reports list kinds in this order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.order < rhs.order
    }

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// When two candidates overlap, the lower value wins: checked structures (mod-97, 11-proef,
    /// number plan) beat matches that rest on a nearby keyword only.
    var precedence: Int {
        switch self {
        case .email: 0
        case .iban: 1
        case .bsn: 2
        case .phone: 3
        case .postcodeHuisnummer: 4
        case .bankAccount, .customerNumber, .taxReference, .caseNumber: 5
        case .income, .debt: 6
        }
    }
}
