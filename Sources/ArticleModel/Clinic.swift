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
    /// A small PNG, its path made absolute (it is written relative to the clinic file).
    public var logo: String?

    public init(name: LocalizedText, address: LocalizedText? = nil, phone: String? = nil, emergencyNumber: String? = nil,
                hours: LocalizedText? = nil, logo: String? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.emergencyNumber = emergencyNumber
        self.hours = hours
        self.logo = logo
    }

    static let fields = ["name", "address", "phone", "emergency_number", "hours", "logo"]

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
                            hours: f?["hours"]?.localized(), logo: f?["logo"].flatMap { logoPath($0, beside: reader.file) })
        try reader.throwIfErrors()
        return clinic
    }

    /// The logo's file, beside the clinic file unless its path is absolute; it must be a PNG
    /// (what the PDFs can draw).
    static func logoPath(_ value: YAMLValue, beside file: String) -> String? {
        guard let name = value.text() else { return nil }
        let path = name.hasPrefix("/") ? name : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(name).path
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard let data = FileManager.default.contents(atPath: path), Array(data.prefix(8)) == signature else {
            value.error("the logo '\(name)' is not a PNG file", hint: "save the logo as a small PNG beside the clinic file (SVG cannot be printed)")
            return nil
        }
        return path
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
