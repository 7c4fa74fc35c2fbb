// Errors a receptionist meets in the browser: a page in the UI's language that says what
// happened, keeps the status (and Retry-After), and links back; the JSON API and programs
// that do not ask for HTML keep the JSON error.
import Foundation
import HandoutServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Error pages")
struct ErrorPageTests {
    static let browser: HTTPFields = [.accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]

    @Test("An unknown article in the Bangla UI: 404, a Bangla page with the way back")
    func notFoundInBangla() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/high-blood-pressure?ui=bn", headers: Self.browser)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.contains("style-src 'self'") == true)
            let html = response.text
            #expect(html.contains("<html lang=\"bn\">"))
            #expect(html.contains("এই পাতা বা লেখাটি খুঁজে পাওয়া যায়নি।"))
            #expect(html.contains("<a href=\"/?ui=bn\">← সব লেখা</a>"))
            #expect(html.contains("<span lang=\"en\">No article 'high-blood-pressure'</span>"))
        }
    }

    @Test("A bad parameter in English: 400 and what is wrong")
    func badRequestInEnglish() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm/card.pdf?lang=fr", headers: Self.browser)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Something in this address is not right."))
            #expect(response.text.contains("lang must be en, bn or en+bn"))
        }
    }

    @Test("Busy: 503 keeps Retry-After, and the page offers to try again")
    func busyKeepsRetryAfter() async throws {
        try await Fixture.withServer({ $0.workers = 1; $0.queueLimit = 0 }) { client, _ in
            async let first = client.get("/articles/hemifacial-spasm/handout.pdf?lang=en%2Bbn&paper=letter", headers: Self.browser)
            try await Task.sleep(nanoseconds: 50_000_000)
            let second = try await client.get("/articles/hemifacial-spasm/handout.pdf?lang=bn&paper=letter", headers: Self.browser)
            _ = try await first
            #expect(second.status == .serviceUnavailable)
            #expect(second.headers[.retryAfter] == "2")
            #expect(second.text.contains("Please try again in a moment."))
            #expect(second.text.contains(">Try again</a>"))
        }
    }

    @Test("The API, even from a browser, and programs that do not ask for HTML keep their JSON errors")
    func programsKeepJSON() async throws {
        try await Fixture.withServer({ $0.renderToken = nil }) { client, _ in
            var headers = Self.browser
            headers[.contentType] = "application/yaml"
            let api = try await client.execute(uri: "/api/render", method: .post, headers: headers, body: ByteBuffer(string: "slug: x"))
            #expect(api.status == .forbidden)
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(api.errorMessage.hasPrefix("Posting articles is turned off"))
            let plain = try await client.get("/articles/nothing-here")
            #expect(plain.status == .notFound)
            #expect(plain.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(plain.errorMessage == "No article 'nothing-here'")
        }
    }
}
