// `handout pack` killed (SIGKILL, no chance to tidy up) at seeded moments from 50 ms to
// near the end of a normal run, into an empty folder or over a good pack made from an
// older version of the articles. After every kill: every PDF under a final name is whole
// (qpdf), manifest.json, if there, parses and describes the files that are there, and the
// only other files are AtomicFile's hidden temporary files (.NAME.XXXXXX). The next run
// then succeeds, removes those temporary files, and leaves the same pack as a run that
// was never interrupted.
//
// HANDOUT_INTERRUPT_SEED picks other moments; HANDOUT_INTERRUPT_RUNS sets how many (default 8).
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct InterruptedPackTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["HANDOUT_INTERRUPT_SEED"].flatMap { UInt64($0) } ?? 2026_1125
    static let runs = environment["HANDOUT_INTERRUPT_RUNS"].flatMap { Int($0) } ?? 8
    static let options = ["--docs", "handout,summary", "--lang", "en,en+bn", "--paper", "a4", "--jobs", "2"]

    /// The articles (the sample and two generated ones), an older version of them, and
    /// packs made without interruption: from scratch, and over a pack of the older version.
    struct Setup: Sendable {
        var root: URL
        var articles: [String]
        var resources: [String: String]
        /// A pack of the articles made from scratch: what every run must end with.
        var reference: URL
        /// A good pack of the older articles, copied in as the starting point of half the runs.
        var previous: URL
        /// How long a normal run takes from scratch, and over the previous pack.
        var fresh: TimeInterval
        var update: TimeInterval
    }

    static let setup: Result<Setup, any Error> = Result {
        let root = try PackTests.freshFolder("interrupted")
        let current = root.appendingPathComponent("articles"), older = root.appendingPathComponent("articles-older")
        for folder in [current, older] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let generated = ArticleGenerator.articles(2, seed: 77)
        let articles = [Sample.articlePath] + (try PackTests.write(generated, to: current))
        // The older version: one generated article's disclaimer said less.
        var old = generated
        old[0].yaml = old[0].yaml.replacingOccurrences(of: "It does not replace a doctor.\"", with: "Ask a doctor.\"")
        precondition(old[0].yaml != generated[0].yaml, "the generated disclaimer changed; update this test")
        let olderArticles = [Sample.articlePath] + (try PackTests.write(old, to: older))
        let resources = try PackTests.snapshot()

        func timed(_ articles: [String], into folder: URL) throws -> TimeInterval {
            let start = Date()
            let result = try PackTests.pack(articles, into: folder, options: options, resources: resources)
            guard result.status == 0 else { throw Failure("a normal pack failed: \(result.stderr)") }
            return Date().timeIntervalSince(start)
        }
        let reference = root.appendingPathComponent("reference"), previous = root.appendingPathComponent("previous")
        let fresh = try timed(articles, into: reference)
        _ = try timed(olderArticles, into: previous)
        let probe = root.appendingPathComponent("update-probe")
        try FileManager.default.copyItem(at: previous, to: probe)
        let update = try timed(articles, into: probe)
        print("interrupted pack: a normal run takes \(ms(fresh)) from scratch, \(ms(update)) over the previous pack")
        return Setup(root: root, articles: articles, resources: resources, reference: reference, previous: previous,
                     fresh: fresh, update: update)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func ms(_ seconds: TimeInterval) -> String { "\(Int((seconds * 1000).rounded())) ms" }

    /// One interrupted run: even ones start from an empty folder, odd ones over the previous
    /// pack; the moments of each kind are spread from 50 ms to 95% of its normal run, one
    /// at a seeded place in each of equal stretches.
    struct Case: Sendable, CustomTestStringConvertible {
        var index: Int
        var overPrevious: Bool { index % 2 == 1 }
        var testDescription: String { "run \(index) (\(overPrevious ? "over the previous pack" : "from scratch"))" }

        func moment(_ setup: Setup) -> TimeInterval {
            var random = ArticleGenerator(seed: InterruptedPackTests.seed &+ UInt64(index))
            let kind = (InterruptedPackTests.runs + (overPrevious ? 0 : 1)) / 2   // cases of this kind
            let stretch = Double(index / 2) + Double(random.int(0...999)) / 1000
            let end = 0.95 * (overPrevious ? setup.update : setup.fresh)
            return 0.05 + (end - 0.05) * stretch / Double(max(1, kind))
        }
    }

    static let cases = (0..<runs).map { Case(index: $0) }

    @Test(arguments: cases)
    func aKilledPackLeavesNothingHalfWrittenAndTheNextRunCompletesIt(_ test: Case) throws {
        let setup = try Self.setup.get()
        let folder = setup.root.appendingPathComponent("run-\(test.index)")
        if test.overPrevious { try FileManager.default.copyItem(at: setup.previous, to: folder) }
        let moment = test.moment(setup)
        let killed = try Self.packKilled(setup, into: folder, after: moment)
        let label = "seed \(Self.seed), run \(test.index), kill at \(Self.ms(moment))\(killed ? "" : " (the run had finished)")"
        print("interrupted pack: \(label): \(PackTests.files(in: folder).count) files")

        let leftovers = try checkNothingHalfWritten(folder, label)

        // The next run completes the pack, removes the temporary files, and ends where an
        // uninterrupted run does.
        let next = try PackTests.pack(setup.articles, into: folder, options: Self.options, resources: setup.resources)
        #expect(next.status == 0, "\(label): the next run failed: \(next.stderr)")
        #expect(PackTests.lastLine(next.stdout).contains(" 0 failed"), "\(label): \(PackTests.lastLine(next.stdout))")
        let hidden = PackTests.files(in: folder).filter(Self.isHidden)
        #expect(hidden.isEmpty, "\(label): temporary files left after the next run: \(hidden) (after the kill: \(leftovers))")
        #expect(try PackTests.manifest(in: folder) == PackTests.manifest(in: setup.reference), "\(label): the manifest differs from a clean run's")
        let files = PackTests.files(in: folder), expected = PackTests.files(in: setup.reference)
        #expect(files == expected, "\(label): files \(files), a clean run makes \(expected)")
        let sums = try PackTests.sha256(files, in: folder), reference = try PackTests.sha256(expected, in: setup.reference)
        #expect(sums["pack-a4.pdf"] != nil && sums["pack-a4.pdf"] == reference["pack-a4.pdf"], "\(label): pack-a4.pdf differs from a clean run's")
        try checkNothingHalfWritten(folder, "\(label), after the next run")
    }

    // MARK: Helpers

    /// Starts `handout pack` and kills it with SIGKILL after `moment` seconds; says whether
    /// it was killed (it may have finished first).
    static func packKilled(_ setup: Setup, into folder: URL, after moment: TimeInterval) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["pack"] + setup.articles + ["-o", folder.path] + options
        process.environment = environment.merging(setup.resources) { _, new in new }
        process.currentDirectoryURL = Sample.root
        let log = setup.root.appendingPathComponent("\(folder.lastPathComponent).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        Thread.sleep(forTimeInterval: moment)
        let running = process.isRunning
        if running { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        // It may finish between the look and the kill: then it was not killed, and it must have succeeded.
        let killed = process.terminationReason == .uncaughtSignal
        if killed { #expect(process.terminationStatus == SIGKILL) } else if running { #expect(process.terminationStatus == 0) }
        return killed
    }

    static func isHidden(_ file: String) -> Bool {
        file.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// The names a pack of these options may write: manifest.json, pack-a4.pdf, and
    /// SLUG/DOC-LANG-a4.pdf.
    static func isFinalName(_ file: String) -> Bool {
        let parts = file.split(separator: "/")
        if parts.count == 1 { return parts[0] == "manifest.json" || parts[0] == "pack-a4.pdf" }
        return parts.count == 2 && parts[1].wholeMatch(of: /(handout|summary)-(en|en-bn)-a4\.pdf/) != nil
    }

    /// Every visible file has a final name and, if a PDF, is whole; the manifest, if there,
    /// parses and matches the files it lists; hidden files are AtomicFile's temporary files
    /// of final names (.NAME.XXXXXX). Returns those.
    @discardableResult
    func checkNothingHalfWritten(_ folder: URL, _ label: String) throws -> [String] {
        let files = PackTests.files(in: folder)
        let hidden = files.filter(Self.isHidden), visible = files.filter { !Self.isHidden($0) }
        for file in hidden {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let final = name.count > 8 ? String(name.dropFirst().dropLast(7)) : ""
            let directory = file.split(separator: "/").dropLast().joined(separator: "/")
            let temporary = name.hasPrefix(".") && name.dropLast(6).hasSuffix(".")
                && Self.isFinalName(directory.isEmpty ? final : "\(directory)/\(final)")
            #expect(temporary, "\(label): \(file) is not a temporary file of a final name")
        }
        for file in visible {
            #expect(Self.isFinalName(file), "\(label): unexpected file \(file)")
            guard file.hasSuffix(".pdf") else { continue }
            let check = try Sample.run("qpdf", ["--check", folder.appendingPathComponent(file).path])
            #expect(check.status == 0, "\(label): \(file) is not a whole PDF: \(check.stdout.suffix(300))\(check.stderr.suffix(300))")
        }
        if visible.contains("manifest.json") {
            let entries = try #require(try? PackTests.manifest(in: folder), "\(label): manifest.json does not parse")
            #expect(Set(entries.map(\.file)).count == entries.count, "\(label): a file listed twice")
            let sums = try PackTests.sha256(entries.map(\.file).filter { visible.contains($0) }, in: folder)
            for entry in entries {
                #expect(visible.contains(entry.file), "\(label): the manifest lists \(entry.file), which is not there")
                #expect(sums[entry.file] == nil || sums[entry.file] == entry.sha256,
                        "\(label): \(entry.file) is not the file the manifest describes")
            }
        }
        if !hidden.isEmpty { print("interrupted pack: \(label): temporary files after the kill: \(hidden)") }
        return hidden
    }
}
