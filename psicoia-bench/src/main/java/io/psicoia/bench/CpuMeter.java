package io.psicoia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU used over an interval, from {@code /proc}: the whole machine, the server, and this load generator, so that a
 * result says whether anything else was running. Times are clock ticks (USER_HZ, 100 on Linux).
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;
    private long startNanos;
    private long machineBusy;
    private long server;
    private long self;

    CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    void start() throws IOException {
        startNanos = System.nanoTime();
        machineBusy = machineBusyTicks();
        server = serverPid > 0 ? processTicks(serverPid) : 0;
        self = processTicks(ProcessHandle.current().pid());
    }

    /** Cores used on average since {@link #start()}: machine, server, load generator, everything else. */
    String stop() throws IOException {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double machine = (machineBusyTicks() - machineBusy) / TICKS_PER_SECOND / seconds;
        double serverCores = serverPid > 0 ? (processTicks(serverPid) - server) / TICKS_PER_SECOND / seconds : 0;
        double selfCores = (processTicks(ProcessHandle.current().pid()) - self) / TICKS_PER_SECOND / seconds;
        return String.format(
                Locale.ROOT,
                "cpu(cores avg) machine=%.2f server=%.2f loadgen=%.2f other=%.2f",
                machine,
                serverCores,
                selfCores,
                Math.max(0, machine - serverCores - selfCores));
    }

    /** Server CPU seconds so far (user + system). */
    double serverSeconds() throws IOException {
        return serverPid > 0 ? processTicks(serverPid) / TICKS_PER_SECOND : 0;
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8)
                .strip();
    }

    static long machineBusyTicks() throws IOException {
        String first = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.UTF_8)
                .get(0);
        String[] f = first.trim().split("\\s+");
        long busy = 0;
        // cpu user nice system idle iowait irq softirq steal ...
        for (int i = 1; i < f.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy;
    }

    static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
        // Fields after the command name (which may contain spaces) start at field 3; utime is 14, stime 15.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
