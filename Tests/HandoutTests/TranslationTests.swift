// Translators' round trip with the real tools: `handout translate export` writes PO files
// that GNU msgfmt accepts; a PO edited with polib (as a CAT tool saves it) comes back in
// with each unit checked; translations remember their English, so one changed sentence
// makes exactly that unit need review, and the Bangla handout prints the new English there.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct TranslationTests {
    /// A fresh folder holding `article` as hemifacial-spasm.yaml.
    static func folder(with article: Article) throws -> URL {
        let folder = Sample.temporaryDirectory.appendingPathComponent("translate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(ArticleWriter.yaml(article).utf8).write(to: folder.appendingPathComponent("hemifacial-spasm.yaml"))
        return folder
    }

    static func handout(_ arguments: [String]) throws -> Sample.Result {
        try Sample.run(CommandLineTests.executable, arguments, directory: Sample.root)
    }

    /// Runs a Python script with polib, the PO library translation tools build on.
    static func polib(_ script: String, _ arguments: [String]) throws -> Sample.Result {
        try Sample.run("python3", ["-c", "import sys, polib\n" + script] + arguments)
    }

    /// The sample without any Bangla.
    static var untranslated: Article {
        Sample.article.mapTexts { text in
            var bare = text
            bare.texts[.bn] = nil
            bare.sources = [:]
            return bare
        }
    }

    /// Fills every empty unit of `target` with the translation `reference` gives the same
    /// unit (the same English can have two translations: a sign and its short form), and saves it.
    static let fillScript = """
        reference = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(sys.argv[1]) if e.msgstr}
        target = polib.pofile(sys.argv[2])
        for entry in target:
            if not entry.msgstr and (entry.msgctxt, entry.msgid) in reference:
                entry.msgstr = reference[(entry.msgctxt, entry.msgid)]
        target.save()
        """

    static func exportPO(_ article: String, into folder: URL) throws -> String {
        let result = try handout(["translate", "export", article, "-o", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder.appendingPathComponent("hemifacial-spasm.bn.po").path
    }

    static func banglaWords(_ article: String) throws -> [String] {
        let pdf = URL(fileURLWithPath: article).deletingPathExtension().appendingPathExtension("pdf").path
        let result = try handout(["render", article, "--lang", "bn", "-o", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        return CorpusImportTests.words(try Sample.run("pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout)
    }

    @Test func exportedFilesPassMsgfmt() throws {
        for article in [Sample.article, Self.untranslated] {
            let folder = try Self.folder(with: article)
            let po = try Self.exportPO(folder.appendingPathComponent("hemifacial-spasm.yaml").path, into: folder)
            let check = try Sample.run("msgfmt", ["-c", "--check-format", "-o", "/dev/null", po])
            #expect(check.status == 0, "\(check.stderr)")
            let text = try String(contentsOfFile: po, encoding: .utf8)
            #expect(text.contains("msgctxt \"causes.blocks[1].list.items[0]\""), "a unit's context is its path")
            // Each unit tells the translator which section it is in, by the section's own title.
            let causes = try #require(article.sections[.causes]?.title?.en)
            #expect(text.contains("#. Section: \(causes) (causes)\n#: hemifacial-spasm.yaml:"), "\(text.prefix(600))")
        }
    }

    @Test func anUnchangedRoundTripChangesNothing() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("translate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = folder.appendingPathComponent("hemifacial-spasm.yaml")
        try FileManager.default.copyItem(atPath: Sample.articlePath, toPath: article.path)
        let before = try Data(contentsOf: article)
        let po = try Self.exportPO(article.path, into: folder)
        let result = try Self.handout(["translate", "import", po, "--articles", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 translations put in"))
        #expect(try Data(contentsOf: article) == before, "the article file is untouched")
    }

    @Test func aStrippedSampleFilledFromItsOwnTranslationsPrintsTheSameBangla() throws {
        let folder = try Self.folder(with: Self.untranslated)
        let article = folder.appendingPathComponent("hemifacial-spasm.yaml").path
        // The sample as the writer writes it, so its units have the same paths.
        let sampleFolder = try Self.folder(with: Sample.article)
        let reference = try Self.exportPO(sampleFolder.appendingPathComponent("hemifacial-spasm.yaml").path,
                                          into: Sample.temporaryDirectory.appendingPathComponent("ref-\(UUID().uuidString)"))
        let po = try Self.exportPO(article, into: folder)
        #expect(try Self.polib(Self.fillScript, [reference, po]).status == 0)
        let result = try Self.handout(["translate", "import", po, "--articles", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let imported = try ArticleLoader.load(path: article).article
        #expect(imported.allTexts.allSatisfy { $0.bn != nil && $0.sources[.bn] == LocalizedText.fingerprint($0.en) })
        #expect(try Self.banglaWords(article) == Self.banglaWords(sampleFolder.appendingPathComponent("hemifacial-spasm.yaml").path))
    }

    /// One English sentence edited after translation: that unit alone needs review, goes out
    /// fuzzy, and the Bangla handout prints the new English there, marked pending.
    @Test func oneChangedSentenceNeedsReviewAlone() throws {
        let stamped = Sample.article.mapTexts { text in
            var current = text
            if let bangla = text.texts[.bn] { current.translate(bangla, into: .bn) }
            return current
        }
        let folder = try Self.folder(with: stamped)
        let path = folder.appendingPathComponent("hemifacial-spasm.yaml").path
        let old = "Spasms often continue during sleep."
        let new = "Spasms often go on while you sleep."
        var text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        text = text.replacingOccurrences(of: old, with: new)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))

        let status = try Self.handout(["translate", "status", path, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        #expect(json.first?["needs_review"] as? Int == 1, "\(status.stdout.prefix(300))")
        #expect(json.first?["missing"] as? Int == 0)

        let po = try Self.exportPO(path, into: folder)
        let fuzzy = try Self.polib("print('\\n'.join(e.msgctxt for e in polib.pofile(sys.argv[1]) if e.fuzzy))", [po])
        #expect(fuzzy.stdout.split(separator: "\n") == ["definition[1]"])

        let validate = try Self.handout(["validate", path])
        #expect(validate.stdout.contains("the Bangla needs review: the English has changed since it was translated (definition[1])"))

        let words = try Self.banglaWords(path).joined(separator: " ")
        #expect(words.contains(CorpusImportTests.words(new).joined(separator: " ")), "the new English is printed")
        #expect(!words.contains(CorpusImportTests.words("ঘুমের মধ্যেও অনেক সময় কাঁপুনি চলতে থাকে").joined(separator: " ")),
                "the out-of-date Bangla is not")
    }

    /// A translator's mistakes are reported at their line in the PO file and left out; the
    /// good units go in.
    @Test func eachUnitIsCheckedAtItsLine() throws {
        var article = Self.untranslated
        article.summary = [LocalizedText(en: "Call 999, or read https://example.org/help for **help**.", bn: nil, path: "summary[0]"),
                           LocalizedText(en: "Rest for 2 days.", bn: nil, path: "summary[1]")]
        let folder = try Self.folder(with: article)
        let po = try Self.exportPO(folder.appendingPathComponent("hemifacial-spasm.yaml").path, into: folder)
        let edit = """
            po = polib.pofile(sys.argv[1])
            answers = {'summary[0]': '৯৯৯ নম্বরে ফোন করুন, অথবা https://example.org/helps দেখুন **সাহায্যের জন্য।',
                       'summary[1]': '২ দিন বিশ্রাম নিন।', 'title': '', 'disclaimer': 'শুধু তথ্য।'}
            for entry in po:
                if entry.msgctxt in answers: entry.msgstr = answers[entry.msgctxt]
            po.save()
            """
        #expect(try Self.polib(edit, [po]).status == 0)
        let result = try Self.handout(["translate", "import", po, "--articles", folder.path])
        #expect(result.status == 1)
        let lines = try String(contentsOfFile: po, encoding: .utf8).components(separatedBy: "\n")
        let line = { (context: String) in (lines.firstIndex(of: "msgctxt \"\(context)\"") ?? -1) + 1 }
        for (context, message) in [("summary[0]", "the ** bold markers are unbalanced"),
                                   ("summary[0]", "the web address https://example.org/help was changed"),
                                   ("title", "empty translation")] {
            #expect(result.stderr.contains("\(po):\(line(context)):1: ") && result.stderr.contains(message), "\(message): \(result.stderr)")
        }
        let imported = try ArticleLoader.load(path: folder.appendingPathComponent("hemifacial-spasm.yaml").path).article
        #expect(imported.summary.map(\.bn) == [nil, "২ দিন বিশ্রাম নিন।"], "Bangla digits count as the number 2")
        #expect(imported.disclaimer.bn == "শুধু তথ্য।")
    }

    /// TICO-19's professionally translated health sentences through export, a translator's
    /// PO, import and a Bangla handout: every Bangla word comes back, in order.
    @Test func ticoSentencesGoThroughExportImportAndRender() throws {
        let tsv = Sample.root.deletingLastPathComponent().appendingPathComponent("shared/corpora/tico19-en-bn.tsv")
        let rows = try String(contentsOf: tsv, encoding: .utf8).split(separator: "\n").dropFirst().prefix(60)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }.filter { $0.count >= 4 }
        #expect(rows.count == 60)
        var article = Self.untranslated
        article.summary = rows.enumerated().map { LocalizedText(en: $1[2], bn: nil, path: "summary[\($0)]") }
        let folder = try Self.folder(with: article)
        let path = folder.appendingPathComponent("hemifacial-spasm.yaml").path
        let po = try Self.exportPO(path, into: folder)
        let fill = """
            import csv
            pairs = {r[2]: r[3] for r in csv.reader(open(sys.argv[1], encoding='utf-8'), delimiter='\\t') if len(r) >= 4}
            po = polib.pofile(sys.argv[2])
            for entry in po:
                if entry.msgid in pairs: entry.msgstr = pairs[entry.msgid]
            po.save()
            """
        #expect(try Self.polib(fill, [tsv.path, po]).status == 0)
        let result = try Self.handout(["translate", "import", po, "--articles", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let imported = try ArticleLoader.load(path: path).article
        let translated = imported.summary.compactMap(\.bn)
        #expect(translated.count == 60, "\(result.stderr)")
        let printed = try Self.banglaWords(path)
        let words = translated.flatMap(CorpusImportTests.words)
        #expect(CorpusImportTests.inOrder(words, in: printed) == 1)
    }

    @Test func theGlossaryIsCheckedAndShownToTranslators() throws {
        var article = Self.untranslated
        article.summary = [LocalizedText(en: "A neurologist checks the face.", bn: "একজন নার্ভের ডাক্তার মুখ পরীক্ষা করেন।", path: "summary[0]")]
        let folder = try Self.folder(with: article)
        try Data("- en: neurologist\n  bn: [স্নায়ুরোগ বিশেষজ্ঞ]\n  avoid: [নার্ভের ডাক্তার]\n".utf8)
            .write(to: folder.appendingPathComponent("terms.yaml"))
        let path = folder.appendingPathComponent("hemifacial-spasm.yaml").path
        let validate = try Self.handout(["validate", path])
        #expect(validate.stdout.contains("'neurologist' is translated as 'নার্ভের ডাক্তার', which the glossary says to avoid (summary[0]) [glossary]"),
                "\(validate.stdout)")
        let po = try Self.exportPO(path, into: folder)
        #expect(try String(contentsOfFile: po, encoding: .utf8).contains("#. Glossary: neurologist = স্নায়ুরোগ বিশেষজ্ঞ (not নার্ভের ডাক্তার)"))
        // The folder's glossary is not an article.
        let status = try Self.handout(["translate", "status", folder.path])
        #expect(status.status == 0 && !status.stdout.contains("terms"), "\(status.stdout)\(status.stderr)")
    }
}
