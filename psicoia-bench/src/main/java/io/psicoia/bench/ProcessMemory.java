package io.psicoia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads another process's memory from {@code /proc} and asks its JVM for a full GC with {@code jcmd}. */
final class ProcessMemory {

    private final long pid;

    ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** Proportional set size in KiB ({@code /proc/<pid>/smaps_rollup}, line {@code Pss:}). */
    long pssKib() throws IOException {
        return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    /** Resident set size in KiB ({@code /proc/<pid>/status}, line {@code VmRSS:}). */
    long rssKib() throws IOException {
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /** Open file descriptors of the process. */
    long openFiles() throws IOException {
        try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return entries.count();
        }
    }

    /** The process's command line, arguments separated by spaces. */
    String commandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
    }

    /** Runs {@code jcmd <pid> GC.run} with the JDK this tool runs on; true when it succeeded. */
    boolean fullGc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "GC.run"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static long field(Path file, String name) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        throw new IOException(name + " not found in " + file);
    }
}
