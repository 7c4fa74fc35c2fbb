// `handout-fuzz`: a coverage-guided fuzz target for the article loader and the layout
// engine (docs/fuzzing.md). Each input is the bytes of an article file. It is loaded the
// way the print service loads a posted article; if it loads, the article checks run and
// the handout plus one more document are laid out with the real Pango shaper, in a
// language, paper and print option chosen from the input. Errors (`DiagnosticError`) are
// the expected answer to a bad file; anything that traps is a finding.
//
// Built two ways from this one file:
//   - with `-DFUZZING -sanitize=fuzzer` (scripts/fuzz.sh): libFuzzer supplies `main` and
//     calls `LLVMFuzzerTestOneInput`;
//   - by a plain `swift build`: a `main` that replays the files and folders named on the
//     command line through the same `fuzzOne`, to reproduce a crash in a debugger.
import Diagnostics
import Foundation
import HandoutKit
import LayoutEngine

/// Loads fonts and labels on first use only: libFuzzer calls in for every input, and
/// Pango is not thread-safe, so the process keeps one publisher and fuzzes on one thread.
nonisolated(unsafe) private var sharedPublisher: Publisher?

private func publisher() -> Publisher {
    if let sharedPublisher { return sharedPublisher }
    do {
        let made = try Publisher()
        sharedPublisher = made
        return made
    } catch {
        // Without fonts nothing can be laid out: a setup problem, not a finding.
        FileHandle.standardError.write(Data("handout-fuzz: \(error)\n".utf8))
        exit(2)
    }
}

/// What to lay out, chosen from a checksum of the input, so a replay of the same bytes
/// takes the same path and a mutation can reach every language and document.
struct FuzzChoice {
    var mode: LanguageMode
    var paper: Paper
    var other: DocumentKind
    var largePrint: Bool
    var booklet: Bool
    var grayscale: Bool
    /// Draw the handout to PDF too (1 in 16 inputs): rendering is slower than layout and
    /// is not the target, but it should not crash either.
    var render: Bool
    /// With `render`: 3 mm bleed and crop marks (one in two), the print shop's imposition.
    var printMarks: Bool

    init(_ bytes: UnsafeRawBufferPointer) {
        // FNV-1a: every byte counts, and neighbouring inputs get unrelated choices.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        func pick(_ count: Int) -> Int {
            defer { hash /= UInt64(count) }
            return Int(hash % UInt64(count))
        }
        mode = LanguageMode.allCases[pick(LanguageMode.allCases.count)]
        paper = Paper.allCases[pick(Paper.allCases.count)]
        other = DocumentKind.allCases[pick(DocumentKind.allCases.count)]
        largePrint = pick(4) == 0
        booklet = pick(4) == 0
        grayscale = pick(2) == 0
        render = pick(16) == 0
        printMarks = pick(2) == 0 && render
    }
}

/// One input: load, check, lay out. Returns normally for every outcome but a crash;
/// `report` (the replay's) hears what happened at each step.
func fuzzOne(_ bytes: UnsafeRawBufferPointer, report: ((String) -> Void)? = nil) {
    let article: Article
    do {
        article = try ArticleLoader.load(data: Data(bytes), file: "fuzz.yaml").article
    } catch {
        report?("load: \(error.diagnostics.count) error(s), first: \(error.diagnostics.first.map(\.description) ?? "-")")
        return
    }
    // Computed outside `report?(…)`: an optional call skips its arguments when nil.
    let warnings = ArticleChecks.warnings(article, today: CalendarDate(year: 2025, month: 6, day: 1)!)
    report?("load: ok, \(warnings.count) check warning(s)")
    let choice = FuzzChoice(bytes)
    let handout = RenderOptions(document: .handout, mode: choice.mode, paper: choice.paper,
                                largePrint: choice.largePrint, grayscale: choice.grayscale, booklet: choice.booklet,
                                bleed: choice.printMarks ? millimetres(3) : 0, cropMarks: choice.printMarks)
    let other = RenderOptions(document: choice.other, mode: choice.mode, paper: choice.paper,
                              largePrint: choice.largePrint, grayscale: choice.grayscale)
    let publisher = publisher()
    do {
        if choice.render {
            let rendered = try publisher.render(article, options: handout)
            report?("render \(handout.summary): \(rendered.pageCount) page(s), \(rendered.pdf.count) bytes")
        } else {
            let (result, _) = try publisher.layout(article, options: handout)
            report?("layout \(handout.summary): \(result.pages.count) page(s)")
        }
    } catch {
        report?("layout \(handout.summary): \(error.diagnostics.first.map(\.description) ?? "-")")
    }
    guard choice.other != .handout else { return }
    do {
        let (result, _) = try publisher.layout(article, options: other)
        report?("layout \(other.summary): \(result.pages.count) page(s)")
    } catch {
        report?("layout \(other.summary): \(error.diagnostics.first.map(\.description) ?? "-")")
    }
}

extension RenderOptions {
    /// "handout en+bn a4 large-print", for the replay's report.
    var summary: String {
        let flags = [(largePrint, "large-print"), (grayscale, "grayscale"), (booklet, "booklet"), (cropMarks, "bleed and crop marks")].filter(\.0).map(\.1)
        return ([document.rawValue, mode.rawValue, paper.rawValue] + flags).joined(separator: " ")
    }
}

#if FUZZING
/// libFuzzer calls this for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// libFuzzer's driver, for the entry point below (needs `-enable-experimental-feature Extern`).
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target with `main` renamed to `HandoutFuzz_main`, so it
/// needs this symbol even though libFuzzer brings its own `main`; it starts the same driver.
@_cdecl("HandoutFuzz_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzerTestOneInput)
}
#else
/// `handout-fuzz FILE|FOLDER…`: replays each file (a folder: every file in it) through
/// `fuzzOne` and says which one it is on, so the last name printed before a crash is the culprit.
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            print("usage: handout-fuzz FILE|FOLDER… (replays inputs; scripts/fuzz.sh builds the fuzzer)")
            exit(2)
        }
        var count = 0
        for path in arguments.flatMap(files(at:)) {
            FileHandle.standardError.write(Data("replay \(path)\n".utf8))
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("handout-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            data.withUnsafeBytes { fuzzOne($0, report: { FileHandle.standardError.write(Data("  \($0)\n".utf8)) }) }
            count += 1
        }
        print("replayed \(count) input(s) without a crash")
    }

    static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}
#endif
