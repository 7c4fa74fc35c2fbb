// Runs a command-line tool the tests check PDFs with (pdftotext, qpdf, hb-shape …) and
// collects what it printed: one runner for every test target.
import Foundation

public struct ToolRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs a program found on PATH (or at an absolute path) and collects its output.
    public static func run(_ tool: String, _ arguments: [String], directory: URL? = nil) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool.hasPrefix("/") ? tool : "/usr/bin/env")
        process.arguments = tool.hasPrefix("/") ? arguments : [tool] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain standard error on another thread, so neither pipe can fill and block the tool.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}
