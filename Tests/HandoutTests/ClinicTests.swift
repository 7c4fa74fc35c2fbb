// A clinic's profile (clinic.yaml) on paper: its name and emergency number on every page
// of every document, in each language mode, read back with pdftotext; the warning box
// says to call the number; no number is invented when none is given; a long Bangla name
// still fits; a bad profile is refused with its line and column.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct ClinicTests {
    static let clinicYAML = """
        name: {en: "Mirpur Family Clinic", bn: "মিরপুর ফ্যামিলি ক্লিনিক"}
        address: {en: "House 12, Road 3, Mirpur 10, Dhaka", bn: "বাড়ি ১২, রোড ৩, মিরপুর ১০, ঢাকা"}
        phone: "+880 2 5566 1234"
        emergency_number: "16263"
        hours: {en: "Saturday to Thursday, 9 am to 8 pm", bn: "শনি থেকে বৃহস্পতিবার"}
        """

    static func clinic(_ yaml: String = clinicYAML) throws -> Clinic {
        try Clinic.load(data: Data(yaml.utf8), file: "clinic.yaml")
    }

    /// The document rendered, and its text page by page (pdftotext, form feeds between pages).
    static func pages(_ options: RenderOptions) throws -> [String] {
        let rendered = try Sample.withPublisher { try $0.render(Sample.article, options: options) }
        let file = Sample.temporaryDirectory.appendingPathComponent("clinic-\(UUID().uuidString).pdf")
        try rendered.pdf.write(to: file)
        let text = try Sample.run("pdftotext", [file.path, "-"]).stdout
        let pages = text.components(separatedBy: "\u{0C}").dropLast().map { $0 }
        #expect(pages.count == rendered.sheets.count, "pdftotext saw another number of pages")
        return pages
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test(arguments: DocumentKind.allCases.flatMap { document in LanguageMode.allCases.map { (document, $0) } })
    func everyPageNamesTheClinicAndItsEmergencyNumber(document: DocumentKind, mode: LanguageMode) throws {
        let pages = try Self.pages(RenderOptions(document: document, mode: mode, clinic: try Self.clinic()))
        let names = mode.languages.map { $0 == .en ? "Mirpur Family Clinic" : "মিরপুর ফ্যামিলি ক্লিনিক" }
        // The card: the number on every card's front, the name and number on every card's back
        // (eight cards to an A4 sheet).
        let cards = document == .card ? 8 : 1
        for (index, page) in pages.enumerated() {
            for name in names where document != .card || index == 1 {
                #expect(Self.count(name, in: page) >= cards, "\(document.rawValue) \(mode.rawValue) page \(index + 1): '\(name)'")
            }
            #expect(Self.count("16263", in: page) >= cards, "\(document.rawValue) \(mode.rawValue) page \(index + 1): the number")
        }
    }

    @Test(arguments: [DocumentKind.handout, .summary, .checklist, .roadmap])
    func theWarningBoxSaysToCallTheNumber(document: DocumentKind) throws {
        let text = try Self.pages(RenderOptions(document: document, mode: .en, clinic: try Self.clinic())).joined()
        let call = document == .handout ? "Call 16263 now, or go to the nearest hospital." : "Call 16263 or go to hospital now if"
        #expect(text.contains(call), "\(document.rawValue)")
    }

    @Test(arguments: LanguageMode.allCases)
    func theHandoutEndsWithWhereTheClinicIsAndWhenItIsOpen(mode: LanguageMode) throws {
        let last = try #require(try Self.pages(RenderOptions(document: .handout, mode: mode, clinic: try Self.clinic())).last)
        for language in mode.languages {
            let address = language == .en ? "House 12, Road 3, Mirpur 10, Dhaka" : "মিরপুর ১০, ঢাকা"
            let hours = language == .en ? "Saturday to Thursday, 9 am to 8 pm" : "বৃহস্পতিবার"
            #expect(last.contains(address), "\(mode.rawValue): \(address)")
            #expect(last.contains(hours), "\(mode.rawValue): \(hours)")
        }
    }

    @Test(arguments: [DocumentKind.handout, .summary, .card])
    func noNumberIsInventedWhenNoneIsGiven(document: DocumentKind) throws {
        let clinic = try Self.clinic("name: {en: \"Mirpur Family Clinic\"}\nphone: \"02 5566 1234\"\n")
        let pages = try Self.pages(RenderOptions(document: document, mode: .bilingual, clinic: clinic))
        let text = pages.joined()
        #expect(Self.count("Mirpur Family Clinic", in: text) >= pages.count)
        // No emergency line, no "call" anywhere, no number; the card's back still has its
        // blank "Emergency contact" line for the patient's family.
        #expect(text.range(of: "Emergency:? [+0-9]", options: .regularExpression) == nil)
        #expect(!text.contains("জরুরি নম্বর"))
        #expect(!text.lowercased().contains("call "))
        #expect(!text.contains("999"))
        // No Bangla name given: the English name is printed once, not marked as a missing translation.
        #expect(!text.contains("Bangla translation missing"))
    }

    @Test(arguments: [DocumentKind.summary, .checklist, .roadmap, .card, .diaryWeek, .handout],
          [Paper.a4, .letter])
    func aLongBanglaNameAndAddressStillFit(document: DocumentKind, paper: Paper) throws {
        let clinic = try Self.clinic("""
            name: {en: "Shaheed Suhrawardy Medical College Hospital Outpatient Neurology Clinic", bn: "শহীদ সোহরাওয়ার্দী মেডিকেল কলেজ হাসপাতাল বহির্বিভাগ স্নায়ুরোগ ক্লিনিক"}
            address: {en: "Sher-e-Bangla Nagar, Dhaka 1207", bn: "শেরে বাংলা নগর, ঢাকা ১২০৭"}
            phone: "+880 2 9130800"
            emergency_number: "+880 2 9122560"
            """)
        let pages = try Self.pages(RenderOptions(document: document, mode: .bilingual, paper: paper, clinic: clinic))
        for page in pages { #expect(page.contains("+880 2 9122560")) }
    }

    @Test(arguments: [
        ("name: {en: \"A clinic\"}\nemergency: \"999\"\n", "clinic.yaml:2:1", "unknown field 'emergency'"),
        ("name: {en: \"A clinic\"}\nemergency_number: \"call nine nine nine\"\n", "clinic.yaml:2:19", "is not a telephone number"),
        ("phone: \"999\"\n", "clinic.yaml:1:1", "name"),
        ("", "clinic.yaml:1:1", "the clinic file is empty"),
    ])
    func aBadProfileIsRefusedWithItsPlace(yaml: String, place: String, message: String) throws {
        let error = try #require(throws: DiagnosticError.self) { try Self.clinic(yaml) }
        let text = error.diagnostics.map { "\($0)" }.joined(separator: "\n")
        #expect(text.contains(place), "\(text)")
        #expect(text.contains(message), "\(text)")
    }

    /// A 120 × 60 PNG of one colour, written with Python's zlib (no image library needed).
    static func logo(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("logo.png")
        let script = """
            import struct, sys, zlib
            w, h = 120, 60
            raw = b"".join(b"\\x00" + bytes([11, 79, 108]) * w for _ in range(h))
            chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
            png = b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
            open(sys.argv[1], "wb").write(png)
            """
        let made = try Sample.run("python3", ["-c", script, url.path])
        #expect(made.status == 0, "\(made.stderr)")
        return url
    }

    @Test func aLogoIsOnEveryPageAndBesideTheClinicAtTheEndOfTheHandout() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("logo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try Self.logo(in: folder)
        let file = folder.appendingPathComponent("clinic.yaml")
        try (Self.clinicYAML + "\nlogo: logo.png\n").write(to: file, atomically: true, encoding: .utf8)
        // Through the command line: its renders run on threads whose stacks are small.
        let pdf = folder.appendingPathComponent("handout.pdf")
        let run = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "handout", "--lang", "en+bn",
                                             "--clinic", file.path, "-o", pdf.path])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = Int(try Sample.run("pdfinfo", [pdf.path]).stdout.split(separator: "\n")
            .first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        let images = try Sample.run("pdfimages", ["-list", pdf.path]).stdout.split(separator: "\n").dropFirst(2)
        let onPages = Set(images.compactMap { $0.split(separator: " ").first.flatMap { Int($0) } })
        #expect(pages > 1 && onPages == Set(1...pages), "the logo on every page: \(onPages) of \(pages)")
        #expect(images.filter { $0.split(separator: " ").first == "\(pages)" }.count == 2, "footer and the clinic's box")
    }

    @Test(arguments: [("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), ("missing.png", nil)])
    func aLogoThatIsNotAPNGIsRefused(name: String, content: String?) throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("badlogo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let content { try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let file = folder.appendingPathComponent("clinic.yaml")
        try "name: {en: \"A clinic\"}\nlogo: \(name)\n".write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticError.self) { try Clinic.load(path: file.path) }
        let text = error.diagnostics.map { "\($0)" }.joined()
        #expect(text.contains("clinic.yaml:2:7: error: the logo '\(name)' is not a PNG file"), "\(text)")
        #expect(text.contains("SVG cannot be printed"))
    }

    @Test func theCommandLineReadsAClinicFileAndNamesAProblemInIt() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("clinic-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("clinic.yaml"), bad = folder.appendingPathComponent("bad.yaml")
        try Self.clinicYAML.write(to: good, atomically: true, encoding: .utf8)
        try "name: {en: \"A clinic\"}\nphone: \"ring us\"\n".write(to: bad, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("summary.pdf")
        let made = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "summary", "--lang", "en",
                                              "--clinic", good.path, "-o", pdf.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try Sample.run("pdftotext", [pdf.path, "-"]).stdout.contains("Mirpur Family Clinic"))
        let refused = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "summary", "--clinic", bad.path,
                                                 "-o", folder.appendingPathComponent("never.pdf").path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad.path):2:8: error: 'ring us' is not a telephone number"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("never.pdf").path))
    }
}
