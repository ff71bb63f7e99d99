package io.psicoia.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a server's flight recording (made with {@code psicoia-bench/measure.jfc}) over a window: bytes allocated
 * per message, young GC pauses, live threads. These figures are CPU work, not wall-clock time, so they hold up when
 * other processes share the machine.
 *
 * <pre>
 * java -cp psicoia-bench.jar io.psicoia.bench.RecordingSummary FILE.jfr FROM_EPOCH_MS TO_EPOCH_MS MESSAGES_PER_S [GC.log]
 * </pre>
 *
 * <p>With a GC log written by {@code -Xlog:gc,gc+cpu:file=GC.log:uptime}, it also gives the CPU the young pauses of
 * the window took ({@code User + Sys}): a pause much longer than its CPU time waited for a core.
 */
public final class RecordingSummary {

    private RecordingSummary() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Instant from = Instant.ofEpochMilli(Long.parseLong(args[1]));
        Instant to = Instant.ofEpochMilli(Long.parseLong(args[2]));
        double rate = Double.parseDouble(args[3]);

        // Per sampling instant (rounded to the second), the sum over threads of bytes allocated so far.
        TreeMap<Long, Long> allocatedAt = new TreeMap<>();
        Map<Long, Map<Long, Long>> lastByThread = new HashMap<>();
        List<Double> pauses = new ArrayList<>();
        int maxThreads = 0;
        Instant jvmStart = null;
        long heapAfterMax = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            Instant at = event.getStartTime();
            String type = event.getEventType().getName();
            boolean inside = !at.isBefore(from) && !at.isAfter(to);
            switch (type) {
                case "jdk.ThreadAllocationStatistics" -> {
                    long second = at.getEpochSecond();
                    long thread = event.getThread("thread") == null
                            ? -1
                            : event.getThread("thread").getJavaThreadId();
                    lastByThread.computeIfAbsent(second, s -> new HashMap<>()).put(thread, event.getLong("allocated"));
                }
                case "jdk.GarbageCollection" -> {
                    if (inside && event.getString("name").startsWith("G1New")
                            || inside && event.getString("name").equals("DefNew")
                            || inside && event.getString("name").equals("ParallelScavenge")) {
                        pauses.add(event.getDuration("longestPause").toNanos() / 1e6);
                    }
                }
                case "jdk.JavaThreadStatistics" -> {
                    if (inside) {
                        maxThreads = Math.max(maxThreads, (int) event.getLong("activeCount"));
                    }
                }
                case "jdk.GCHeapSummary" -> {
                    if (inside && "After GC".equals(event.getString("when"))) {
                        heapAfterMax = Math.max(heapAfterMax, event.getLong("heapUsed"));
                    }
                }
                case "jdk.JVMInformation" -> jvmStart = event.getInstant("jvmStartTime");
                default -> {}
            }
        }
        // Threads that died keep their last figure: carry every thread's latest value forward.
        Map<Long, Long> latest = new HashMap<>();
        for (Map.Entry<Long, Map<Long, Long>> entry : new TreeMap<>(lastByThread).entrySet()) {
            latest.putAll(entry.getValue());
            allocatedAt.put(
                    entry.getKey(),
                    latest.values().stream().mapToLong(Long::longValue).sum());
        }
        Map.Entry<Long, Long> first = allocatedAt.ceilingEntry(from.getEpochSecond());
        Map.Entry<Long, Long> last = allocatedAt.floorEntry(to.getEpochSecond());
        double bytesPerMessage = first == null || last == null || last.getKey() <= first.getKey()
                ? Double.NaN
                : (last.getValue() - first.getValue()) / (double) (last.getKey() - first.getKey()) / rate;
        double max = pauses.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double avg = pauses.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "allocated %.0f bytes/msg; young GCs %d, pause avg %.1f ms max %.1f ms; live heap after GC max %.1f MB;"
                        + " threads %d%n",
                bytesPerMessage,
                pauses.size(),
                avg,
                max,
                heapAfterMax / 1048576.0,
                maxThreads);
        if (args.length > 4 && jvmStart != null) {
            double fromUptime = (from.toEpochMilli() - jvmStart.toEpochMilli()) / 1000.0;
            double toUptime = (to.toEpochMilli() - jvmStart.toEpochMilli()) / 1000.0;
            System.out.println(gcCpu(Path.of(args[4]), fromUptime, toUptime));
        }
    }

    /** Young pauses of the window from the GC log: count, wall time, and CPU time (user + sys) of the GC threads. */
    static String gcCpu(Path log, double fromUptime, double toUptime) throws IOException {
        java.util.regex.Pattern pause =
                java.util.regex.Pattern.compile("^\\[([0-9.]+)s\\].*GC\\((\\d+)\\) Pause Young.* ([0-9.]+)ms$");
        java.util.regex.Pattern cpu = java.util.regex.Pattern.compile(
                "^\\[([0-9.]+)s\\].*GC\\((\\d+)\\) User=([0-9.]+)s Sys=([0-9.]+)s Real=([0-9.]+)s");
        Map<String, Double> wall = new HashMap<>();
        int pauses = 0;
        double wallSum = 0;
        double cpuSum = 0;
        double cpuMax = 0;
        for (String line : java.nio.file.Files.readAllLines(log)) {
            java.util.regex.Matcher m = pause.matcher(line);
            if (m.find()) {
                double at = Double.parseDouble(m.group(1));
                if (at >= fromUptime && at <= toUptime) {
                    wall.put(m.group(2), Double.parseDouble(m.group(3)));
                }
                continue;
            }
            m = cpu.matcher(line);
            if (m.find() && wall.containsKey(m.group(2))) {
                double cpuMs = (Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(4))) * 1000;
                pauses++;
                wallSum += wall.get(m.group(2));
                cpuSum += cpuMs;
                cpuMax = Math.max(cpuMax, cpuMs);
            }
        }
        return String.format(
                Locale.ROOT,
                "young pauses (GC log) %d: wall avg %.1f ms, GC CPU (user+sys, 10 ms ticks) avg %.0f ms max %.0f ms",
                pauses,
                pauses == 0 ? 0 : wallSum / pauses,
                pauses == 0 ? 0 : cpuSum / pauses,
                cpuMax);
    }
}
