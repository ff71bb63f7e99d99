package io.psicoia.domain.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains {@link RiskModel} from the labelled sets and writes {@code risk-model.tsv}. Deterministic: the same sets give
 * the same file, byte for byte ({@code RiskModelTest} checks the committed model against a fresh training).
 *
 * <p>Training data: {@code safety-eval/items-*.tsv} (development) and {@code safety-eval/train/items-*.tsv}, and the
 * calm turns of the scripts (negatives); never {@code safety-eval/holdout*}. Because the development set is training
 * data, the development figures of {@code SafetyEvaluationTest} are in sample for the model as they are for the phrase
 * rules; out-of-fold figures come from {@link RiskTriageCrossValidation}. Each message is read as the triage reads it
 * ({@link #example}): its words and what the phrase rules found in it ({@link RiskModel.Context}); messages the triage
 * judges before asking the model, or keeps the model from (negated), train the model but never count for a threshold.
 *
 * <p>Four logistic scores, each by stochastic gradient descent with L2 and a fixed seed: "at least" medium, high,
 * imminent (for each, a message is a positive when its lowest label reaches the level, a negative when its highest
 * label is below it, left out when its range straddles it; messages about someone else count with their person's
 * levels), and {@link RiskModel#OTHER}, whose risk it is (messages at risk about someone else against those about the
 * writer). Each level's threshold is chosen on five-fold out-of-fold scores, counting only the messages the model could
 * change (not already at that level by the rules): the lowest score (to four decimals) that keeps those false
 * positives at or under {@value #MAX_HARD_NEGATIVE_FALSE_POSITIVES} of hard negatives and {@value
 * #MAX_FALSE_POSITIVES} of all negatives, so the model adds recall with few alarms.
 *
 * <p>Run: {@code ./mvnw -q -pl psicoia-domain test-compile} then {@code java -cp
 * psicoia-domain/target/classes:psicoia-domain/target/test-classes io.psicoia.domain.safety.RiskModelTrainer} from
 * the repository root. For experiments with the cross-validation harness (never for the committed model), these system
 * properties change the training: {@code psicoia.train.hardNegativeBudget}, {@code psicoia.train.negativeBudget},
 * {@code psicoia.train.context} ({@code false}: words only), {@code psicoia.train.epochs}, {@code
 * psicoia.train.learningRate}, {@code psicoia.train.l2}, {@code psicoia.train.positiveWeight}.
 */
public final class RiskModelTrainer {

    static final Path OUTPUT = Path.of("psicoia-domain/src/main/resources/io/psicoia/domain/safety/risk-model.tsv");
    static final double MAX_HARD_NEGATIVE_FALSE_POSITIVES = setting("hardNegativeBudget", 0.02);
    static final double MAX_FALSE_POSITIVES = setting("negativeBudget", 0.02);

    private static final int EPOCHS = (int) setting("epochs", 40);
    private static final double LEARNING_RATE = setting("learningRate", 0.15);
    private static final double L2 = setting("l2", 1e-4);
    private static final double POSITIVE_WEIGHT = setting("positiveWeight", 2.0);
    private static final boolean CONTEXT = !"false".equals(System.getProperty("psicoia.train.context"));
    /** The {@link RiskModel#OTHER} score passes at even odds. */
    private static final double OTHER_THRESHOLD = 0.5;

    private static final int FOLDS = 5;
    private static final long SEED = 20261125L;

    private static double setting(String name, double otherwise) {
        String value = System.getProperty("psicoia.train." + name);
        return value == null ? otherwise : Double.parseDouble(value);
    }

    record Example(
            List<String> features,
            RiskLevel min,
            RiskLevel max,
            boolean hardNegative,
            RiskLevel rules,
            boolean blocked,
            boolean aboutOther) {}

    /** The triage without a model: what the rules alone say, and what they give the model. */
    static final RiskTriage RULES =
            new RiskTriage(new RiskModel(Map.of(), new double[] {-50, -50, -50}, new double[] {2, 2, 2}));

    /** A labelled message as the model will see it. */
    static Example example(String text, RiskLevel min, RiskLevel max, boolean hardNegative) {
        return example(text, min, max, hardNegative, false);
    }

    /** A labelled message as the model will see it; {@code aboutOther} when the labels are someone else's risk. */
    static Example example(String text, RiskLevel min, RiskLevel max, boolean hardNegative, boolean aboutOther) {
        String[][] words = new String[1][];
        long[] context = new long[1];
        boolean[] blocked = {true};
        RiskLevel rules = RULES.assess(text, (w, c, b) -> {
                    words[0] = w;
                    context[0] = c;
                    blocked[0] = b;
                })
                .level();
        if (words[0] == null) {
            // Judged before the model is asked (a general question): the model never sees it.
            words[0] = RiskTriage.prepare(text, EnumSet.noneOf(RiskSignal.class));
        }
        return new Example(
                RiskModel.features(words[0], CONTEXT ? context[0] : 0),
                min,
                max,
                hardNegative,
                rules,
                blocked[0],
                aboutOther);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        String model = train(root);
        Files.createDirectories(root.resolve(OUTPUT).getParent());
        Files.writeString(root.resolve(OUTPUT), model, StandardCharsets.UTF_8);
        System.out.println("wrote " + root.resolve(OUTPUT));
    }

    /** The model file trained from the sets under {@code root}. */
    static String train(Path root) throws IOException {
        return train(examples(root));
    }

    /** The model file trained from {@code examples} (also used by {@code RiskTriageCrossValidation} on folds). */
    static String train(List<Example> examples) {
        Encoded data = new Encoded(examples);
        int scores = RiskModel.SCORES;
        double[] thresholds = new double[scores];
        double[] bias = new double[scores];
        double[][] weights = new double[data.names.length][scores];
        for (int k = 0; k < scores; k++) {
            thresholds[k] = k == RiskModel.OTHER ? OTHER_THRESHOLD : threshold(data, k);
            Fit fit = fit(data, k, -1);
            bias[k] = fit.bias;
            for (int f = 0; f < data.names.length; f++) {
                weights[f][k] = fit.weights[f];
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# PsicoIA risk model: written by RiskModelTrainer from safety-eval (development and train sets;")
                .append(" never the held-out set). Do not edit: retrain.\n")
                .append(
                        "# Columns: feature, weight for at-least-medium, at-least-high, at-least-imminent, about someone")
                .append(" else.\n")
                .append("# Trained on ")
                .append(examples.size())
                .append(" messages.\n");
        out.append("=bias").append(values(bias)).append('\n');
        out.append("=threshold").append(values(thresholds)).append('\n');
        for (int f : data.sorted) {
            double largest = 0;
            for (double value : weights[f]) {
                largest = Math.max(largest, Math.abs(value));
            }
            if (largest >= 0.01) {
                out.append(data.names[f]).append(values(weights[f])).append('\n');
            }
        }
        return out.toString();
    }

    /** The examples with their features numbered: fitting adds up arrays instead of looking up strings. */
    private static final class Encoded {
        final List<Example> examples;
        final int[][] features;
        final String[] names;
        /** Feature numbers in the order of their names. */
        final int[] sorted;

        Encoded(List<Example> examples) {
            this.examples = examples;
            Map<String, Integer> numbers = new HashMap<>();
            List<String> names = new ArrayList<>();
            this.features = new int[examples.size()][];
            for (int i = 0; i < examples.size(); i++) {
                List<String> set = examples.get(i).features();
                int[] row = new int[set.size()];
                int j = 0;
                for (String feature : set) {
                    Integer number = numbers.get(feature);
                    if (number == null) {
                        number = names.size();
                        numbers.put(feature, number);
                        names.add(feature);
                    }
                    row[j++] = number;
                }
                features[i] = row;
            }
            this.names = names.toArray(new String[0]);
            TreeMap<String, Integer> byName = new TreeMap<>(numbers);
            this.sorted = byName.values().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static String values(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double value : values) {
            out.append('\t').append(String.format(Locale.ROOT, "%.4f", value));
        }
        return out.toString();
    }

    /** The threshold for {@code level} from out-of-fold scores. */
    private static double threshold(Encoded data, int k) {
        RiskLevel level = RiskModel.LEVELS[k];
        List<Example> examples = data.examples;
        List<double[]> scored = new ArrayList<>(); // {score, positive?1:0, hardNegative?1:0}
        for (int fold = 0; fold < FOLDS; fold++) {
            Fit fit = fit(data, k, fold);
            for (int i = 0; i < examples.size(); i++) {
                if (i % FOLDS != fold) {
                    continue;
                }
                Example example = examples.get(i);
                Integer label = label(example, k);
                if (label == null || example.blocked() || example.rules().atLeast(level)) {
                    continue;
                }
                scored.add(new double[] {fit.score(data.features[i]), label, example.hardNegative() ? 1 : 0});
            }
        }
        int negatives = 0;
        int hardNegatives = 0;
        for (double[] s : scored) {
            if (s[1] == 0) {
                negatives++;
                if (s[2] == 1) {
                    hardNegatives++;
                }
            }
        }
        // The lowest threshold that still keeps false positives within bounds: walk the negatives from the highest
        // score down; the first one that would break a bound sets the threshold just above its score. On the scores
        // themselves, not on a grid of hundredths: near 1 a grid cannot tell the negatives from the positives.
        List<double[]> negativeScores = new ArrayList<>();
        for (double[] s : scored) {
            if (s[1] == 0) {
                negativeScores.add(s);
            }
        }
        negativeScores.sort((x, y) -> Double.compare(y[0], x[0]));
        int falsePositives = 0;
        int hardFalsePositives = 0;
        double lowest = 0.05;
        for (double[] s : negativeScores) {
            falsePositives++;
            if (s[2] == 1) {
                hardFalsePositives++;
            }
            if (falsePositives > MAX_FALSE_POSITIVES * negatives
                    || hardFalsePositives > MAX_HARD_NEGATIVE_FALSE_POSITIVES * hardNegatives) {
                lowest = s[0];
                break;
            }
        }
        // Written with four decimals: round up, so the negative that set it stays below.
        double best = Math.ceil(lowest * 10_000 + 1e-9) / 10_000;
        return Math.max(0.05, Math.min(0.9999, best));
    }

    /**
     * For score {@code k}: 1 for a positive, 0 for a negative, null when the example does not count. For a level, a
     * positive reaches it, a negative stays below, a range that straddles it does not count; for {@link
     * RiskModel#OTHER}, messages at risk (medium or more) about someone else are the positives, about the writer the
     * negatives.
     */
    private static Integer label(Example example, int k) {
        if (k == RiskModel.OTHER) {
            return example.min().isCrisis() ? Integer.valueOf(example.aboutOther() ? 1 : 0) : null;
        }
        if (example.aboutOther()) {
            return label(example, RiskModel.LEVELS[k]);
        }
        return label(example, RiskModel.LEVELS[k]);
    }

    private static Integer label(Example example, RiskLevel level) {
        if (example.min().atLeast(level)) {
            return 1;
        }
        if (!example.max().atLeast(level)) {
            return 0;
        }
        return null;
    }

    private static final class Fit {
        final double[] weights;
        double bias;

        Fit(int features) {
            this.weights = new double[features];
        }

        double score(int[] features) {
            double z = bias;
            for (int feature : features) {
                z += weights[feature];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** Fits score {@code k} on every example but those of {@code heldFold} (-1: on all). */
    private static Fit fit(Encoded data, int k, int heldFold) {
        List<Example> examples = data.examples;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (i % FOLDS != heldFold && label(examples.get(i), k) != null) {
                order.add(i);
            }
        }
        Random random =
                new Random(SEED + (k < RiskModel.LEVELS.length ? RiskModel.LEVELS[k].ordinal() : 7) * 31L + heldFold);
        Fit fit = new Fit(data.names.length);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(order, random);
            double rate = LEARNING_RATE / (1 + epoch * 0.1);
            for (int index : order) {
                int y = label(examples.get(index), k);
                int[] features = data.features[index];
                double p = fit.score(features);
                double gradient = (y - p) * (y == 1 && k != RiskModel.OTHER ? POSITIVE_WEIGHT : 1.0);
                fit.bias += rate * gradient;
                for (int feature : features) {
                    double w = fit.weights[feature];
                    fit.weights[feature] = w + rate * (gradient - L2 * w);
                }
            }
        }
        return fit;
    }

    static List<Example> examples(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("safety-eval", "safety-eval/train")) {
            for (String name : List.of("items-es.tsv", "items-en.tsv")) {
                Path file = root.resolve(dir).resolve(name);
                if (Files.exists(file)) {
                    files.add(file);
                }
            }
        }
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            for (String[] row : EvalTsv.rows(file, 8)) {
                examples.add(example(
                        row[7],
                        EvalTsv.level(row[3]),
                        EvalTsv.level(row[4]),
                        row[5].equals("yes"),
                        row[2].equals("other")));
            }
        }
        examples.addAll(calmTurns(root.resolve("safety-eval/scripts.tsv")));
        examples.addAll(calmTurns(root.resolve("safety-eval/train/scripts.tsv")));
        return examples;
    }

    /**
     * Turns of multi-turn scripts before anything worrying was said (state labelled low at most): ordinary long
     * messages, negatives for every level.
     */
    static List<Example> calmTurns(Path file) throws IOException {
        List<Example> calm = new ArrayList<>();
        if (!Files.exists(file)) {
            return calm;
        }
        String script = "";
        boolean worried = false;
        for (String[] row : EvalTsv.rows(file, 5)) {
            if (!row[0].equals(script)) {
                script = row[0];
                worried = false;
            }
            RiskLevel max = EvalTsv.level(row[3]);
            worried |= max.atLeast(RiskLevel.MEDIUM);
            if (!worried) {
                calm.add(example(row[4], RiskLevel.NONE, max, false));
            }
        }
        return calm;
    }
}
