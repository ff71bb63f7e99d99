package io.psicoia.domain.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A small linear model over the words of a message, for what the phrase rules do not cover: three logistic scores,
 * "at least medium", "at least high", "at least imminent", each with its threshold.
 *
 * <p>Deterministic and offline: the weights are a resource of this module ({@value #RESOURCE}), trained by {@code
 * RiskModelTrainer} (test sources) from the labelled sets in {@code safety-eval/} (never from the held-out set), and
 * committed. Features are the folded words, word pairs and four-letter stems of the message after idioms were
 * blanked out ({@link #features}); a message is scored in a few microseconds.
 */
final class RiskModel {

    static final String RESOURCE = "risk-model.tsv";

    /** The levels scored, in order: index 0 "at least medium", 1 "at least high", 2 "at least imminent". */
    static final RiskLevel[] LEVELS = {RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.IMMINENT};

    private final Map<String, float[]> weights;
    private final double[] bias;
    private final double[] thresholds;

    RiskModel(Map<String, float[]> weights, double[] bias, double[] thresholds) {
        this.weights = weights;
        this.bias = bias.clone();
        this.thresholds = thresholds.clone();
    }

    /** The model shipped in this module. */
    static RiskModel load() {
        try (InputStream in = RiskModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RiskModel read(BufferedReader reader) throws IOException {
        Map<String, float[]> weights = new HashMap<>();
        double[] bias = new double[LEVELS.length];
        double[] thresholds = new double[LEVELS.length];
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 1 + LEVELS.length) {
                throw new IllegalStateException("bad model line with " + fields.length + " fields");
            }
            double[] values = new double[LEVELS.length];
            for (int k = 0; k < LEVELS.length; k++) {
                values[k] = Double.parseDouble(fields[k + 1]);
            }
            switch (fields[0]) {
                case "=bias" -> bias = values;
                case "=threshold" -> thresholds = values;
                default -> {
                    float[] w = new float[LEVELS.length];
                    for (int k = 0; k < LEVELS.length; k++) {
                        w[k] = (float) values[k];
                    }
                    weights.put(fields[0], w);
                }
            }
        }
        return new RiskModel(weights, bias, thresholds);
    }

    /** The highest level whose score passes its threshold, or {@link RiskLevel#NONE}. */
    RiskLevel level(String[] words) {
        double[] scores = scores(features(words));
        RiskLevel level = RiskLevel.NONE;
        for (int k = 0; k < LEVELS.length; k++) {
            if (scores[k] >= thresholds[k]) {
                level = LEVELS[k];
            }
        }
        return level;
    }

    /** The probability of each "at least" level. */
    double[] scores(Set<String> features) {
        double[] z = bias.clone();
        for (String feature : features) {
            float[] w = weights.get(feature);
            if (w != null) {
                for (int k = 0; k < z.length; k++) {
                    z[k] += w[k];
                }
            }
        }
        for (int k = 0; k < z.length; k++) {
            z[k] = 1 / (1 + Math.exp(-z[k]));
        }
        return z;
    }

    /** Words, word pairs within a sentence, and four-letter stems of longer words. */
    static Set<String> features(String[] words) {
        Set<String> features = new LinkedHashSet<>(words.length * 3);
        String previous = null;
        for (String word : words) {
            if (word.equals(SafetyNormalizer.BREAK)) {
                previous = null;
                continue;
            }
            features.add(word);
            if (word.length() >= 5) {
                features.add(word.substring(0, 4) + "~");
            }
            if (previous != null) {
                features.add(previous + " " + word);
            }
            previous = word;
        }
        return features;
    }
}
