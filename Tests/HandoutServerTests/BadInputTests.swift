// Requests that must be refused: unknown or malformed slugs (never a file outside the
// folder), unknown documents, bad parameters, and bodies too large.
import Foundation
import HandoutServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Bad input")
struct BadInputTests {
    @Test("An unknown slug is 404 on every article route")
    func unknownSlug() async throws {
        try await Fixture.withServer { client, _ in
            for uri in ["/articles/migraine", "/articles/migraine/handout.pdf", "/articles/migraine/handout.png?page=1",
                        "/articles/migraine/document?doc=card"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.errorMessage.contains("No article 'migraine'"), "\(uri)")
            }
        }
    }

    static let badSlugs: [String] = [
        "..", "..%2F..%2Fetc%2Fpasswd", "%2E%2E", "..%2Fsecret", "%2Fetc%2Fpasswd", "hemifacial-spasm%2F..",
        "Hemifacial-Spasm", "HEMIFACIAL-SPASM", "hemifacial-spasm.yaml", "hemifacial_spasm", "hemifacial%20spasm",
        String(repeating: "a", count: 200), String(repeating: "hemifacial-spasm", count: 13),
    ]

    @Test("Malformed slugs are 404 and never reach a file outside the folder", arguments: badSlugs)
    func badSlug(slug: String) async throws {
        try await Fixture.withServer { client, folder in
            // An article beside the folder (not in it) whose slug a traversal might reach.
            let outside = Fixture.sample(replacing: [("slug: hemifacial-spasm", "slug: secret"),
                                                     ("en: \"Hemifacial spasm\"", "en: \"Secret outside\"")])
            try outside.write(to: folder.deletingLastPathComponent().appendingPathComponent("secret.yaml"),
                              atomically: true, encoding: .utf8)
            for uri in ["/articles/\(slug)", "/articles/\(slug)/handout.pdf", "/articles/\(slug)/document?doc=card"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!Bytes.isPDF(response.bytes), "\(uri)")
                #expect(!response.text.contains("Secret outside"), "\(uri)")
                #expect(!response.text.contains("root:"), "\(uri)")
            }
        }
    }

    @Test("Path traversal around the slug never serves a file",
          arguments: ["/articles/../articles/hemifacial-spasm.yaml", "/articles/hemifacial-spasm/../../secret.yaml",
                      "/articles/hemifacial-spasm/..%2F..%2Fsecret.yaml", "/articles/hemifacial-spasm/hemifacial-spasm.yaml",
                      "/hemifacial-spasm.yaml", "/articles/%2e%2e/secret/handout.pdf"])
    func traversal(uri: String) async throws {
        try await Fixture.withServer { client, folder in
            try "slug: secret\n".write(to: folder.deletingLastPathComponent().appendingPathComponent("secret.yaml"),
                                       atomically: true, encoding: .utf8)
            let response = try await client.get(uri)
            #expect(response.status == .notFound, "\(uri)")
            #expect(!response.text.contains("slug:"), "\(uri)")
        }
    }

    @Test("An unknown document or file type is 404 and names the documents there are",
          arguments: ["poster.pdf", "handout.txt", "handout", "handout.pdf.pdf", "Handout.pdf", ".pdf"])
    func unknownDocument(file: String) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm/\(file)")
            #expect(response.status == .notFound, "\(file)")
            #expect(response.errorMessage.contains("handout.pdf, checklist.pdf"), "\(file)")
        }
    }

    struct BadParameter: Sendable, CustomTestStringConvertible {
        var uri: String
        var message: String
        var testDescription: String { uri }
    }

    static let badParameters: [BadParameter] = [
        .init(uri: "/articles/hemifacial-spasm/handout.pdf?lang=fr", message: "lang must be en, bn or en+bn"),
        .init(uri: "/articles/hemifacial-spasm/handout.pdf?lang=", message: "lang must be en, bn or en+bn"),
        .init(uri: "/articles/hemifacial-spasm/handout.pdf?paper=a3", message: "paper must be a4 or letter"),
        .init(uri: "/articles/hemifacial-spasm/handout.pdf?paper=A4", message: "paper must be a4 or letter"),
        .init(uri: "/articles/hemifacial-spasm/handout.pdf?large-print=2", message: "large-print must be 0 or 1"),
        .init(uri: "/articles/hemifacial-spasm/handout.pdf?large-print=yes", message: "large-print must be 0 or 1"),
        .init(uri: "/articles/hemifacial-spasm/handout.png?page=1&lang=fr", message: "lang must be en, bn or en+bn"),
        .init(uri: "/?ui=fr", message: "ui must be en or bn"),
        .init(uri: "/articles/hemifacial-spasm?ui=fr", message: "ui must be en or bn"),
        .init(uri: "/api/render?doc=poster", message: "doc must be one of"),
    ]

    @Test("A bad parameter is 400 with a message that says what is allowed", arguments: badParameters)
    func badParameter(_ item: BadParameter) async throws {
        try await Fixture.withServer { client, _ in
            let response = item.uri.hasPrefix("/api/render")
                ? try await client.postArticle(Fixture.sampleText, to: item.uri) : try await client.get(item.uri)
            #expect(response.status == .badRequest, "\(item.uri)")
            #expect(response.errorMessage.contains(item.message), "\(item.uri): \(response.text)")
        }
    }

    @Test("A body over the 1 MB limit is 413")
    func bodyTooLarge() async throws {
        try await Fixture.withServer { client, _ in
            var big = Fixture.sampleText + "\n# padding\n"
            while big.utf8.count <= 1_000_000 { big += "# " + String(repeating: "x", count: 1000) + "\n" }
            let response = try await client.postArticle(big)
            #expect(response.status == .contentTooLarge)
            #expect(!Bytes.isPDF(response.bytes))
        }
    }

    @Test("The body limit is the server's setting")
    func bodyLimitSetting() async throws {
        try await Fixture.withServer({ $0.bodyLimit = 1000 }) { client, _ in
            let response = try await client.postArticle(Fixture.sampleText)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test("Methods other than GET on the pages are refused")
    func wrongMethod() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.execute(uri: "/articles/hemifacial-spasm/handout.pdf", method: .post)
            #expect(response.status != .ok)
            #expect(!Bytes.isPDF(response.bytes))
            let render = try await client.get("/api/render")
            #expect(render.status != .ok)
        }
    }
}
