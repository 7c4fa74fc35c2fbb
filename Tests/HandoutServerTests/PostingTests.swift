// Who may post an article to render: only an editor with the server's token, and only an
// article file (YAML or JSON), so that a form on another web site cannot make the server work.
import Foundation
import HandoutServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Posting articles")
struct PostingTests {
    @Test("Without a render token the server refuses every post with 403 and says how to turn posting on")
    func offWithoutToken() async throws {
        try await Fixture.withServer({ $0.renderToken = nil }) { client, _ in
            for token in [nil, Fixture.renderToken, ""] {
                let response = try await client.postArticle(Fixture.sampleText, token: token)
                #expect(response.status == .forbidden)
                #expect(response.errorMessage.contains("--render-token"))
                #expect(!Bytes.isPDF(response.bytes))
            }
        }
    }

    @Test("A post without the token, or with a wrong one, is 401 with WWW-Authenticate")
    func wrongToken() async throws {
        try await Fixture.withServer { client, _ in
            let near = String(Fixture.renderToken.dropLast()) + "X"
            for token in [nil, "", near, Fixture.renderToken + "0", String(Fixture.renderToken.dropLast())] {
                let response = try await client.postArticle(Fixture.sampleText, token: token)
                #expect(response.status == .unauthorized, "\(token ?? "no token")")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(!Bytes.isPDF(response.bytes))
            }
            // The token must come as a bearer credential, not as some other scheme.
            let basic = try await client.execute(uri: "/api/render", method: .post,
                                                 headers: [.authorization: "Basic \(Fixture.renderToken)", .contentType: "application/yaml"],
                                                 body: ByteBuffer(string: Fixture.sampleText))
            #expect(basic.status == .unauthorized)
        }
    }

    @Test("Only YAML and JSON are accepted: a form's types, text/plain or none are 415",
          arguments: [nil, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html"])
    func wrongType(_ type: String?) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.postArticle(Fixture.sampleText, type: type)
            #expect(response.status == .unsupportedMediaType)
            #expect(response.errorMessage.contains("application/yaml"))
        }
    }

    @Test("The YAML and JSON types are accepted, with parameters and in any case",
          arguments: ["application/yaml", "application/x-yaml", "text/yaml; charset=utf-8", "Application/YAML"])
    func yamlTypes(_ type: String) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.postArticle(Fixture.sampleText, to: "/api/render?doc=card&lang=en", type: type)
            #expect(response.status == .ok, "\(type): \(response.errorMessage)")
            #expect(Bytes.isPDF(response.bytes))
        }
    }

    @Test("An article posted as JSON renders")
    func json() async throws {
        let text = """
        {"slug": "json-post", "canonical_url": "https://example.org/json-post/", "version": "1",
         "title": {"en": "Posted as JSON"},
         "warning_signs": {"intro": {"en": "Get help now if:"}, "items": [{"en": "Sudden weakness of one side of the face."}]},
         "disclaimer": {"en": "This sheet does not replace advice from your doctor."}}
        """
        try await Fixture.withServer { client, _ in
            let response = try await client.postArticle(text, to: "/api/render?doc=card&lang=en", type: "application/json")
            #expect(response.status == .ok, "\(response.text)")
            #expect(Bytes.isPDF(response.bytes))
            #expect(response.headers[.contentDisposition] == "inline; filename=\"json-post-card.pdf\"")
        }
    }

    @Test("A huge article (10,000 list items, under the body limit) is refused with 413 before any render")
    func hugeArticle() async throws {
        let items = (1...10_000).map { "  - en: \"Point number \($0) of a very long list.\"\n" }.joined()
        let text = Fixture.sample(replacing: [("key_takeaways:\n", "key_takeaways:\n" + items)])
        #expect(text.utf8.count < 1_000_000)
        try await Fixture.withServer { client, _ in
            let response = try await client.postArticle(text, to: "/api/render?doc=checklist")
            #expect(response.status == .contentTooLarge)
            #expect(response.errorMessage.contains("at most 2000"), "\(response.text)")
            let metrics = try await client.get("/metrics").text
            #expect(Prometheus.value(metrics, "handout_renders_total", ["document": "checklist"]) == nil)
        }
    }

    @Test("The text limit is the server's setting; the sample is within the default")
    func textLimitSetting() async throws {
        try await Fixture.withServer({ $0.postTextLimit = 100 }) { client, _ in
            let response = try await client.postArticle(Fixture.sampleText)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorMessage.contains("at most 100"))
        }
        try await Fixture.withServer { client, _ in
            let response = try await client.postArticle(Fixture.sampleText, to: "/api/render?doc=card")
            #expect(response.status == .ok)
        }
    }

    @Test("Posts wait in their own queue: a burst of posts gets 503s, and a clinic's request still renders")
    func ownQueue() async throws {
        // The clinic's side has one worker and no queue: if posts took its worker, its request would be 503.
        try await Fixture.withServer({ $0.workers = 1; $0.queueLimit = 0; $0.postQueueLimit = 1 }) { client, _ in
            try await LoadTests.loadLibrary(client)
            let posts = Fixture.documents.map { "/api/render?doc=\($0)&large-print=1" }
            let (posted, clinic) = try await withThrowingTaskGroup(of: (Bool, TestResponse).self) { group in
                for uri in posts { group.addTask { (true, try await client.postArticle(Fixture.sampleText, to: uri)) } }
                group.addTask {
                    try await Task.sleep(nanoseconds: 50_000_000)   // while the posts are being rendered
                    return (false, try await client.get("/articles/hemifacial-spasm/card.pdf?lang=en"))
                }
                var all: [(Bool, TestResponse)] = []
                for try await item in group { all.append(item) }
                return (all.filter(\.0).map(\.1), all.filter { !$0.0 }.map(\.1))
            }
            #expect(clinic.count == 1)
            #expect(clinic.allSatisfy { $0.status == .ok && Bytes.isPDF($0.bytes) }, "\(clinic.map(\.status))")
            #expect(posted.contains { $0.status == .ok })
            #expect(posted.contains { $0.status == .serviceUnavailable }, "\(posted.map(\.status))")
            #expect(posted.allSatisfy { $0.status == .ok || $0.status == .serviceUnavailable })
        }
    }
}
