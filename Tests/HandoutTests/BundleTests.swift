// One patient, several documents: `render --doc handout,checklist,diary-week` makes one
// PDF whose pages read exactly as the documents do on their own, with one bookmark per
// document at its first page, and with --new-sheet every document on an odd page.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct BundleTests {
    static let documents: [DocumentKind] = [.handout, .checklist, .diaryWeek]

    /// pdftotext of each page.
    static func pages(_ pdf: Data) throws -> [String] {
        let file = Sample.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        return try Sample.run("pdftotext", ["-layout", file.path, "-"]).stdout.components(separatedBy: "\u{0C}").dropLast().map { $0 }
    }

    static func outline(_ pdf: Data) throws -> [(title: String, page: Int)] {
        let file = Sample.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        let check = try Sample.run("qpdf", ["--check", file.path])
        #expect(check.status == 0, "\(check.stdout)")
        let json = try Sample.run("qpdf", ["--json", "--json-key=outlines", file.path]).stdout
        let outlines = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["outlines"] as? [[String: Any]])
        return outlines.compactMap { entry in
            guard let title = entry["title"] as? String, let page = (entry["destpageposfrom1"] as? NSNumber)?.intValue else { return nil }
            return (title, page)
        }
    }

    @Test(arguments: [false, true], LanguageMode.allCases)
    func theBundleIsTheDocumentsOneAfterAnother(newSheet: Bool, mode: LanguageMode) throws {
        let options = RenderOptions(mode: mode)
        let bundle = try Sample.withPublisher {
            try $0.render(Sample.article, documents: Self.documents, options: options, newSheet: newSheet)
        }
        let singles = try Self.documents.map { document in
            try Sample.withPublisher { publisher -> [String] in
                var each = options
                each.document = document
                return try Self.pages(publisher.render(Sample.article, options: each).pdf)
            }
        }
        let pages = try Self.pages(bundle.pdf)
        let outline = try Self.outline(bundle.pdf)
        #expect(outline.count == Self.documents.count)
        var next = 1
        for (index, single) in singles.enumerated() {
            if newSheet, next % 2 == 0 {
                #expect(pages[next - 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "page \(next) should be blank")
                next += 1
            }
            #expect(outline[index].page == next, "\(Self.documents[index].rawValue) starts on page \(next)")
            #expect(Array(pages[(next - 1)..<(next - 1 + single.count)]) == single, "\(Self.documents[index].rawValue) reads as on its own")
            next += single.count
        }
        #expect(pages.count == next - 1)
        #expect(outline.map(\.title).allSatisfy { $0.contains("Hemifacial spasm") || $0.contains("হেমিফেসিয়াল") })
    }

    @Test func aBookletOfSeveralDocumentsIsRefused() throws {
        let error = try #require(throws: DiagnosticError.self) {
            try Sample.withPublisher {
                try $0.render(Sample.article, documents: [.handout, .checklist], options: RenderOptions(booklet: true))
            }
        }
        #expect(error.diagnostics.first?.message.contains("for one document at a time") == true)
    }

    @Test func theCommandLineTakesAListAndNamesAnUnknownDocument() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("bundle-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pdf = folder.appendingPathComponent("visit.pdf")
        let made = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "summary,card", "--lang", "en",
                                              "--new-sheet", "-o", pdf.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("(4 pages)"), "summary (1), a blank page, the card's two sides: \(made.stdout)")
        let refused = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "handout,leaflet"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--doc: 'leaflet' is not one of handout, checklist"), "\(refused.stderr)")
    }
}
