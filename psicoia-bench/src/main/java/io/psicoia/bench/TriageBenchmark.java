package io.psicoia.bench;

import io.psicoia.domain.safety.RiskAssessment;
import io.psicoia.domain.safety.RiskTriage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Crisis triage throughput on one thread: messages per second through {@link RiskTriage#assess}.
 *
 * <p>Two corpora from {@code safety-eval/} (run from the repository root): {@code items}, the single messages of the
 * evaluation sets (nearly all of them full of death words, idioms and misspellings: the hard case), and {@code
 * conversation}, the turns of the multi-turn scripts (mostly ordinary chat). Each operation is one message, taken in
 * turn.
 *
 * <pre>java -cp psicoia-bench/target/psicoia-bench.jar org.openjdk.jmh.Main TriageBenchmark -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TriageBenchmark {

    @Param({"items", "conversation"})
    public String corpus;

    private final RiskTriage triage = new RiskTriage();
    private String[] messages;
    private int next;

    @Setup
    public void load() throws IOException {
        Path root = Path.of("safety-eval");
        List<String> texts = new ArrayList<>();
        for (Path dir : List.of(root, root.resolve("holdout"), root.resolve("train"))) {
            if (corpus.equals("items")) {
                texts.addAll(column(dir.resolve("items-es.tsv"), 8, 7));
                texts.addAll(column(dir.resolve("items-en.tsv"), 8, 7));
            } else {
                texts.addAll(column(dir.resolve("scripts.tsv"), 5, 4));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException(
                    "no messages under " + root.toAbsolutePath() + ": run from the repository root");
        }
        messages = texts.toArray(new String[0]);
    }

    @Benchmark
    public RiskAssessment assess() {
        String message = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return triage.assess(message);
    }

    private static List<String> column(Path file, int columns, int column) throws IOException {
        List<String> values = new ArrayList<>();
        if (!Files.exists(file)) {
            return values;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] row = line.split("\t", -1);
            if (!line.startsWith("#") && row.length == columns && !row[0].equals("id") && !row[0].equals("script")) {
                values.add(row[column]);
            }
        }
        return values;
    }
}
