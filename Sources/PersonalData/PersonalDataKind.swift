/// The kinds of personal data the detector recognises.
///
/// The list follows what citizens actually leak when they ask an organisation for help in public
/// (adres, e-mail, telefoonnummer, IBAN, klant-/ordernummer, aanslagnummer, inkomsten, schuld, BSN).
/// `rawValue` is a stable identifier for reports; `label` is what a person reads.
public enum PersonalDataKind: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case email = "email"
    case phone = "phone"
    case iban = "iban"
    /// Part of an IBAN: "de laatste vier cijfers van mijn IBAN zijn 4300", "NL91 ABNA **** **43 00".
    /// Webcare rules only (`CustomerTextRules`).
    case partialIBAN = "partial-iban"
    /// A pre-IBAN account number, recognised only after a word such as "rekeningnummer".
    case bankAccount = "bank-account"
    case bsn = "bsn"
    case postcodeHuisnummer = "postcode-huisnummer"
    /// A street name and huisnummer without a postcode: "Kerkstraat 12". Webcare rules only.
    case streetAddress = "street-address"
    /// A date named as a date of birth: "geboortedatum 14-02-1987", "geboren op 3 mei 1979".
    /// Webcare rules only.
    case birthDate = "birth-date"
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
        case .partialIBAN: "partial IBAN"
        case .bankAccount: "bank account number"
        case .bsn: "BSN"
        case .postcodeHuisnummer: "postcode + huisnummer"
        case .streetAddress: "street + huisnummer"
        case .birthDate: "date of birth"
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
        case .streetAddress, .birthDate, .partialIBAN: 5
        case .bankAccount, .customerNumber, .taxReference, .caseNumber: 6
        case .income, .debt: 7
        }
    }
}
