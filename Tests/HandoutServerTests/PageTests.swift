// The web page (English and Bangla), its search, the style sheet, health and the page's
// security headers.
import Foundation
import HandoutServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Web pages")
struct PageTests {
    @Test("/ lists the sample article in English, with its Bangla title beside it")
    func indexListsArticle() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("Patient handouts to print"))
            #expect(html.contains("<a href=\"/articles/hemifacial-spasm?ui=en\">Hemifacial spasm</a>"))
            #expect(html.contains(Fixture.titleBN))
            #expect(html.contains("<small class=\"state\">Bangla complete</small>"), "which articles are complete in Bangla")
            #expect(html.contains("<input id=\"q\" name=\"q\" type=\"search\""))
            #expect(!html.contains("No article matches."))
        }
    }

    @Test("Search finds the article by English title text, in any case",
          arguments: ["hemifacial", "HEMIFACIAL", "Spasm", "facial%20sp"])
    func searchEnglish(query: String) async throws {
        try await Fixture.withServer { client, _ in
            let html = try await client.get("/?q=\(query)").text
            #expect(html.contains("href=\"/articles/hemifacial-spasm?ui=en\""))
            #expect(!html.contains("No article matches."))
        }
    }

    @Test("Search looks in the summary, key points and definition too, in both languages, every word anywhere",
          arguments: ["face twitch", "twitch face", "lower eyelid", "MRI scan", "চোখের পাতা লাফানো", "রক্তনালি স্নায়ুকে"])
    func searchBeyondTitles(words: String) async throws {
        try await Fixture.withServer { client, _ in
            let html = try await client.get("/?q=\(percentEncoded(words))").text
            #expect(html.contains("href=\"/articles/hemifacial-spasm?ui=en\""), "\(words)")
        }
    }

    @Test("The Bangla list links the Bangla title, the English beside it; the English list the other way round")
    func listLinksTheTitleInThePagesLanguage() async throws {
        try await Fixture.withServer { client, _ in
            let bangla = try await client.get("/?ui=bn").text
            #expect(bangla.contains("<a href=\"/articles/hemifacial-spasm?ui=bn\"><span lang=\"bn\">\(Fixture.titleBN)</span></a> <span lang=\"en\">Hemifacial spasm</span>"))
            let english = try await client.get("/").text
            #expect(english.contains("<a href=\"/articles/hemifacial-spasm?ui=en\">Hemifacial spasm</a> <span lang=\"bn\">\(Fixture.titleBN)</span>"))
        }
    }

    @Test("A search needs every word: one word from nowhere in the article finds nothing")
    func searchNeedsEveryWord() async throws {
        try await Fixture.withServer { client, _ in
            let html = try await client.get("/?q=\(percentEncoded("face diabetes"))").text
            #expect(html.contains("No article matches."))
        }
    }

    @Test("Search finds the article by Bangla title text")
    func searchBangla() async throws {
        try await Fixture.withServer { client, _ in
            for words in ["স্প্যাজম", "মুখের এক পাশের"] {
                let query = percentEncoded(words)
                let response = try await client.get("/?q=\(query)&ui=bn")
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("href=\"/articles/hemifacial-spasm?ui=bn\""), "query \(words)")
                #expect(!html.contains("মিলে যায় এমন কোনো লেখা নেই।"), "query \(words)")
                // The search box keeps what was typed.
                #expect(html.contains("value=\"\(words)\""), "query \(words)")
            }
        }
    }

    @Test("A search of several words, as the form sends it (spaces as \"+\"), finds the article")
    func searchFormEncodedSpaces() async throws {
        try await Fixture.withServer { client, _ in
            // What a browser sends for "facial spasm" and "মুখের এক পাশের" typed into the search box.
            let english = try await client.get("/?q=facial+spasm&ui=en")
            let bangla = try await client.get("/?q=" + percentEncoded("মুখের এক পাশের").replacingOccurrences(of: "%20", with: "+") + "&ui=bn")
            #expect(english.status == .ok)
            #expect(bangla.status == .ok)
            // Routes.indexPage takes q as Hummingbird decodes it, which leaves "+" as "+".
            #expect(english.text.contains("href=\"/articles/hemifacial-spasm?ui=en\""))
            #expect(english.text.contains("value=\"facial spasm\""))
            #expect(bangla.text.contains("href=\"/articles/hemifacial-spasm?ui=bn\""))
        }
    }

    @Test("A search that matches nothing says so, in the page's language")
    func searchNoMatch() async throws {
        try await Fixture.withServer { client, _ in
            let english = try await client.get("/?q=migraine").text
            #expect(english.contains("No article matches."))
            #expect(!english.contains("/articles/hemifacial-spasm"))
            let bangla = try await client.get("/?q=migraine&ui=bn").text
            #expect(bangla.contains("মিলে যায় এমন কোনো লেখা নেই।"))
        }
    }

    @Test("The search text is escaped when shown back")
    func searchEscaped() async throws {
        try await Fixture.withServer { client, _ in
            let html = try await client.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").text
            #expect(!html.contains("<script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("/?ui=bn is the Bangla page")
    func indexBangla() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/?ui=bn")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<html lang=\"bn\">"))
            #expect(html.contains("প্রিন্ট করার জন্য রোগীর তথ্যপত্র"))
            #expect(html.contains("রোগের নাম খুঁজুন"))
            #expect(html.contains("href=\"/articles/hemifacial-spasm?ui=bn\""))
            #expect(html.contains("<input type=\"hidden\" name=\"ui\" value=\"bn\">"))
            #expect(html.contains("View in English"))
            #expect(!html.contains("Patient handouts to print"))
        }
    }

    @Test("The article page offers every document, language and paper, with a preview")
    func articlePage() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h2 lang=\"en\">Hemifacial spasm</h2>"))
            #expect(html.contains("Last reviewed: 20 November 2026"))
            #expect(html.contains("<form method=\"get\" action=\"/articles/hemifacial-spasm/document\">"))
            for document in Fixture.documents {
                #expect(html.contains("<option value=\"\(document)\""), "document \(document)")
            }
            for value in ["en", "bn", "en+bn", "a4", "letter"] {
                #expect(html.contains("<option value=\"\(value)\""), "option \(value)")
            }
            #expect(html.contains("<option value=\"en+bn\" selected>"))
            #expect(html.contains("name=\"large-print\""))
            #expect(html.contains("src=\"/articles/hemifacial-spasm/handout.png?page=1&amp;lang=en%2Bbn&amp;paper=a4&amp;large-print=0\""))
            #expect(html.contains("<figcaption>21 pages: 11 sheets of paper printed on both sides</figcaption>"))
            #expect(html.contains("<button type=\"submit\" name=\"download\" value=\"1\">Download</button>"))
            #expect(html.contains("href=\"/articles/hemifacial-spasm?ui=bn\""))
        }
    }

    @Test("Preview: the page shows the chosen document, language and paper, with its pages and sheets")
    func previewTheChoice() async throws {
        try await Fixture.withServer { client, _ in
            let redirect = try await client.get("/articles/hemifacial-spasm/document?doc=checklist&lang=bn&paper=letter&preview=1&ui=bn")
            #expect(redirect.status == .seeOther)
            let location = try #require(redirect.headers[.location])
            #expect(location == "/articles/hemifacial-spasm?doc=checklist&lang=bn&paper=letter&large-print=0&ui=bn")
            let html = try await client.get(location).text
            #expect(html.contains("<option value=\"checklist\" selected>"))
            #expect(html.contains("<option value=\"letter\" selected>"))
            #expect(html.contains("src=\"/articles/hemifacial-spasm/checklist.png?page=1&amp;lang=bn&amp;paper=letter&amp;large-print=0\""))
            #expect(html.contains("<figcaption>২ পাতা: দুই পিঠে ছাপলে একটি কাগজ</figcaption>"))
            let image = try await client.get("/articles/hemifacial-spasm/checklist.png?page=1&lang=bn&paper=letter&large-print=0")
            #expect(image.status == .ok && Bytes.isPNG(image.bytes))
            let summary = try await client.get("/articles/hemifacial-spasm?doc=summary&lang=en").text
            #expect(summary.contains("<figcaption>1 page</figcaption>"))
            #expect(try await client.get("/articles/hemifacial-spasm?doc=leaflet").status == .badRequest)
        }
    }

    @Test("The article page in Bangla shows the Bangla title and words, Bangla selected")
    func articlePageBangla() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm?ui=bn")
            #expect(response.status == .ok)
            #expect(response.text.contains("সর্বশেষ যাচাই: ২০ নভেম্বর ২০২৬"), "Bangla digits and month in the Bangla page")
            let html = response.text
            #expect(html.contains("<html lang=\"bn\">"))
            #expect(html.contains("<h2 lang=\"bn\">\(Fixture.titleBN)</h2>"))
            #expect(html.contains("সর্বশেষ যাচাই"))
            #expect(html.contains("<option value=\"bn\" selected>বাংলা</option>"))
            #expect(html.contains("ডাউনলোড"))
            #expect(html.contains("href=\"/?ui=bn\""))
        }
    }

    @Test("HTML pages carry a strict Content-Security-Policy and nosniff",
          arguments: ["/", "/?ui=bn", "/?q=spasm", "/articles/hemifacial-spasm", "/articles/hemifacial-spasm?ui=bn"])
    func securityHeaders(uri: String) async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get(uri)
            #expect(response.status == .ok)
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("form-action 'self'"))
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test("/style.css is served as CSS")
    func styleSheet() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/style.css")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            #expect(response.text.contains("body {"))
            #expect(response.text.contains(".choose"))
        }
    }

    @Test("/healthz answers ok")
    func health() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            #expect(response.text == "ok\narticles: 1\n")
        }
    }

    @Test("The page brings its own Bangla font, so a machine without one still shows Bangla; only the named fonts are served")
    func banglaWebFont() async throws {
        try await Fixture.withServer { client, _ in
            let css = try await client.get("/style.css").text
            #expect(css.contains("url(\"/fonts/NotoSansBengali-Regular.ttf\")"))
            let font = try await client.get("/fonts/NotoSansBengali-Regular.ttf")
            #expect(font.status == .ok)
            #expect(font.headers[.contentType] == "font/ttf")
            #expect(font.headers[.cacheControl] == "public, max-age=604800")
            let original = try Data(contentsOf: Fixture.root.appendingPathComponent("fonts/NotoSansBengali-Regular.ttf"))
            #expect(font.bytes == Array(original))
            let again = try await client.get("/fonts/NotoSansBengali-Regular.ttf", headers: [.ifNoneMatch: try #require(font.headers[.eTag])])
            #expect(again.status == .notModified)
            for other in ["NotoSans-Regular.ttf", "OFL.txt", "..%2F..%2Fetc%2Fpasswd", "x"] {
                #expect(try await client.get("/fonts/\(other)").status == .notFound, "\(other)")
            }
            let page = try await client.get("/")
            #expect(page.headers[.contentSecurityPolicy]?.contains("font-src 'self'") == true)
        }
    }
}
