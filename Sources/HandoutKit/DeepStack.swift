// Laying out a document goes deep (blocks inside rows inside boxes, each a frame, and
// debug builds' frames are large), deeper than the half-megabyte stacks of Swift's
// concurrency and Dispatch worker threads: adding one field to the clinic profile was
// enough to overflow one. Layout runs on a thread of its own with room to spare.
import Foundation

enum DeepStack {
    /// Stack for one layout: far beyond what the deepest document has needed.
    static let size = 64 << 20

    /// `body`'s result, computed on a thread with a `size`-byte stack (the caller waits).
    static func run<T>(_ body: @escaping () -> T) -> T {
        nonisolated(unsafe) var result: T?
        nonisolated(unsafe) let work = body
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result = work()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return result!
    }
}
