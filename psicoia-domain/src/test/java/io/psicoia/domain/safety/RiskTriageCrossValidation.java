package io.psicoia.domain.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * K-fold cross-validation of the WHOLE triage (phrases and model) on the labelled sets the model learns from
 * ({@code safety-eval/items-*.tsv}, development, and {@code safety-eval/train/items-*.tsv}): each message is judged by a
 * {@link RiskTriage} whose model was trained by {@link RiskModelTrainer} without that message's fold (thresholds
 * included, chosen inside the remaining folds). Never reads {@code safety-eval/holdout*}.
 *
 * <p>What the figures mean: the model's share of each figure is out of fold; the phrases are fixed text, written while
 * looking at the development set (and partly at the training set), so the "phrases only" column is optimistic on those
 * sets. Items added after {@value #BASELINE_ES} / {@value #BASELINE_EN} are reported apart ("new"), and the "original"
 * pool stays the same from run to run so that before/after figures compare the same messages; items from {@value
 * #SEALED_ES} / {@value #SEALED_EN} on ("sealed") were written after the last round of phrase rules and are never
 * listed, so they stay out of sample for the rules too. Folds are chosen by a hash of each id, so adding items never
 * moves an old item to another fold.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -o -pl psicoia-domain test-compile} then {@code java -cp
 * psicoia-domain/target/classes:psicoia-domain/target/test-classes io.psicoia.domain.safety.RiskTriageCrossValidation
 * [folds] [--misses]}. {@code --misses} lists the out-of-fold misses and false positives of the training and development
 * sets, with their text (synthetic sentences written for the sets).
 */
public final class RiskTriageCrossValidation {

    /** The last training ids before this harness existed: the "original" pool. */
    static final String BASELINE_ES = "tes-01141";

    static final String BASELINE_EN = "ten-00310";

    /**
     * The first ids of the "sealed" pool: written before a round of phrase rules and never listed by {@code --misses},
     * so its figures stay out of sample for those rules (only its totals are printed).
     */
    static final String SEALED_ES = "tes-01806";

    static final String SEALED_EN = "ten-00547";

    record Item(
            String id,
            String source,
            String about,
            RiskLevel min,
            RiskLevel max,
            boolean hardNegative,
            String category,
            String text,
            RiskModelTrainer.Example example) {

        boolean original() {
            if (source.equals("dev")) {
                return true;
            }
            String last = id.startsWith("tes-") ? BASELINE_ES : BASELINE_EN;
            return id.compareTo(last) <= 0;
        }

        boolean sealed() {
            return source.equals("train") && id.compareTo(id.startsWith("tes-") ? SEALED_ES : SEALED_EN) >= 0;
        }
    }

    /** Counts of one pool under one triage. */
    static final class Score {
        final Map<RiskLevel, int[]> recall = new EnumMap<>(RiskLevel.class);
        final int[] other = new int[2];
        final int[] general = new int[2];
        final int[] falsePositives = new int[2];
        final int[] inRange = new int[2];
        final Map<String, int[]> byCategory = new TreeMap<>(); // {inside, below, above, total}

        void add(Item item, RiskAssessment result) {
            if (item.about().equals("self")) {
                if (item.min().isCrisis()) {
                    int[] counts = recall.computeIfAbsent(item.min(), l -> new int[2]);
                    counts[1]++;
                    if (result.subject() == RiskSubject.SELF && result.level().atLeast(item.min())) {
                        counts[0]++;
                    }
                }
            } else if (item.about().equals("other")) {
                other[1]++;
                if (result.level().atLeast(item.min()) && result.subject() != RiskSubject.GENERAL) {
                    other[0]++;
                }
            } else {
                general[1]++;
                if (!result.level().isCrisis()) {
                    general[0]++;
                }
            }
            if (item.hardNegative()) {
                falsePositives[1]++;
                if (result.level().isCrisis() && !item.max().isCrisis()) {
                    falsePositives[0]++;
                }
            }
            inRange[1]++;
            int[] category = byCategory.computeIfAbsent(item.category(), c -> new int[4]);
            category[3]++;
            if (inside(item, result)) {
                inRange[0]++;
                category[0]++;
            } else if (!result.level().atLeast(item.min())) {
                category[1]++;
            } else {
                category[2]++;
            }
        }

        String recall(RiskLevel level) {
            return fraction(recall.getOrDefault(level, new int[2]));
        }
    }

    static boolean inside(Item item, RiskAssessment result) {
        return result.level().atLeast(item.min()) && item.max().atLeast(result.level());
    }

    public static void main(String[] args) throws IOException {
        int folds = 5;
        boolean misses = false;
        for (String arg : args) {
            if (arg.equals("--misses")) {
                misses = true;
            } else {
                folds = Integer.parseInt(arg);
            }
        }
        Path root = Path.of(".");
        List<Item> items = items(root);
        List<RiskModelTrainer.Example> calm = new ArrayList<>();
        calm.addAll(RiskModelTrainer.calmTurns(root.resolve("safety-eval/scripts.tsv")));
        calm.addAll(RiskModelTrainer.calmTurns(root.resolve("safety-eval/train/scripts.tsv")));

        RiskTriage phrases = RiskModelTrainer.RULES;
        RiskTriage committed = new RiskTriage();
        RiskAssessment[] outOfFold = new RiskAssessment[items.size()];
        long started = System.nanoTime();
        for (int fold = 0; fold < folds; fold++) {
            List<RiskModelTrainer.Example> training = new ArrayList<>();
            for (Item item : items) {
                if (fold(item, folds) != fold) {
                    training.add(item.example());
                }
            }
            training.addAll(calm);
            RiskTriage triage = new RiskTriage(read(RiskModelTrainer.train(training)));
            for (int i = 0; i < items.size(); i++) {
                if (fold(items.get(i), folds) == fold) {
                    outOfFold[i] = triage.assess(items.get(i).text());
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        String[] pools = {"original train", "development", "new", "sealed", "all"};
        Score[][] scores = new Score[pools.length][3]; // phrases only, out of fold, committed model
        for (Score[] row : scores) {
            for (int c = 0; c < row.length; c++) {
                row[c] = new Score();
            }
        }
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int pool = item.source().equals("dev") ? 1 : item.original() ? 0 : item.sealed() ? 3 : 2;
            RiskAssessment[] results = {phrases.assess(item.text()), outOfFold[i], committed.assess(item.text())};
            for (int c = 0; c < results.length; c++) {
                scores[pool][c].add(item, results[c]);
                scores[4][c].add(item, results[c]);
            }
            if (misses && !item.sealed() && !inside(item, outOfFold[i])) {
                listed.add(String.format(
                        Locale.ROOT,
                        "%s %s %s %s..%s%s got %s %s (phrases %s) | %s",
                        item.id(),
                        item.category(),
                        item.about(),
                        item.min(),
                        item.max(),
                        item.hardNegative() ? " hn" : "",
                        outOfFold[i].level(),
                        outOfFold[i].subject(),
                        results[0].level(),
                        item.text()));
            }
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "%d-fold cross-validation, %d labelled messages, %d s%n", folds, items.size(), seconds));
        for (int p = 0; p < pools.length; p++) {
            out.append("\n### ")
                    .append(pools[p])
                    .append(
                            "\n\n| Measure | Phrases only | Phrases + model, out of fold | Committed model, in sample |\n")
                    .append("|---|---|---|---|\n");
            for (RiskLevel level : List.of(RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.IMMINENT)) {
                out.append("| Recall, ").append(level.name().toLowerCase(Locale.ROOT));
                for (Score score : scores[p]) {
                    out.append(" | ").append(score.recall(level));
                }
                out.append(" |\n");
            }
            row(out, "False positives on hard negatives", scores[p], s -> s.falsePositives);
            row(out, "Someone else: level reached", scores[p], s -> s.other);
            row(out, "General kept out of crisis", scores[p], s -> s.general);
            row(out, "Level inside the range", scores[p], s -> s.inRange);
        }
        out.append(String.format(
                Locale.ROOT,
                "%nDevelopment scripts, committed model: %d / %d turns inside their range%n",
                scriptTurnsInRange(root, committed),
                EvalTsv.rows(root.resolve("safety-eval/scripts.tsv"), 5).size()));
        out.append("\n### all, by category, out of fold (inside / below / above)\n\n")
                .append("| Category | Inside | Below | Above |\n|---|---|---|---|\n");
        scores[4][1].byCategory.forEach((category, c) -> out.append(
                String.format(Locale.ROOT, "| %s | %d / %d | %d | %d |%n", category, c[0], c[3], c[1], c[2])));
        System.out.print(out);
        if (misses) {
            System.out.println("\n### out-of-fold results outside the range\n");
            listed.forEach(System.out::println);
        }
    }

    /** The development scripts' turns whose conversation state lies inside the labelled range. */
    private static int scriptTurnsInRange(Path root, RiskTriage triage) throws IOException {
        Map<String, RiskState> states = new TreeMap<>();
        int inside = 0;
        for (String[] row : EvalTsv.rows(root.resolve("safety-eval/scripts.tsv"), 5)) {
            RiskState state = states.computeIfAbsent(row[0], s -> new RiskState());
            state.update(triage.assess(row[4]));
            RiskLevel level = RiskLevel.max(state.level(), state.otherLevel());
            if (level.atLeast(EvalTsv.level(row[2])) && EvalTsv.level(row[3]).atLeast(level)) {
                inside++;
            }
        }
        return inside;
    }

    private interface Counts {
        int[] of(Score score);
    }

    private static void row(StringBuilder out, String name, Score[] scores, Counts counts) {
        out.append("| ").append(name);
        for (Score score : scores) {
            out.append(" | ").append(fraction(counts.of(score)));
        }
        out.append(" |\n");
    }

    private static String fraction(int[] counts) {
        return String.format(
                Locale.ROOT,
                "%d / %d (%.3f)",
                counts[0],
                counts[1],
                counts[1] == 0 ? 0 : (double) counts[0] / counts[1]);
    }

    /** The fold of an item, from its id alone (FNV-1a), so adding items never moves another. */
    static int fold(Item item, int folds) {
        return (int) Long.remainderUnsigned(RiskModel.hash(item.id()), folds);
    }

    static RiskModel read(String model) {
        try {
            return RiskModel.read(new BufferedReader(new StringReader(model)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Item> items(Path root) throws IOException {
        List<Item> items = new ArrayList<>();
        for (String dir : List.of("safety-eval", "safety-eval/train")) {
            for (String name : List.of("items-es.tsv", "items-en.tsv")) {
                for (String[] row : EvalTsv.rows(root.resolve(dir).resolve(name), 8)) {
                    items.add(new Item(
                            row[0],
                            dir.equals("safety-eval") ? "dev" : "train",
                            row[2],
                            EvalTsv.level(row[3]),
                            EvalTsv.level(row[4]),
                            row[5].equals("yes"),
                            row[6],
                            row[7],
                            RiskModelTrainer.example(
                                    row[7],
                                    EvalTsv.level(row[3]),
                                    EvalTsv.level(row[4]),
                                    row[5].equals("yes"),
                                    row[2].equals("other"))));
                }
            }
        }
        return items;
    }
}
