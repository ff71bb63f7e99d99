package io.psicoia.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifoWorkerPoolTest {

    private static final ThreadFactory DAEMONS = runnable -> {
        Thread thread = new Thread(runnable, "lifo-test");
        thread.setDaemon(true);
        return thread;
    };

    private LifoWorkerPool pool = new LifoWorkerPool(4, 60, TimeUnit.SECONDS, DAEMONS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Waits (without a time assertion: only a generous safety limit) until the condition holds. */
    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void givenShortTasksOneAfterAnother_whenRun_thenOneThreadDoesThemAll() throws Exception {
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 100; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(() -> {
                ran.add(Thread.currentThread());
                done.countDown();
            });
            done.await();
            waitUntil(() -> pool.idleThreads() == 1); // finished and back in the idle stack
        }

        assertThat(ran).hasSize(1);
        assertThat(pool.threadsStarted()).isEqualTo(1);
    }

    @Test
    void givenMoreBlockingTasksThanThreads_whenSubmitted_thenAtMostMaxRunAtOnceAndNoneIsRejected() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(12);
        for (int i = 0; i < 12; i++) {
            pool.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                finished.countDown();
            });
        }
        waitUntil(() -> running.get() == 4);
        assertThat(pool.threads()).isEqualTo(4);

        release.countDown();

        assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(4);
        assertThat(pool.threadsStarted()).isEqualTo(4);
    }

    @Test
    void givenTwoIdleThreads_whenATaskArrives_thenTheMostRecentlyIdleOneTakesIt() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();
        pool.execute(() -> {
            first.set(Thread.currentThread());
            await(releaseFirst);
        });
        pool.execute(() -> {
            second.set(Thread.currentThread());
            await(releaseSecond);
        });
        waitUntil(() -> first.get() != null && second.get() != null);
        releaseFirst.countDown();
        waitUntil(() -> pool.idleThreads() == 1);
        releaseSecond.countDown();
        waitUntil(() -> pool.idleThreads() == 2);

        AtomicReference<Thread> next = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        pool.execute(() -> {
            next.set(Thread.currentThread());
            done.countDown();
        });
        done.await();

        assertThat(next.get()).isSameAs(second.get());
    }

    @Test
    void givenAShortKeepAlive_whenIdle_thenThreadsEndAndANewTaskStartsOneAgain() throws Exception {
        pool = new LifoWorkerPool(4, 20, TimeUnit.MILLISECONDS, DAEMONS);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> await(release));
        }
        waitUntil(() -> pool.threads() == 3);
        release.countDown();

        waitUntil(() -> pool.threads() == 0);
        CountDownLatch done = new CountDownLatch(1);
        pool.execute(done::countDown);

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.threadsStarted()).isEqualTo(4);
    }

    @Test
    void givenManySubmittersAndTinyTasks_whenDone_thenEveryTaskRanExactlyOnce() throws Exception {
        pool = new LifoWorkerPool(3, 5, TimeUnit.MILLISECONDS, DAEMONS); // threads come and go meanwhile
        AtomicInteger ran = new AtomicInteger();
        int submitters = 4;
        int each = 20_000;
        CountDownLatch all = new CountDownLatch(submitters * each);
        Thread[] threads = new Thread[submitters];
        for (int s = 0; s < submitters; s++) {
            threads[s] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    pool.execute(() -> {
                        ran.incrementAndGet();
                        all.countDown();
                    });
                    if (i % 1000 == 0) {
                        try {
                            Thread.sleep(6); // let idle threads time out now and then
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            threads[s].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).isEqualTo(submitters * each);
        assertThat(pool.threads()).isLessThanOrEqualTo(3);
    }

    @Test
    void givenQueuedTasks_whenShutDown_thenTheyStillRunAndNewOnesAreRejected() throws Exception {
        pool = new LifoWorkerPool(1, 60, TimeUnit.SECONDS, DAEMONS);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        pool.execute(() -> await(release));
        pool.execute(ran::incrementAndGet);
        pool.execute(ran::incrementAndGet);

        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class);
        release.countDown();

        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).isEqualTo(2);
        assertThat(pool.isTerminated()).isTrue();
    }

    @Test
    void givenRunningAndQueuedTasks_whenShutDownNow_thenRunningOnesAreInterruptedAndQueuedOnesReturned()
            throws Exception {
        pool = new LifoWorkerPool(1, 60, TimeUnit.SECONDS, DAEMONS);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        Runnable queued = () -> {};
        pool.execute(queued);
        started.await();

        List<Runnable> never = pool.shutdownNow();

        assertThat(never).containsExactly(queued);
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givenATaskThatThrows_whenRun_thenTheThreadGoesOnWithTheNextTask() throws Exception {
        pool = new LifoWorkerPool(1, 60, TimeUnit.SECONDS, runnable -> {
            Thread thread = DAEMONS.newThread(runnable);
            thread.setUncaughtExceptionHandler((t, e) -> {});
            return thread;
        });
        CountDownLatch done = new CountDownLatch(1);
        pool.execute(() -> {
            throw new IllegalStateException("falla de prueba");
        });
        pool.execute(done::countDown);

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.threadsStarted()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
