// The web form's Print button: POST /articles/SLUG/print with the ticked documents and the
// patient's details gives one PDF to print, `no-store`, named after the article; the
// details are never in a header, never cached (each print is rendered anew, so two
// patients never share an answer); bad forms get a plain message that never echoes them.
import Foundation
import HandoutKit
import HandoutServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Printing for a patient")
struct PatientPrintTests {
    static let uri = "/articles/hemifacial-spasm/print"

    /// `a=b&c=d`, each value percent-encoded as a browser sends a form.
    static func form(_ fields: [(String, String)]) -> String {
        fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        }.joined(separator: "&")
    }

    static func post(_ client: any TestClientProtocol, _ fields: [(String, String)],
                     type: String = "application/x-www-form-urlencoded") async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: [.contentType: type], body: ByteBuffer(string: form(fields)))
    }

    static func text(_ response: TestResponse, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("print-\(UUID().uuidString).pdf")
        try Data(response.bytes).write(to: file)
        return try DocumentRouteTests.pdftotext(file)
    }

    @Test("Three ticked documents and a Bangla name: one PDF with all three and the name, no-store, named after the article")
    func printsThePatientsPapers() async throws {
        try await Fixture.withServer { client, folder in
            let response = try await Self.post(client, [("doc", "handout"), ("doc", "checklist"), ("doc", "diary-week"),
                                                        ("lang", "en"), ("paper", "a4"), ("patient-name", "রহিমা বেগম"),
                                                        ("age", "54"), ("new-sheet", "1")])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.eTag] == nil)
            #expect(response.headers[.contentDisposition] == "inline; filename=\"hemifacial-spasm-handout_checklist_diary-week-en-a4.pdf\"")
            let text = try Self.text(response, in: folder)
            for expected in ["Patient handout", "Doctor visit checklist", "Symptom diary: one week", "রহিমা বেগম"] {
                #expect(text.contains(expected), "\(expected)")
            }
            // No header carries what was typed (the body's length may well have a 54 in it).
            for (_, value) in response.headers.filter({ $0.name != .contentLength }).map({ ($0.name, $0.value) }) {
                #expect(!value.contains("রহিমা") && !value.contains("54"))
            }
        }
    }

    @Test("Every print is rendered anew: two patients never get one answer, and none is kept")
    func neverCached() async throws {
        try await Fixture.withServer { client, folder in
            let first = try await Self.post(client, [("doc", "checklist"), ("lang", "en"), ("patient-name", "Patient One")])
            let second = try await Self.post(client, [("doc", "checklist"), ("lang", "en"), ("patient-name", "Patient Two")])
            let again = try await Self.post(client, [("doc", "checklist"), ("lang", "en"), ("patient-name", "Patient One")])
            #expect(try Self.text(first, in: folder).contains("Patient One"))
            #expect(try Self.text(second, in: folder).contains("Patient Two"))
            #expect(!(try Self.text(second, in: folder).contains("Patient One")))
            #expect(again.bytes == first.bytes, "the same form gives the same bytes")
            let metrics = try await client.get("/metrics").text
            #expect(Prometheus.value(metrics, "handout_renders_total", ["document": "checklist"]) == 3, "each print was rendered")
            // The plain checklist is not the patient's: it is rendered on its own, without a name.
            let plain = try await client.get("/articles/hemifacial-spasm/checklist.pdf?lang=en")
            #expect(plain.bytes != first.bytes)
            #expect(!(try Self.text(plain, in: folder).contains("Patient One")))
        }
    }

    @Test("A bad form gets a plain message that never repeats the patient's details",
          arguments: [
            ([("lang", "en")], HTTPResponse.Status.badRequest, "Tick at least one document to print"),
            ([("doc", "leaflet")], .badRequest, "doc must be one of handout"),
            ([("doc", "handout"), ("patient-name", String(repeating: "Secretname ", count: 8))], .badRequest,
             "the name is 87 characters; at most 60 fit on the paper"),
            ([("doc", "handout"), ("lang", "fr")], .badRequest, "lang must be en, bn or en+bn"),
          ])
    func badForms(fields: [(String, String)], status: HTTPResponse.Status, message: String) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await Self.post(client, fields)
            #expect(response.status == status)
            #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
            #expect(!response.text.contains("Secretname"))
        }
    }

    @Test("Only a form is taken, only by POST, and only a small one")
    func onlyASmallForm() async throws {
        try await Fixture.withServer { client, _ in
            #expect(try await Self.post(client, [("doc", "handout")], type: "application/json").status == .unsupportedMediaType)
            // Details in a URL would be kept by logs and history: a GET is refused, nothing rendered.
            let get = try await client.get(Self.uri + "?doc=handout&patient-name=X")
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            let huge = try await Self.post(client, [("doc", "handout"), ("note", String(repeating: "x", count: 20_000))])
            #expect(huge.status == .contentTooLarge)
        }
    }

    @Test("The article page offers the print form: documents to tick and the patient's details, posted to a new tab")
    func theFormIsOnThePage() async throws {
        try await Fixture.withServer { client, _ in
            let page = try await client.get("/articles/hemifacial-spasm?ui=bn").text
            #expect(page.contains("<form class=\"print\" method=\"post\" action=\"/articles/hemifacial-spasm/print\" target=\"_blank\">"))
            #expect(page.contains("<input type=\"checkbox\" name=\"doc\" value=\"checklist\" checked>"))
            #expect(page.contains("name=\"patient-name\" maxlength=\"60\""))
            #expect(page.contains("রোগীর জন্য প্রিন্ট করুন"))
        }
    }
}
