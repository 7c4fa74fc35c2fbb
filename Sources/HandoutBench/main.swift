// `make bench`: how long the sample takes to render in each language mode (milliseconds
// per page, median of several runs, in-process, fonts already loaded) and the peak memory.
// Figures only; no test asserts on time.
import Foundation
import HandoutKit

let arguments = CommandLine.arguments
let articlePath = arguments.count > 1 ? arguments[1] : "articles/hemifacial-spasm.yaml"
let runs = 15

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // ru_maxrss is in kilobytes on Linux
}

do {
    var publisher: Publisher!
    let startup = try milliseconds { publisher = try Publisher() }
    let article = try publisher.loadArticle(path: articlePath).article
    print("Handout bench: \(articlePath), handout on A4, median of \(runs) renders each")
    print(String(format: "start-up (fonts, labels): %.1f ms", startup))
    print("mode    pages   ms/document   ms/page")
    for mode in LanguageMode.allCases {
        let options = RenderOptions(document: .handout, mode: mode, paper: .a4)
        var pages = 0
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(try milliseconds { pages = try publisher.render(article, options: options).pageCount })
        }
        let median = times.sorted()[runs / 2]
        let name = mode.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
        print(name + String(format: "  %5d   %11.1f   %7.2f", pages, median, median / Double(pages)))
    }
    print(String(format: "peak memory after rendering: %.1f MB", peakMemoryMB()))

    // Pack throughput: the sample's whole pack (every document and language, A4), into a
    // fresh folder each time so nothing is skipped, on one worker and on every core.
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for workers in Set([1, cores]).sorted() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handout-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = PackRequest(articles: [articlePath], documents: DocumentKind.allCases, modes: LanguageMode.allCases,
                                  papers: [.a4], folder: folder, workers: workers)
        var report: PackReport!
        let time = try milliseconds { report = try Packer().run(request) { _, _, _ in } }
        let pages = report.manifest.files.reduce(0) { $0 + $1.pages }
        print(String(format: "pack on %d worker%@: %d files, %d pages in %.0f ms: %.0f pages/s (with the combined PDF)",
                     workers, workers == 1 ? "" : "s", report.manifest.files.count, pages, time, Double(pages) / time * 1000))
    }
    print(String(format: "peak memory: %.1f MB", peakMemoryMB()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
