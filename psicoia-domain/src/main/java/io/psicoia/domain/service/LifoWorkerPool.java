package io.psicoia.domain.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Up to {@code maxThreads} threads that hand each new task to the <em>most recently idle</em> thread.
 *
 * <p>A {@link java.util.concurrent.ThreadPoolExecutor} over a queue wakes the thread that has waited longest, so a
 * service whose calls are short cycles through all of its threads (and keeps them all alive): with 50 threads and an
 * instant model, 50 cold threads take turns. Here idle threads form a stack: the one that just finished gets the next
 * task while its caches are warm, a few threads carry a light load, and the ones at the bottom end after
 * {@code keepAlive}. Slow calls still get a thread each, up to {@code maxThreads}.
 *
 * <p>Never rejects a task before {@link #shutdown()}: when every thread is busy the task waits in an unbounded queue
 * (the chat service admits at most {@code maxInFlight} calls, so the queue holds at most the call that a finishing one
 * dispatches before its own thread is free again).
 */
final class LifoWorkerPool extends AbstractExecutorService {

    private final int maxThreads;
    private final long keepAliveNanos;
    private final ThreadFactory threads;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition terminated = lock.newCondition();
    /** Tasks waiting for a thread (only when all {@code maxThreads} are busy). */
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** Idle workers, most recently idle first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Every live worker. */
    private final Set<Worker> workers = new HashSet<>();

    /** Written under the lock; an idle worker reads it without, to stop waiting early. */
    private volatile boolean shutdown;

    private int started;

    LifoWorkerPool(int maxThreads, long keepAlive, TimeUnit unit, ThreadFactory threads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be >= 1");
        }
        if (keepAlive < 1) {
            throw new IllegalArgumentException("keepAlive must be positive");
        }
        this.maxThreads = maxThreads;
        this.keepAliveNanos = unit.toNanos(keepAlive);
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        Worker wake;
        Worker start = null;
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("the worker pool is shut down");
            }
            wake = idle.pollFirst();
            if (wake != null) {
                wake.handed = task;
            } else if (workers.size() < maxThreads) {
                start = new Worker(task);
                workers.add(start);
                started++;
            } else {
                tasks.addLast(task);
            }
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            LockSupport.unpark(wake.thread);
        } else if (start != null) {
            startOrQueue(start, task);
        }
    }

    /** Starts a new worker; if the system cannot start a thread, the task waits for a running one when there is one. */
    private void startOrQueue(Worker worker, Runnable task) {
        try {
            worker.thread.start();
        } catch (OutOfMemoryError | IllegalThreadStateException e) {
            lock.lock();
            try {
                workers.remove(worker);
                if (workers.isEmpty()) {
                    throw new RejectedExecutionException("could not start a worker thread", e);
                }
                tasks.addLast(task);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Threads alive right now. */
    int threads() {
        lock.lock();
        try {
            return workers.size();
        } finally {
            lock.unlock();
        }
    }

    /** Threads started since the pool was made. */
    int threadsStarted() {
        lock.lock();
        try {
            return started;
        } finally {
            lock.unlock();
        }
    }

    /** Threads waiting for a task right now. */
    int idleThreads() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            for (Worker worker : idle) {
                LockSupport.unpark(worker.thread);
            }
            signalIfTerminated();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        lock.lock();
        try {
            shutdown = true;
            List<Runnable> never = new ArrayList<>(tasks);
            tasks.clear();
            for (Worker worker : workers) {
                worker.thread.interrupt();
            }
            signalIfTerminated();
            return never;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isTerminated() {
        lock.lock();
        try {
            return shutdown && workers.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!(shutdown && workers.isEmpty())) {
                if (left <= 0) {
                    return false;
                }
                left = terminated.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock. */
    private void signalIfTerminated() {
        if (shutdown && workers.isEmpty()) {
            terminated.signalAll();
        }
    }

    private final class Worker implements Runnable {
        private final Thread thread;
        /** The task handed to this worker while it was idle; written under the lock, read by the worker. */
        private volatile Runnable handed;

        private Worker(Runnable first) {
            this.handed = first;
            this.thread = threads.newThread(this);
        }

        @Override
        public void run() {
            Runnable task = handed;
            handed = null;
            while (task != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
                    if (handler != null) {
                        handler.uncaughtException(thread, e);
                    }
                }
                task = next();
            }
        }

        /** The next task, or null when this worker ends (idle past the keep-alive, or the pool shut down). */
        private Runnable next() {
            long deadline = System.nanoTime() + keepAliveNanos;
            lock.lock();
            try {
                Runnable queued = tasks.pollFirst();
                if (queued != null) {
                    return queued;
                }
                if (shutdown) {
                    return exit();
                }
                idle.addFirst(this);
            } finally {
                lock.unlock();
            }
            // A task handed to an idle worker is its own: a stale interrupt from the last one must not touch it.
            Thread.interrupted();
            while (true) {
                Runnable task = handed;
                if (task != null) {
                    handed = null;
                    return task;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || shutdown) {
                    lock.lock();
                    try {
                        task = handed;
                        if (task != null) { // handed over just now
                            handed = null;
                            return task;
                        }
                        idle.remove(this);
                        Runnable queued = tasks.pollFirst();
                        return queued != null ? queued : exit();
                    } finally {
                        lock.unlock();
                    }
                }
                LockSupport.parkNanos(this, left);
            }
        }

        /** Holding the lock: this worker ends. */
        private Runnable exit() {
            workers.remove(this);
            signalIfTerminated();
            return null;
        }
    }
}
