// What every response owes the client: HEAD like GET without the body, 405 with Allow,
// JSON with its charset, gzip for pages and JSON when asked, and the security headers on
// every response, not only pages.
import CompressNIO
import Foundation
import HandoutServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP manners")
struct HTTPMannersTests {
    @Test("HEAD answers every GET route like GET, without the body", arguments: ["/", "/healthz", "/api/articles", "/style.css",
                                                                                  "/articles/hemifacial-spasm"])
    func headIsGetWithoutTheBody(_ path: String) async throws {
        try await Fixture.withServer { client, _ in
            let get = try await client.get(path)
            let head = try await client.execute(uri: path, method: .head)
            #expect(get.status == .ok && head.status == .ok)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.bytes.isEmpty)
            #expect(head.headers[.contentLength] == String(get.bytes.count))
        }
    }

    @Test("A path answered under other methods says which: 405 with Allow")
    func wrongMethodIsNotAllowed() async throws {
        try await Fixture.withServer { client, _ in
            let post = try await client.execute(uri: "/healthz", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET, HEAD")
            let get = try await client.get("/api/render")
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            let delete = try await client.execute(uri: "/articles/hemifacial-spasm/handout.pdf", method: .delete)
            #expect(delete.status == .methodNotAllowed)
            // A path no route has is still 404.
            #expect(try await client.execute(uri: "/no/such/thing/here", method: .post).status == .notFound)
        }
    }

    @Test("Every response has the security headers", arguments: ["/", "/healthz", "/api/articles", "/metrics",
                                                                  "/articles/hemifacial-spasm/card.pdf?lang=en", "/nothing-here"])
    func securityHeadersEverywhere(_ path: String) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get(path)
            #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
            #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer", "\(path)")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(path)")
        }
    }

    @Test("Pages, JSON and CSS come gzipped when the client accepts it, and unpacked they are the plain answer",
          arguments: ["/", "/?ui=bn", "/api/articles", "/style.css", "/articles/hemifacial-spasm"])
    func gzipWhenAccepted(_ path: String) async throws {
        try await Fixture.withServer { client, _ in
            let plain = try await client.get(path)
            let packed = try await client.get(path, headers: [.acceptEncoding: "br;q=1.0, gzip;q=0.8, *;q=0.1"])
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(packed.headers[.contentEncoding] == "gzip")
            #expect(packed.headers[.vary] == "Accept-Encoding" && plain.headers[.vary] == "Accept-Encoding")
            #expect(packed.headers[.contentType] == plain.headers[.contentType])
            #expect(packed.headers[.contentLength] == String(packed.bytes.count))
            #expect(packed.bytes.count < plain.bytes.count, "gzip did not shrink \(path)")
            #expect(Array(packed.bytes.prefix(2)) == [0x1F, 0x8B])
            var body = packed.body
            var unpacked = try body.decompress(with: .gzip())
            #expect(unpacked.readBytes(length: unpacked.readableBytes) == plain.bytes)
            // HEAD says the length of what GET would send.
            let head = try await client.execute(uri: path, method: .head, headers: [.acceptEncoding: "gzip"])
            #expect(head.headers[.contentLength] == String(packed.bytes.count))
        }
    }

    @Test("No gzip when refused, not offered, for PDFs and PNGs, or for answers too short to gain",
          arguments: [("/", "gzip;q=0"), ("/", "br"), ("/", "identity"),
                      ("/articles/hemifacial-spasm/card.pdf?lang=en", "gzip"),
                      ("/articles/hemifacial-spasm/card.png?page=1&lang=en", "gzip"), ("/healthz", "gzip")])
    func noGzip(_ path: String, _ accepted: String) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get(path, headers: [.acceptEncoding: accepted])
            #expect(response.status == .ok)
            #expect(response.headers[.contentEncoding] == nil, "\(path) with \(accepted)")
        }
    }
}
