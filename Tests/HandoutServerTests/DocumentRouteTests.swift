// The document routes: every document as a PDF, its name and disposition, strong ETags
// and 304s, the PNG preview, and the form's redirect.
import Foundation
import HandoutKit
import HandoutServer
import TestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Document routes")
struct DocumentRouteTests {
    /// Each document with one language and paper, so that all of them are covered too.
    struct Case: Sendable, CustomTestStringConvertible {
        var document, lang, query, paper: String
        init(_ document: String, _ lang: String, _ query: String, _ paper: String) {
            (self.document, self.lang, self.query, self.paper) = (document, lang, query, paper)
        }
        var testDescription: String { "\(document) \(lang) \(paper)" }
    }

    static let cases: [Case] = [
        .init("handout", "en-bn", "en%2Bbn", "a4"),
        .init("checklist", "en", "en", "letter"),
        .init("diary-week", "bn", "bn", "a4"),
        .init("diary-month", "en-bn", "en%2Bbn", "letter"),
        .init("summary", "bn", "bn", "letter"),
        .init("roadmap", "en", "en", "a4"),
        .init("card", "en-bn", "en+bn", "a4"),   // a raw "+" is accepted too
        .init("treatment-planner", "en-bn", "en%2Bbn", "a4"),
        .init("health-record", "bn", "bn", "letter"),
        .init("caregiver", "en", "en", "a4"),
        .init("prevention", "bn", "bn", "a4"),
        .init("recovery", "en-bn", "en%2Bbn", "letter"),
        .init("nutrition", "en", "en", "letter"),
    ]

    @Test("Every document is served as a PDF, inline, with the right file name; download=1 makes it an attachment",
          arguments: cases)
    func documentPDF(_ item: Case) async throws {
        try await Fixture.withServer { client, _ in
            let uri = "/articles/hemifacial-spasm/\(item.document).pdf?lang=\(item.query)&paper=\(item.paper)"
            let response = try await client.get(uri)
            #expect(response.status == .ok, "\(uri): \(response.errorMessage)")
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(Bytes.isPDF(response.bytes))
            #expect(response.bytes.count > 1000)
            let name = "hemifacial-spasm-\(item.document)-\(item.lang)-\(item.paper).pdf"
            // A Bangla or bilingual document also carries its Bangla title, UTF-8, percent-encoded.
            let bangla = Fixture.titleBN.split(separator: " ").joined(separator: "-") + "-\(item.document)-\(item.lang).pdf"
            let encoded = bangla.utf8.map { byte in
                (byte < 0x80 && (Character(UnicodeScalar(byte)).isLetter || Character(UnicodeScalar(byte)).isNumber || "-.".utf8.contains(byte)))
                    ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
            }.joined()
            let utf8Name = item.lang == "en" ? "" : "; filename*=UTF-8''\(encoded)"
            #expect(response.headers[.contentDisposition] == "inline; filename=\"\(name)\"\(utf8Name)")
            #expect(response.headers[.cacheControl] == "no-cache")

            let download = try await client.get(uri + "&download=1")
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"\(name)\"\(utf8Name)")
            #expect(download.bytes == response.bytes)
        }
    }

    @Test("The defaults are English and Bangla on A4, and large print is named in the file")
    func defaultsAndLargePrint() async throws {
        try await Fixture.withServer { client, _ in
            let plain = try await client.get("/articles/hemifacial-spasm/card.pdf")
            #expect(plain.status == .ok)
            #expect(plain.headers[.contentDisposition].flatMap(filename(in:)) == "hemifacial-spasm-card-en-bn-a4.pdf")
            let large = try await client.get("/articles/hemifacial-spasm/card.pdf?large-print=1&lang=en")
            #expect(large.status == .ok)
            #expect(Bytes.isPDF(large.bytes))
            #expect(large.headers[.contentDisposition].flatMap(filename(in:)) == "hemifacial-spasm-card-en-a4-large.pdf")
            #expect(large.bytes != plain.bytes)
        }
    }

    @Test("A PDF has a strong ETag; If-None-Match with it gets 304 and no body; another language, another ETag")
    func etags() async throws {
        try await Fixture.withServer { client, _ in
            let uri = "/articles/hemifacial-spasm/summary.pdf?lang=en"
            let first = try await client.get(uri)
            #expect(first.status == .ok)
            let tag = try #require(first.headers[.eTag])
            #expect(!tag.hasPrefix("W/"), "a strong ETag")
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && tag.count > 10)

            let again = try await client.get(uri)
            #expect(again.headers[.eTag] == tag, "the same request, the same ETag")

            let notModified = try await client.get(uri, headers: [.ifNoneMatch: tag])
            #expect(notModified.status == .notModified)
            #expect(notModified.body.readableBytes == 0)
            #expect(notModified.headers[.eTag] == tag)

            let inList = try await client.get(uri, headers: [.ifNoneMatch: "\"other\", \(tag)"])
            #expect(inList.status == .notModified)

            let stale = try await client.get(uri, headers: [.ifNoneMatch: "\"0123456789abcdef\""])
            #expect(stale.status == .ok)
            #expect(Bytes.isPDF(stale.bytes))

            let bangla = try await client.get("/articles/hemifacial-spasm/summary.pdf?lang=bn")
            #expect(bangla.status == .ok)
            let banglaTag = try #require(bangla.headers[.eTag])
            #expect(banglaTag != tag)
            let crossed = try await client.get("/articles/hemifacial-spasm/summary.pdf?lang=bn", headers: [.ifNoneMatch: tag])
            #expect(crossed.status == .ok, "the English ETag does not match the Bangla PDF")
        }
    }

    @Test("If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/\"tag\" and * also match")
    func ifNoneMatchWeakAndStar() async throws {
        try await Fixture.withServer { client, _ in
            let uri = "/articles/hemifacial-spasm/card.pdf?lang=en"
            let first = try await client.get(uri)
            let tag = try #require(first.headers[.eTag])
            let weak = try await client.get(uri, headers: [.ifNoneMatch: "W/\(tag)"])
            let star = try await client.get(uri, headers: [.ifNoneMatch: "*"])
            // Routes.file compares each listed tag to the strong tag as exact text.
            #expect(weak.status == .notModified)
            #expect(star.status == .notModified)
        }
    }

    @Test("The PNG preview of page 1 is a PNG with an ETag")
    func pngPreview() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm/handout.png?page=1&lang=en%2Bbn")
            #expect(response.status == .ok, "\(response.errorMessage)")
            #expect(response.headers[.contentType] == "image/png")
            #expect(Bytes.isPNG(response.bytes))
            #expect(response.headers[.eTag] != nil)
            #expect(response.headers[.contentDisposition].flatMap(filename(in:)) == "hemifacial-spasm-handout-en-bn-a4.png")
        }
    }

    @Test("A PNG page that is not a page number in range is 400", arguments: ["0", "999", "x", "-1", "1.5", ""])
    func pngBadPage(page: String) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm/handout.png?page=\(page)")
            #expect(response.status == .badRequest)
            #expect(response.errorMessage.contains("page must be"))
        }
    }

    @Test("A page past the document's end is 400 and says how many pages there are")
    func pngPastEnd() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm/card.png?page=400")
            #expect(response.status == .badRequest)
            #expect(response.errorMessage.contains("page must be from 1 to"))
        }
    }

    @Test("The form's /document address redirects (303) to the chosen PDF")
    func formRedirect() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm/document?doc=card&lang=en%2Bbn&paper=a4&download=1")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]
                == "/articles/hemifacial-spasm/card.pdf?lang=en%2Bbn&paper=a4&large-print=0&download=1")

            // As a browser submits the form: "+" encoded, large print ticked, "Open PDF".
            let open = try await client.get("/articles/hemifacial-spasm/document?doc=diary-week&lang=bn&paper=letter&large-print=1&download=0")
            #expect(open.status == .seeOther)
            #expect(open.headers[.location]
                == "/articles/hemifacial-spasm/diary-week.pdf?lang=bn&paper=letter&large-print=1&download=0")

            let missing = try await client.get("/articles/hemifacial-spasm/document?lang=en")
            #expect(missing.status == .badRequest)
            #expect(missing.errorMessage.contains("doc must be one of"))
            let unknown = try await client.get("/articles/hemifacial-spasm/document?doc=poster")
            #expect(unknown.status == .badRequest)
            let badLang = try await client.get("/articles/hemifacial-spasm/document?doc=card&lang=fr")
            #expect(badLang.status == .badRequest)
        }
    }

    @Test("Following the redirect gives the PDF it names")
    func redirectTarget() async throws {
        try await Fixture.withServer { client, _ in
            let redirect = try await client.get("/articles/hemifacial-spasm/document?doc=card&lang=en%2Bbn&paper=a4&download=1")
            let location = try #require(redirect.headers[.location])
            let response = try await client.get(location)
            #expect(response.status == .ok)
            #expect(Bytes.isPDF(response.bytes))
            #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"hemifacial-spasm-card-en-bn-a4.pdf\"; filename*=UTF-8''%E0%A6") == true)
        }
    }

    @Test("A server started with a clinic prints its name and emergency number on what it serves")
    func clinicOnServedDocuments() async throws {
        let clinic = try Clinic.load(data: Data("name: {en: \"Mirpur Family Clinic\"}\nemergency_number: \"16263\"\n".utf8),
                                     file: "clinic.yaml")
        try await Fixture.withServer({ $0.clinic = clinic }) { client, folder in
            let response = try await client.get("/articles/hemifacial-spasm/summary.pdf?lang=en")
            #expect(response.status == .ok)
            let file = folder.appendingPathComponent("served.pdf")
            try Data(response.bytes).write(to: file)
            let text = try Self.pdftotext(file)
            #expect(text.contains("Mirpur Family Clinic"))
            #expect(text.contains("Call 16263 or go to hospital now if"))
        }
    }

    /// The PDF's text, as poppler's pdftotext reads it.
    static func pdftotext(_ file: URL) throws -> String {
        try ToolRun.run("pdftotext", [file.path, "-"]).stdout
    }

    @Test("fillable=1 makes a form to fill on a phone, for the checklist and diaries only; the page's tick is ignored for other documents")
    func fillableForms() async throws {
        try await Fixture.withServer { client, _ in
            let form = try await client.get("/articles/hemifacial-spasm/checklist.pdf?lang=en&fillable=1")
            let paper = try await client.get("/articles/hemifacial-spasm/checklist.pdf?lang=en")
            #expect(form.status == .ok && paper.status == .ok)
            #expect(Bytes.contains(form.bytes, "/AcroForm") && !Bytes.contains(paper.bytes, "/AcroForm"))

            let handout = try await client.get("/articles/hemifacial-spasm/handout.pdf?fillable=1")
            #expect(handout.status == .badRequest)
            #expect(handout.errorMessage.contains("fillable is for checklist"))
            #expect(try await client.get("/articles/hemifacial-spasm/checklist.pdf?fillable=yes").status == .badRequest)

            let diary = try await client.get("/articles/hemifacial-spasm/document?doc=diary-week&lang=bn&fillable=1&download=0")
            #expect(diary.headers[.location] == "/articles/hemifacial-spasm/diary-week.pdf?lang=bn&paper=a4&large-print=0&fillable=1&download=0")
            let summary = try await client.get("/articles/hemifacial-spasm/document?doc=summary&lang=bn&fillable=1&download=0")
            #expect(summary.headers[.location] == "/articles/hemifacial-spasm/summary.pdf?lang=bn&paper=a4&large-print=0&download=0")
        }
    }
}
