// `make bench`: how fast Handout renders, against the floor of what Pango and Cairo alone
// take for the same paragraphs; how a pack scales across cores; whether a pack's memory
// stays flat as it grows. Figures only; no test asserts on time.
import Foundation
import HandoutKit
import LayoutEngine
import TextShaping

let arguments = CommandLine.arguments
let runs = 15

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// The median time of `runs` calls.
func median(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try milliseconds(body)) }
    return times.sorted()[runs / 2]
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // ru_maxrss is in kilobytes on Linux
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(1)
}

/// `count` copies of the article under their own slugs, in a fresh folder.
func copies(of articlePath: String, count: Int) throws -> (folder: URL, paths: [String]) {
    let text = try String(contentsOfFile: articlePath, encoding: .utf8)
    guard let slugLine = text.split(separator: "\n").first(where: { $0.hasPrefix("slug: ") }) else { fail("no slug in \(articlePath)") }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handout-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // The slug with or without quotes (the peers harness's converted article quotes it).
    let slug = slugLine.dropFirst("slug: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
    let paths = try (1...count).map { number in
        let path = folder.appendingPathComponent("article-\(number).yaml").path
        try text.replacingOccurrences(of: String(slugLine), with: "slug: \(slug)-\(number)").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
    return (folder, paths)
}

/// A pack of `paths` × `documents` in English on A4 into a fresh folder: milliseconds and pages.
func pack(_ paths: [String], documents: [DocumentKind], workers: Int, combined: Bool = true) throws -> (time: Double, pages: Int, files: Int) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handout-bench-pack-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var request = PackRequest(articles: paths, documents: documents, modes: [.en], papers: [.a4], folder: folder, workers: workers)
    request.combined = combined
    var report: PackReport!
    let time = try milliseconds { report = try Packer().run(request) { _, _, _ in } }
    if !report.failures.isEmpty { fail("pack failed: \(report.failures.map(\.subject))") }
    return (time, report.manifest.files.reduce(0) { $0 + $1.pages }, report.manifest.files.count)
}

// `handout-bench --pack-memory N ARTICLE`: one pack of N one-page documents in this process
// alone, printing its peak memory (the main run starts it twice, for 10 and for 1,000).
if arguments.count == 4, arguments[1] == "--pack-memory", let count = Int(arguments[2]) {
    do {
        let (folder, paths) = try copies(of: arguments[3], count: count)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try pack(paths, documents: [.summary], workers: ProcessInfo.processInfo.activeProcessorCount)
        print(String(format: "%.1f %d %.0f", peakMemoryMB(), result.pages, result.time))
    } catch {
        fail("\(error)")
    }
    exit(0)
}

/// The article's paragraphs in `mode`'s languages, as the floor draws them: at the
/// handout's line length (its columns' in bilingual output).
func floorParagraphs(_ article: Article, _ mode: LanguageMode) throws -> [Floor.Paragraph] {
    let layout = try DocumentLayout.load(path: Resources.standard().layouts.appendingPathComponent("handout.yaml").path,
                                         sections: Handout.sections, required: Handout.requiredSections)
    let body = Paper.a4.size.width - layout.margins.left - layout.margins.right
    let columns = (body - layout.columnGap) * layout.englishShare
    return mode.languages.flatMap { language in
        let width = mode != .bilingual ? body : language == .en ? columns : body - layout.columnGap - columns
        return article.allTexts.compactMap { $0[language]?.plainText }
            .map { Floor.Paragraph(text: $0, bangla: language == .bn, width: width) }
    }
}

// `handout-bench --profile handout|floor MODE N ARTICLE`: only N renders of the handout, or
// of the floor, for a profiler (`make profile` runs both under callgrind).
if arguments.count == 6, arguments[1] == "--profile", let mode = LanguageMode(rawValue: arguments[3]), let count = Int(arguments[4]) {
    do {
        let publisher = try Publisher()
        let article = try publisher.loadArticle(path: arguments[5]).article
        let fonts = try FontLibrary(directory: Resources.standard().fonts)
        for _ in 0..<count {
            if arguments[2] == "floor" {
                _ = Floor.render(try floorParagraphs(article, mode), fonts: fonts)
            } else {
                _ = try publisher.render(article, options: RenderOptions(document: .handout, mode: mode, paper: .a4))
            }
        }
    } catch {
        fail("\(error)")
    }
    exit(0)
}

let articlePath = arguments.count > 1 ? arguments[1] : "articles/hemifacial-spasm.yaml"
do {
    var publisher: Publisher!
    let startup = try milliseconds { publisher = try Publisher() }
    let article = try publisher.loadArticle(path: articlePath).article
    let fonts = try FontLibrary(directory: Resources.standard().fonts)
    print("Handout bench: \(articlePath), handout on A4, median of \(runs) runs each")
    print(String(format: "start-up (fonts, labels): %.1f ms", startup))

    // Handout against the floor: the same paragraphs, only shaped and drawn.
    print("\nmode    Handout: pages  ms/doc  ms/page | floor: pages  ms/doc  ms/page | Handout/floor")
    for mode in LanguageMode.allCases {
        let options = RenderOptions(document: .handout, mode: mode, paper: .a4)
        var pages = 0
        let handout = try median { pages = try publisher.render(article, options: options).pageCount }
        let paragraphs = try floorParagraphs(article, mode)
        var floorPages = 0
        let floor = median { floorPages = Floor.render(paragraphs, fonts: fonts).pages }
        let name = mode.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
        print(name + String(format: "  %13d  %6.1f  %7.2f | %12d  %6.1f  %7.2f | %.2f×", pages, handout, handout / Double(pages),
                            floorPages, floor, floor / Double(floorPages), handout / floor))
    }
    print(String(format: "peak memory after rendering: %.1f MB", peakMemoryMB()))

    // Scaling: the same pack (copies of the article: handout and summary, English, A4) on
    // one worker and on every core, without and with the combined print PDF (drawn into
    // one file, so by one thread at a time).
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let (folder, paths) = try copies(of: articlePath, count: 24)
    defer { try? FileManager.default.removeItem(at: folder) }
    for combined in [false, true] {
        print("\npack of \(paths.count) articles × handout, summary (en, A4), \(combined ? "with" : "without") the combined PDF:")
        var single = 0.0
        for workers in Set([1, cores]).sorted() {
            let result = try pack(paths, documents: [.handout, .summary], workers: workers, combined: combined)
            if workers == 1 { single = result.time }
            print(String(format: "  %d worker%@: %d files, %d pages in %.0f ms: %.0f pages/s, %.2f× one worker (ideal %d×)",
                         workers, workers == 1 ? " " : "s", result.files, result.pages, result.time,
                         Double(result.pages) / result.time * 1000, single / result.time, workers))
        }
    }

    // Memory as a pack grows: each size in its own process, so each peak is its own.
    print("\npeak memory of a pack of one-page summaries (each run in its own process):")
    for count in [10, 1_000] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["--pack-memory", String(count), articlePath]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 3 else { fail("pack of \(count) failed: \(text)") }
        print("  \(count) documents: \(fields[0]) MB peak, \(fields[1]) pages in \(fields[2]) ms")
    }
} catch {
    fail("\(error)")
}
