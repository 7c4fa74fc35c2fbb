// The patient a document is printed for, typed at print time (`--patient-name`, `--fill`,
// the web form): filled into the checklist's and diaries' headers and onto the handout's
// first page. Personal data: it only ever lives in memory for one render. Nothing here
// writes it anywhere, and a diagnostic names the field, never its value.
import Diagnostics
import Foundation

public struct Patient: Sendable, Hashable {
    public var name: String?
    public var age: String?
    /// The day of the visit, as written ("30 November 2026", "৩০/১১/২০২৬").
    public var date: String?
    public var clinician: String?
    public var nextAppointment: String?
    /// A short note from the clinician, printed on the handout's first page.
    public var note: String?

    public init(name: String? = nil, age: String? = nil, date: String? = nil, clinician: String? = nil,
                nextAppointment: String? = nil, note: String? = nil) {
        self.name = name
        self.age = age
        self.date = date
        self.clinician = clinician
        self.nextAppointment = nextAppointment
        self.note = note
    }

    /// The most characters each field may have: what its line on the paper can hold.
    public static let limits: [(field: String, limit: Int)] = [
        ("name", 60), ("age", 12), ("date", 30), ("clinician", 60), ("next_appointment", 40), ("note", 300),
    ]

    /// Each field by its name in `limits` ("name", "next_appointment", …): from a fill-in
    /// file or a form.
    public init(_ value: (String) -> String?) {
        self.init(name: value("name"), age: value("age"), date: value("date"), clinician: value("clinician"),
                  nextAppointment: value("next_appointment"), note: value("note"))
    }

    public var isEmpty: Bool { [name, age, date, clinician, nextAppointment, note].allSatisfy { $0 == nil } }

    /// Reads a fill-in file (`--fill`): the fields above, in YAML.
    public static func load(path: String) throws(DiagnosticError) -> Patient {
        let reader = try YAMLReader(contentsOf: path)
        let f = reader.root?.fields(known: limits.map(\.field))
        func value(_ field: String) -> String? {
            guard let entry = f?[field], let text = entry.text()?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !text.isEmpty else { return nil }
            if let problem = tooLong(field, text) { entry.error(problem, hint: "shorten it") }
            return text
        }
        let patient = Patient(value)
        try reader.throwIfErrors()
        return patient
    }

    /// The fields, checked against their limits; a problem names the field, never what was typed.
    public func checked() throws(DiagnosticError) -> Patient {
        let values: [String: String?] = ["name": name, "age": age, "date": date, "clinician": clinician,
                                         "next_appointment": nextAppointment, "note": note]
        let problems = Self.limits.compactMap { field, _ -> Diagnostic? in
            (values[field] ?? nil).flatMap { Self.tooLong(field, $0) }.map { .error($0, hint: "shorten it") }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return self
    }

    /// What is wrong when `text` is longer than `field` may be: its length, never its words.
    static func tooLong(_ field: String, _ text: String) -> String? {
        guard let limit = limits.first(where: { $0.field == field })?.limit, text.count > limit else { return nil }
        return "the \(field.replacingOccurrences(of: "_", with: " ")) is \(text.count) characters; at most \(limit) fit on the paper"
    }
}
