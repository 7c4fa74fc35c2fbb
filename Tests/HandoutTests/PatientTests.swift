// A patient's details typed at print time: filled into the checklist's and diaries' headers,
// the card's back and the handout's first page, in Bangla too; a full set with a clinic
// still fits; a bad fill-in file is refused by field, never echoing what was typed; and the
// command line writes the name nowhere but into the PDF.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct PatientTests {
    static let patient = Patient(name: "রহিমা বেগম", age: "54", date: "30 November 2026", clinician: "Dr. Farhana Akter",
                                 nextAppointment: "14 December 2026", note: "Keep the diary for two weeks before your next visit.")

    /// Each page's text with its line breaks and runs of spaces made single spaces, so a
    /// value wrapped at the end of a line still reads whole.
    static func text(_ options: RenderOptions) throws -> (pages: [String], all: String) {
        let rendered = try Sample.withPublisher { try $0.render(Sample.article, options: options) }
        let file = Sample.temporaryDirectory.appendingPathComponent("patient-\(UUID().uuidString).pdf")
        try rendered.pdf.write(to: file)
        let text = try Sample.run("pdftotext", [file.path, "-"]).stdout
        let flat = { (page: String) in page.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return (text.components(separatedBy: "\u{0C}").dropLast().map(flat), flat(text))
    }

    @Test(arguments: LanguageMode.allCases)
    func theFormsCarryTheNameAndTheDetailsTheyAskFor(mode: LanguageMode) throws {
        for document in [DocumentKind.checklist, .diaryWeek, .diaryMonth, .card] {
            let (pages, all) = try Self.text(RenderOptions(document: document, mode: mode, patient: Self.patient))
            #expect(pages[0].contains("রহিমা বেগম") || (document == .card && pages[1].contains("রহিমা বেগম")),
                    "\(document.rawValue) \(mode.rawValue)")
            if document == .checklist {
                #expect(pages[0].contains("Dr. Farhana Akter"))
                #expect(pages[0].contains("54"))
                #expect(all.contains("30 November 2026"))
            }
        }
    }

    @Test(arguments: LanguageMode.allCases)
    func theHandoutsFirstPageSaysWhomItIsForAndTheNote(mode: LanguageMode) throws {
        let first = try #require(try Self.text(RenderOptions(document: .handout, mode: mode, patient: Self.patient)).pages.first)
        for expected in ["রহিমা বেগম", "Dr. Farhana Akter", "14 December 2026", "Keep the diary for two weeks"] {
            #expect(first.contains(expected), "\(mode.rawValue): '\(expected)'")
        }
    }

    @Test func withoutAPatientNothingIsFilledIn() throws {
        let all = try Self.text(RenderOptions(document: .handout, mode: .en)).all
        #expect(!all.contains("Prepared for"))
    }

    @Test(arguments: [DocumentKind.summary, .checklist, .handout, .diaryWeek], [Paper.a4, .letter])
    func aFullPatientBlockAndALongClinicStillFit(document: DocumentKind, paper: Paper) throws {
        let clinic = try Clinic.load(data: Data("""
            name: {en: "Shaheed Suhrawardy Medical College Hospital Outpatient Neurology Clinic", bn: "শহীদ সোহরাওয়ার্দী মেডিকেল কলেজ হাসপাতাল বহির্বিভাগ স্নায়ুরোগ ক্লিনিক"}
            phone: "+880 2 9130800"
            emergency_number: "999"
            """.utf8), file: "clinic.yaml")
        let full = Patient(name: String(repeating: "নাম ", count: 14), age: "54 years", date: "30 November 2026",
                           clinician: "Professor Dr. Mohammad Abdul Karim Chowdhury", nextAppointment: "Sunday 14 December 2026, 10:30",
                           note: String(repeating: "Take the drops twice a day. ", count: 10))
        // It fits, or the error says what to shorten, the patient's details included.
        do {
            let pages = try Self.text(RenderOptions(document: document, mode: .bilingual, paper: paper, clinic: clinic, patient: full)).pages
            #expect(pages.allSatisfy { $0.contains("999") })
        } catch let error as DiagnosticError {
            let text = error.diagnostics.map { "\($0)" }.joined()
            #expect(text.contains("or the patient's details"), "\(text)")
            #expect(document == .checklist && paper == .letter, "only the Letter checklist is expected not to fit: \(text)")
        }
    }

    @Test(arguments: [
        ("name: \"A\"\nnickname: \"B\"\n", "fill.yaml:2:1", "unknown field 'nickname'"),
        ("note: \"\(String(repeating: "secret words ", count: 30))\"\n", "fill.yaml:1:7", "the note is 389 characters; at most 300 fit on the paper"),
    ])
    func aBadFillInFileIsRefusedByFieldNeverByWhatWasTyped(yaml: String, place: String, message: String) throws {
        let file = Sample.temporaryDirectory.appendingPathComponent("fill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let path = file.appendingPathComponent("fill.yaml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticError.self) { try Patient.load(path: path.path) }
        let text = error.diagnostics.map { "\($0)" }.joined(separator: "\n")
        #expect(text.contains(place) && text.contains(message), "\(text)")
        #expect(!text.contains("secret words"))
    }

    @Test func theCommandLineWritesTheNameOnlyIntoThePDF() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("patient-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = "Nasrin Sultana Private"
        let pdf = folder.appendingPathComponent("checklist.pdf")
        let run = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "checklist", "--lang", "en",
                                             "--patient-name", name, "-o", pdf.path])
        // Nothing is printed with the name, and nothing but the PDF is written.
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains(name) && !run.stderr.contains(name))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["checklist.pdf"])
        #expect(try Sample.run("pdftotext", [pdf.path, "-"]).stdout.contains(name))
        // A name too long for its line: refused by its length, the name not repeated.
        let long = String(repeating: "Nasrin ", count: 12)
        let refused = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "checklist", "--patient-name", long,
                                                 "-o", folder.appendingPathComponent("x.pdf").path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the name is 84 characters; at most 60 fit on the paper"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Nasrin"))
    }
}
