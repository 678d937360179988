internal import NIOCore

/// Runs tasks on an event loop: a task that prefers it makes its calls on the thread that owns their
/// connection, so no call hops between the caller's thread and the socket's (D129).
final class EventLoopTaskExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = self.asUnownedTaskExecutor()
        self.eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
