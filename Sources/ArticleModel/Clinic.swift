// The clinic that prints a document (clinic.yaml): its name, address and numbers, printed
// on every page so a patient knows who gave the paper and whom to call. The emergency
// number is the clinic's own local one: when it is not given, none is printed, never a
// made-up or foreign one.
import Diagnostics
import Foundation

public struct Clinic: Sendable, Hashable {
    public var name: LocalizedText
    public var address: LocalizedText?
    public var phone: String?
    public var emergencyNumber: String?
    public var hours: LocalizedText?

    public init(name: LocalizedText, address: LocalizedText? = nil, phone: String? = nil, emergencyNumber: String? = nil,
                hours: LocalizedText? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.emergencyNumber = emergencyNumber
        self.hours = hours
    }

    static let fields = ["name", "address", "phone", "emergency_number", "hours"]

    /// Reads clinic.yaml; every problem is reported with its line and column.
    public static func load(path: String) throws(DiagnosticError) -> Clinic {
        try read(YAMLReader(contentsOf: path))
    }

    public static func load(data: Data, file: String) throws(DiagnosticError) -> Clinic {
        try read(YAMLReader(data: data, file: file))
    }

    static func read(_ reader: YAMLReader) throws(DiagnosticError) -> Clinic {
        guard let root = reader.root else {
            throw DiagnosticError(.error("the clinic file is empty", at: SourceLocation(file: reader.file, line: 1, column: 1),
                                         hint: "write at least 'name: {en: \"…\", bn: \"…\"}'; the README's \"Your clinic on every page\" has an example"))
        }
        let f = root.fields(known: fields, required: ["name"])
        let name = f?["name"]?.localized()
        let clinic = Clinic(name: name ?? LocalizedText(en: "", bn: nil), address: f?["address"]?.localized(),
                            phone: f?["phone"].flatMap(number), emergencyNumber: f?["emergency_number"].flatMap(number),
                            hours: f?["hours"]?.localized())
        try reader.throwIfErrors()
        return clinic
    }

    /// A telephone number as people write it: digits, spaces, `+`, `-`, `(`, `)`; Bangla
    /// digits are fine too. Letters would make a number nobody can dial.
    static func number(_ value: YAMLValue) -> String? {
        guard let text = value.text()?.trimmingCharacters(in: .whitespaces) else { return nil }
        let allowed = CharacterSet(charactersIn: "0123456789০১২৩৪৫৬৭৮৯ +-()")
        guard text.contains(where: \.isNumber), text.unicodeScalars.allSatisfy(allowed.contains) else {
            value.error("'\(text)' is not a telephone number",
                        hint: "write digits, with spaces, +, - or brackets if you like, such as \"+880 2 5566 1234\" or \"999\"")
            return nil
        }
        return text
    }
}
