package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the safety evaluation sets through the public triage ({@link RiskTriage}, {@link RiskState}) and writes {@code
 * docs/safety-eval.md}. Three sets: the development set ({@code safety-eval/}), which the rules were tuned against;
 * the held-out set ({@code safety-eval/holdout/}), written separately and never read by the rules' authors, whose
 * results by category have been reported; and the blind set ({@code safety-eval/holdout2/}), written later by
 * another writer who read no detector code and no other labelled set, reported as totals only. Fails when the
 * development set falls below recall 0.98 on high and imminent or 0.90 on medium, goes above a 5 % false-positive
 * rate on hard negatives, or a development script leaves its expected range; and when a held-out set falls below its
 * floor (they do not meet those targets yet: the floors stop regressions).
 *
 * <p>Failures of the development set are listed by id and category; held-out failures only as counts (by category for
 * the first held-out set, as totals for the blind one), so the sets stay held out. To see development texts while working on the rules, run with {@code
 * -Dpsicoia.safety.showText=true} (the texts are synthetic, written for the set).
 */
class SafetyEvaluationTest {

    private static final Path EVAL = Path.of("..", "safety-eval");
    private static final Path REPORT = Path.of("..", "docs", "safety-eval.md");
    private static final boolean SHOW_TEXT = Boolean.getBoolean("psicoia.safety.showText");

    private static final RiskTriage TRIAGE = new RiskTriage();

    private static final double HELD_OUT_FLOOR_IMMINENT = 0.76;
    private static final double HELD_OUT_FLOOR_HIGH = 0.82;
    private static final double HELD_OUT_FLOOR_MEDIUM = 0.74;
    private static final double HELD_OUT_CEILING_FALSE_POSITIVES = 0.06;
    private static final double BLIND_FLOOR_IMMINENT = 0.85;
    private static final double BLIND_FLOOR_HIGH = 0.86;
    private static final double BLIND_FLOOR_MEDIUM = 0.86;
    private static final double BLIND_CEILING_FALSE_POSITIVES = 0.09;
    private static EvalSet development;
    private static EvalSet heldOut;
    private static EvalSet blind;

    record Item(
            String id,
            String about,
            RiskLevel min,
            RiskLevel max,
            boolean hardNegative,
            String category,
            String text) {}

    record Turn(String script, int number, RiskLevel min, RiskLevel max, String text) {}

    record EvalSet(String name, List<Item> items, List<Turn> turns) {}

    /** What one set scored. Counts are {found, total}; false positives {wrong, total}. */
    static final class Score {
        final Map<RiskLevel, int[]> recall = new EnumMap<>(RiskLevel.class);
        final int[] other = new int[2];
        final int[] general = new int[2];
        final int[] falsePositives = new int[2];
        final int[] inRange = new int[2];
        final int[] turns = new int[2];
        final Map<String, int[]> byCategory = new LinkedHashMap<>();
        /** Per category {below the range, above the range}: counts only, safe to report for the held-out set. */
        final Map<String, int[]> outsideByCategory = new LinkedHashMap<>();

        final List<String> misses = new ArrayList<>();
        final List<String> wrongs = new ArrayList<>();
        final List<String> scriptFailures = new ArrayList<>();

        double recall(RiskLevel level) {
            int[] counts = recall.get(level);
            return counts == null ? 0 : ratio(counts[0], counts[1]);
        }

        double falsePositiveRate() {
            return ratio(falsePositives[0], falsePositives[1]);
        }

        Score plus(Score other) {
            Score sum = new Score();
            for (Score part : List.of(this, other)) {
                part.recall.forEach((level, counts) -> add(sum.recall.computeIfAbsent(level, l -> new int[2]), counts));
                add(sum.other, part.other);
                add(sum.general, part.general);
                add(sum.falsePositives, part.falsePositives);
                add(sum.inRange, part.inRange);
                add(sum.turns, part.turns);
            }
            return sum;
        }

        private static void add(int[] into, int[] counts) {
            into[0] += counts[0];
            into[1] += counts[1];
        }
    }

    @BeforeAll
    static void load() throws IOException {
        development = load("development", EVAL);
        heldOut = load("held-out", EVAL.resolve("holdout"));
        blind = load("blind", EVAL.resolve("holdout2"));
    }

    @Test
    void evaluationSets_meetRecallAndFalsePositiveTargets_andAreReported() throws IOException {
        Score dev = score(development, true);
        Score held = score(heldOut, false);
        Score unseen = score(blind, false);
        Score all = dev.plus(held).plus(unseen);
        writeReport(dev, held, unseen, all);

        String detail = "development misses:\n" + String.join("\n", dev.misses) + "\nfalse positives:\n"
                + String.join("\n", dev.wrongs) + "\nscripts:\n" + String.join("\n", dev.scriptFailures)
                + "\nheld-out: " + held.misses.size() + " crisis items missed, " + held.falsePositives[0]
                + " false positives, " + held.scriptFailures.size() + " script turns outside their range"
                + "\nblind: " + unseen.misses.size() + " crisis items missed, " + unseen.falsePositives[0]
                + " false positives, " + unseen.scriptFailures.size() + " script turns outside their range";
        // The targets, met on the development set.
        assertThat(dev.recall(RiskLevel.IMMINENT)).as(detail).isGreaterThanOrEqualTo(0.98);
        assertThat(dev.recall(RiskLevel.HIGH)).as(detail).isGreaterThanOrEqualTo(0.98);
        assertThat(dev.recall(RiskLevel.MEDIUM)).as(detail).isGreaterThanOrEqualTo(0.90);
        assertThat(dev.falsePositiveRate()).as(detail).isLessThanOrEqualTo(0.05);
        assertThat(dev.scriptFailures).as(detail).isEmpty();
        // Not yet met on the held-out set (see docs/safety-eval.md): these floors are today's figures, so the
        // build fails on any regression while the work goes on. Raise them as the triage improves; never lower them.
        assertThat(held.recall(RiskLevel.IMMINENT)).as(detail).isGreaterThanOrEqualTo(HELD_OUT_FLOOR_IMMINENT);
        assertThat(held.recall(RiskLevel.HIGH)).as(detail).isGreaterThanOrEqualTo(HELD_OUT_FLOOR_HIGH);
        assertThat(held.recall(RiskLevel.MEDIUM)).as(detail).isGreaterThanOrEqualTo(HELD_OUT_FLOOR_MEDIUM);
        assertThat(held.falsePositiveRate()).as(detail).isLessThanOrEqualTo(HELD_OUT_CEILING_FALSE_POSITIVES);
        assertThat(unseen.recall(RiskLevel.IMMINENT)).as(detail).isGreaterThanOrEqualTo(BLIND_FLOOR_IMMINENT);
        assertThat(unseen.recall(RiskLevel.HIGH)).as(detail).isGreaterThanOrEqualTo(BLIND_FLOOR_HIGH);
        assertThat(unseen.recall(RiskLevel.MEDIUM)).as(detail).isGreaterThanOrEqualTo(BLIND_FLOOR_MEDIUM);
        assertThat(unseen.falsePositiveRate()).as(detail).isLessThanOrEqualTo(BLIND_CEILING_FALSE_POSITIVES);
    }

    private static Score score(EvalSet set, boolean named) {
        Score score = new Score();
        for (Item item : set.items()) {
            RiskAssessment result = TRIAGE.assess(item.text());
            String description = named ? describe(item, result) : "";
            if (item.about().equals("self")) {
                if (item.min().isCrisis()) {
                    int[] counts = score.recall.computeIfAbsent(item.min(), level -> new int[2]);
                    counts[1]++;
                    if (result.subject() == RiskSubject.SELF && result.level().atLeast(item.min())) {
                        counts[0]++;
                    } else {
                        score.misses.add(description);
                    }
                }
            } else if (item.about().equals("other")) {
                score.other[1]++;
                if (result.level().atLeast(item.min()) && result.subject() != RiskSubject.GENERAL) {
                    score.other[0]++;
                } else if (item.min().isCrisis()) {
                    score.misses.add(description);
                }
            } else {
                score.general[1]++;
                if (!result.level().isCrisis()) {
                    score.general[0]++;
                }
            }
            if (item.hardNegative()) {
                score.falsePositives[1]++;
                if (result.level().isCrisis() && !item.max().isCrisis()) {
                    score.falsePositives[0]++;
                    score.wrongs.add(description);
                }
            }
            boolean inside = result.level().atLeast(item.min()) && item.max().atLeast(result.level());
            score.inRange[1]++;
            int[] category = score.byCategory.computeIfAbsent(item.category(), c -> new int[2]);
            category[1]++;
            int[] outside = score.outsideByCategory.computeIfAbsent(item.category(), c -> new int[2]);
            if (inside) {
                score.inRange[0]++;
                category[0]++;
            } else if (!result.level().atLeast(item.min())) {
                outside[0]++;
            } else {
                outside[1]++;
            }
        }
        Map<String, RiskState> states = new LinkedHashMap<>();
        for (Turn turn : set.turns()) {
            RiskState state = states.computeIfAbsent(turn.script(), s -> new RiskState());
            state.update(TRIAGE.assess(turn.text()));
            RiskLevel level = RiskLevel.max(state.level(), state.otherLevel());
            score.turns[1]++;
            if (level.atLeast(turn.min()) && turn.max().atLeast(level)) {
                score.turns[0]++;
            } else {
                score.scriptFailures.add(
                        named
                                ? turn.script() + " turn " + turn.number() + ": expected " + turn.min() + ".."
                                        + turn.max() + ", state " + level + (SHOW_TEXT ? " | " + turn.text() : "")
                                : "");
            }
        }
        return score;
    }

    private static String describe(Item item, RiskAssessment result) {
        return item.id() + " [" + item.category() + ", " + item.about() + " " + item.min() + ".." + item.max()
                + "] got " + result.level() + " " + result.subject() + " " + result.signals()
                + (SHOW_TEXT ? " | " + item.text() : "");
    }

    /**
     * Writes the report. It holds only results, no timings, so the file changes exactly when the triage's answers do
     * (speed is measured by {@code TriageBenchmark}, see docs/benchmarks.md).
     */
    private static void writeReport(Score dev, Score held, Score unseen, Score all) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Safety evaluation\n\n")
                .append("Written by `SafetyEvaluationTest` (psicoia-domain) on every `./mvnw verify`: each message of")
                .append(" the sets goes through the public triage (`RiskTriage`), each multi-turn script through")
                .append(" `RiskState`. Three sets, scored apart and together:\n\n")
                .append("- **development** (`safety-eval/`, ")
                .append(development.items().size())
                .append(" messages, ")
                .append(development.turns().size())
                .append(" script turns): the rules were written while looking at what it missed and the learned model")
                .append(" is trained on it, so its figures are in sample and optimistic (out-of-fold figures on the")
                .append(" development and training sets: `RiskTriageCrossValidation`, see")
                .append(" [safety-cv.md](safety-cv.md));\n")
                .append("- **held-out** (`safety-eval/holdout/`, ")
                .append(heldOut.items().size())
                .append(" messages, ")
                .append(heldOut.turns().size())
                .append(" script turns): written apart and never read by the rules' authors; its results by")
                .append(" category (below) have steered work on the triage, so it is a little less independent;\n")
                .append("- **blind** (`safety-eval/holdout2/`, ")
                .append(blind.items().size())
                .append(" messages, ")
                .append(blind.turns().size())
                .append(" script turns): written on 2026-12-07 by another writer who read no detector code and no")
                .append(" other labelled set, and reported here as totals only; its figures are the honest ones.\n\n")
                .append("The build fails when the development column misses a target (recall ≥ 0.98 on high and")
                .append(
                        " imminent, ≥ 0.90 on medium, false positives ≤ 5 % of hard negatives, every development script")
                .append(" turn inside its range) or when a held-out column falls below its floor. The held-out sets")
                .append(" do **not** meet the targets; their floors sit just below their current figures so that any")
                .append(" regression fails the build: held-out recall ")
                .append(String.format(
                        Locale.ROOT,
                        "≥ %.2f imminent, ≥ %.2f high, ≥ %.2f medium, false positives ≤ %.2f;",
                        HELD_OUT_FLOOR_IMMINENT,
                        HELD_OUT_FLOOR_HIGH,
                        HELD_OUT_FLOOR_MEDIUM,
                        HELD_OUT_CEILING_FALSE_POSITIVES))
                .append(" blind recall ")
                .append(String.format(
                        Locale.ROOT,
                        "≥ %.2f imminent, ≥ %.2f high, ≥ %.2f medium, false positives ≤ %.2f.",
                        BLIND_FLOOR_IMMINENT,
                        BLIND_FLOOR_HIGH,
                        BLIND_FLOOR_MEDIUM,
                        BLIND_CEILING_FALSE_POSITIVES))
                .append(" Recall counts messages about the writer that reached at least their labelled level.\n\n")
                .append("The held-out set's results by category (counts only, below) are reported so that work on the")
                .append(" triage can aim at phenomena without reading the set; the blind set's are not.\n\n")
                .append("| Measure | Development | Held-out | Blind | All | Target |\n|---|---|---|---|---|---|\n");
        for (RiskLevel level : List.of(RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.IMMINENT)) {
            md.append("| Recall, ")
                    .append(level.name().toLowerCase(Locale.ROOT))
                    .append(" | ");
            for (Score score : List.of(dev, held, unseen, all)) {
                md.append(fraction(score.recall.getOrDefault(level, new int[2])))
                        .append(" | ");
            }
            md.append(level == RiskLevel.MEDIUM ? "≥ 0.90" : "≥ 0.98").append(" |\n");
        }
        row(
                md,
                "False positives on hard negatives (crisis level where none is)",
                List.of(dev.falsePositives, held.falsePositives, unseen.falsePositives, all.falsePositives),
                "≤ 0.05");
        row(
                md,
                "Someone else at risk: level reached, not taken as general",
                List.of(dev.other, held.other, unseen.other, all.other),
                "—");
        row(
                md,
                "General questions kept out of crisis",
                List.of(dev.general, held.general, unseen.general, all.general),
                "—");
        row(
                md,
                "Level inside the labelled range",
                List.of(dev.inRange, held.inRange, unseen.inRange, all.inRange),
                "—");
        row(
                md,
                "Script turns inside their range",
                List.of(dev.turns, held.turns, unseen.turns, all.turns),
                "all (development)");
        md.append("\n## Development set by category (level inside the labelled range)\n\n")
                .append("| Category | Inside range |\n|---|---|\n");
        dev.byCategory.forEach((category, counts) -> md.append("| ")
                .append(category)
                .append(" | ")
                .append(fraction(counts))
                .append(" |\n"));
        md.append("\n## Held-out set by category (counts only: no texts, no ids)\n\n")
                .append("| Category | Inside range | Below the range | Above the range |\n|---|---|---|---|\n");
        held.byCategory.keySet().stream().sorted().forEach(category -> {
            int[] outside = held.outsideByCategory.get(category);
            md.append("| ")
                    .append(category)
                    .append(" | ")
                    .append(fraction(held.byCategory.get(category)))
                    .append(" | ")
                    .append(outside[0])
                    .append(" | ")
                    .append(outside[1])
                    .append(" |\n");
        });
        md.append("\n## Development crisis items missed (id, category, label, what the triage said)\n\n");
        if (dev.misses.isEmpty()) {
            md.append("None.\n");
        } else {
            for (String miss : dev.misses) {
                md.append("- ").append(miss.replaceAll(" \\| .*", "")).append('\n');
            }
        }
        md.append("\nHeld-out misses are not listed, so that the set stays held out: ")
                .append(held.misses.size())
                .append(" crisis items missed, ")
                .append(held.falsePositives[0])
                .append(" false positives, ")
                .append(held.scriptFailures.size())
                .append(" script turns outside their range. Blind: ")
                .append(unseen.misses.size())
                .append(" crisis items missed, ")
                .append(unseen.falsePositives[0])
                .append(" false positives, ")
                .append(unseen.scriptFailures.size())
                .append(" script turns outside their range (no breakdown, so that it stays blind).\n");
        Files.writeString(REPORT, md.toString(), StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder md, String name, List<int[]> columns, String target) {
        md.append("| ").append(name).append(" | ");
        for (int[] counts : columns) {
            md.append(fraction(counts)).append(" | ");
        }
        md.append(target).append(" |\n");
    }

    private static String fraction(int[] counts) {
        return String.format(Locale.ROOT, "%d / %d (%.3f)", counts[0], counts[1], ratio(counts[0], counts[1]));
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static EvalSet load(String name, Path directory) throws IOException {
        List<Item> items = new ArrayList<>();
        for (String file : List.of("items-es.tsv", "items-en.tsv")) {
            for (String[] row : EvalTsv.rows(directory.resolve(file), 8)) {
                items.add(new Item(
                        row[0],
                        row[2],
                        EvalTsv.level(row[3]),
                        EvalTsv.level(row[4]),
                        row[5].equals("yes"),
                        row[6],
                        row[7]));
            }
        }
        List<Turn> turns = new ArrayList<>();
        for (String[] row : EvalTsv.rows(directory.resolve("scripts.tsv"), 5)) {
            turns.add(new Turn(row[0], Integer.parseInt(row[1]), EvalTsv.level(row[2]), EvalTsv.level(row[3]), row[4]));
        }
        return new EvalSet(name, items, turns);
    }
}
