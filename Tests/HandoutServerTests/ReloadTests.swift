// The articles folder is watched while the server runs: a changed file is served without a
// restart, a broken edit keeps the last good version; only regular YAML files directly in
// the folder are served. (LibraryTests drives the watcher one look at a time.)
import Foundation
import HandoutServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Reload")
struct ReloadTests {
    /// The servers here look at their folder every 0.1 s.
    static func settings(_ settings: inout ServerSettings) { settings.recheck = 0.1 }

    /// Waits (up to 10 s) until `condition` holds, and returns whether it did.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try await condition() { return true }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    /// Adds a plain article after the files that must be skipped and waits until it is served:
    /// by then the watcher has looked at everything written before it.
    static func addMarker(to folder: URL, _ client: any TestClientProtocol) async throws -> Bool {
        try Fixture.sample(replacing: [("slug: hemifacial-spasm", "slug: marker")])
            .write(to: folder.appendingPathComponent("marker.yaml"), atomically: true, encoding: .utf8)
        return try await eventually { try await slugs(client).contains("marker") }
    }

    static func slugs(_ client: any TestClientProtocol) async throws -> [String] {
        let list = try #require(try await client.get("/api/articles").json() as? [[String: Any]])
        return list.compactMap { $0["slug"] as? String }
    }

    static func titles(_ client: any TestClientProtocol) async throws -> [String: String] {
        let list = try #require(try await client.get("/api/articles").json() as? [[String: Any]])
        var result: [String: String] = [:]
        for item in list {
            if let slug = item["slug"] as? String, let title = item["title"] as? [String: Any] { result[slug] = title["en"] as? String }
        }
        return result
    }

    @Test("A second article added to the folder is served after the recheck, without a restart")
    func addArticle() async throws {
        try await Fixture.withServer(Self.settings) { client, folder in
            #expect(try await Self.slugs(client) == [Fixture.slug])
            let second = Fixture.sample(replacing: [("slug: hemifacial-spasm", "slug: blepharospasm"),
                                                    ("en: \"Hemifacial spasm\"", "en: \"Blepharospasm\"")])
            try second.write(to: folder.appendingPathComponent("blepharospasm.yaml"), atomically: true, encoding: .utf8)
            #expect(try await Self.eventually { try await Self.slugs(client) == ["blepharospasm", Fixture.slug] })
            #expect(try await Self.titles(client)["blepharospasm"] == "Blepharospasm")
            let page = try await client.get("/articles/blepharospasm")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h2 lang=\"en\">Blepharospasm</h2>"))
            let index = try await client.get("/?q=blepharo").text
            #expect(index.contains("href=\"/articles/blepharospasm?ui=en\""))
            #expect(!index.contains("href=\"/articles/hemifacial-spasm?ui=en\""))
            let pdf = try await client.get("/articles/blepharospasm/card.pdf")
            #expect(pdf.status == .ok)
            #expect(Bytes.isPDF(pdf.bytes))
            #expect(pdf.headers[.contentDisposition].flatMap(filename(in:)) == "blepharospasm-card-en-bn-a4.pdf")

            // And removed again.
            try FileManager.default.removeItem(at: folder.appendingPathComponent("blepharospasm.yaml"))
            #expect(try await Self.eventually { try await Self.slugs(client) == [Fixture.slug] })
            #expect(try await client.get("/articles/blepharospasm").status == .notFound)
        }
    }

    @Test("An edited title is served after the recheck, and the edited article's PDF is a new one")
    func editTitle() async throws {
        try await Fixture.withServer(Self.settings) { client, folder in
            #expect(try await Self.titles(client)[Fixture.slug] == Fixture.titleEN)
            let before = try await client.get("/articles/hemifacial-spasm/card.pdf?lang=en")
            #expect(before.status == .ok)
            let oldTag = try #require(before.headers[.eTag])

            let edited = Fixture.sample(replacing: [("en: \"Hemifacial spasm\"", "en: \"Hemifacial spasm (edited)\"")])
            try edited.write(to: folder.appendingPathComponent("hemifacial-spasm.yaml"), atomically: true, encoding: .utf8)
            #expect(try await Self.eventually { try await Self.titles(client)[Fixture.slug] == "Hemifacial spasm (edited)" })
            let page = try await client.get("/articles/hemifacial-spasm").text
            #expect(page.contains("<h2 lang=\"en\">Hemifacial spasm (edited)</h2>"))
            #expect(try await client.get("/").text.contains(">Hemifacial spasm (edited)</a>"))

            // The content hash is part of the cache key: the old PDF is not served for the new file.
            let after = try await client.get("/articles/hemifacial-spasm/card.pdf?lang=en", headers: [.ifNoneMatch: oldTag])
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != oldTag)
            let metrics = try await client.get("/metrics").text
            #expect(Prometheus.value(metrics, "handout_renders_total", ["document": "card"]) == 2)
        }
    }

    @Test("An edit that breaks the file keeps the last good version served, and /healthz names the file")
    func brokenEdit() async throws {
        try await Fixture.withServer(Self.settings) { client, folder in
            let before = try await client.get("/articles/hemifacial-spasm/card.pdf?lang=en")
            try "slug: [unclosed\n".write(to: folder.appendingPathComponent("hemifacial-spasm.yaml"), atomically: true, encoding: .utf8)
            #expect(try await Self.eventually { try await client.get("/healthz").text.contains("problem: ") })
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(health.text.hasPrefix("ok\narticles: 1\nproblem: \(folder.path)/hemifacial-spasm.yaml:2:1: error: malformed YAML"))
            #expect(health.text.hasSuffix("(the last good version is served)\n"))
            #expect(try await Self.slugs(client) == [Fixture.slug])
            let after = try await client.get("/articles/hemifacial-spasm/card.pdf?lang=en")
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] == before.headers[.eTag])
        }
    }

    @Test("A symlink in the folder to a YAML outside it is not served")
    func symlinkOutside() async throws {
        let (parent, articles) = try Fixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let outsideFolder = parent.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outsideFolder, withIntermediateDirectories: true)
        let outside = outsideFolder.appendingPathComponent("secret.yaml")
        try Fixture.sample(replacing: [("slug: hemifacial-spasm", "slug: secret-article"),
                                       ("en: \"Hemifacial spasm\"", "en: \"Secret article\"")])
            .write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: articles.appendingPathComponent("secret.yaml"), withDestinationURL: outside)
        // Relative links too, and a link to a folder outside.
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("relative.yaml").path,
                                                   withDestinationPath: "../elsewhere/secret.yaml")
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("folder.yaml").path,
                                                   withDestinationPath: outsideFolder.path)

        let app = buildApplication(ServerSettings(articles: articles, recheck: 0.1, resources: Fixture.resources))
        try await app.test(.router) { client in
            #expect(try await Self.slugs(client) == [Fixture.slug])
            #expect(try await client.get("/articles/secret-article").status == .notFound)
            #expect(try await client.get("/articles/secret-article/card.pdf").status == .notFound)
            #expect(!(try await client.get("/?q=secret").text.contains("Secret article")))

            // A symlink added while the server runs is skipped as well.
            try FileManager.default.createSymbolicLink(at: articles.appendingPathComponent("later.yaml"), withDestinationURL: outside)
            #expect(try await Self.addMarker(to: articles, client))
            #expect(try await Self.slugs(client) == ["hemifacial-spasm", "marker"])
        }
    }

    @Test("Only .yaml files directly in the folder are read; a subfolder is not")
    func onlyTopLevelYAML() async throws {
        try await Fixture.withServer(Self.settings) { client, folder in
            let sub = folder.appendingPathComponent("drafts")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let draft = Fixture.sample(replacing: [("slug: hemifacial-spasm", "slug: draft-article")])
            try draft.write(to: sub.appendingPathComponent("draft.yaml"), atomically: true, encoding: .utf8)
            try draft.write(to: folder.appendingPathComponent("draft.yml.txt"), atomically: true, encoding: .utf8)
            #expect(try await Self.addMarker(to: folder, client))
            #expect(try await Self.slugs(client) == ["hemifacial-spasm", "marker"])
        }
    }
}
