package io.psicoia.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Runs a server's stop action once, on SIGTERM or SIGINT (Ctrl-C), and lets the process end with status 0 after a
 * graceful stop; tests trigger it directly.
 */
interface Stopper {

    /** Registers the action to run once when the process is asked to stop. */
    void onStop(Runnable action);

    /** Stops on SIGTERM and SIGINT; as a fallback (other signals, System.exit) also from a shutdown hook. */
    static Stopper signals() {
        return action -> {
            AtomicBoolean ran = new AtomicBoolean();
            Runnable once = () -> {
                if (ran.compareAndSet(false, true)) {
                    action.run();
                }
            };
            Signal.handle(new Signal("TERM"), signal -> new Thread(once, "psicoia-stop").start());
            Signal.handle(new Signal("INT"), signal -> new Thread(once, "psicoia-stop").start());
            Runtime.getRuntime().addShutdownHook(new Thread(once, "psicoia-stop-hook"));
        };
    }
}
