package io.psicoia.domain.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small linear model over the words of a message and what the phrase rules found in it, for what the rules do not
 * cover: three logistic scores, "at least medium", "at least high", "at least imminent", each with its threshold, and
 * a fourth ({@link #OTHER}) that says whether the risk read is someone else's.
 *
 * <p>Deterministic and offline: the weights are a resource of this module ({@value #RESOURCE}), trained by {@code
 * RiskModelTrainer} (test sources) from the labelled sets in {@code safety-eval/} (never from the held-out sets), and
 * committed. Features are the folded words, word pairs and four-letter stems of the message after idioms were blanked
 * out, each counted as often as it occurs, and one feature per finding of the rules ({@link Context}) ({@link
 * #features}); scoring looks them up by a hash of their text, built without making strings, and compares logits with
 * thresholds turned into logits once, so a message is scored in well under a microsecond.
 */
final class RiskModel {

    static final String RESOURCE = "risk-model.tsv";

    /** The levels scored, in order: index 0 "at least medium", 1 "at least high", 2 "at least imminent". */
    static final RiskLevel[] LEVELS = {RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.IMMINENT};

    /**
     * Index of the fourth score: that a message at risk speaks of someone else's risk, not the writer's. Asked only
     * when the model, not the rules, gave the level and the message names someone.
     */
    static final int OTHER = 3;

    /** Scores per feature: the three levels, then {@link #OTHER}. */
    static final int SCORES = 4;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int STEM = 4;

    /**
     * The weights in an open-addressing table keyed by the 64-bit hash of each feature's text ({@link #hash}), so a
     * message is scored without building a string. Slot {@code i} takes {@value #SLOT} ints: the hash's upper half
     * (its lower bits choose the slot; 0 marks an empty slot) and the raw bits of the three weights, side by side so a
     * lookup reads one cache line.
     */
    private static final int SLOT = 1 + SCORES;

    private final int[] table;
    private final int mask;
    private final double[] bias;
    private final double[] thresholds;
    /** The thresholds as logits: a score passes when its logit does. */
    private final double[] logitThresholds;

    RiskModel(Map<String, float[]> weights, double[] bias, double[] thresholds) {
        int capacity = Integer.highestOneBit(Math.max(16, weights.size() * 2 - 1)) * 2;
        this.table = new int[capacity * SLOT];
        this.mask = capacity - 1;
        for (Map.Entry<String, float[]> entry : weights.entrySet()) {
            long key = hash(entry.getKey());
            int tag = tag(key);
            int slot = (int) key & mask;
            while (table[slot * SLOT] != 0) {
                if (table[slot * SLOT] == tag) {
                    // A lookup of this feature would stop there: retrain, or widen the tag.
                    throw new IllegalStateException("two model features share a hash");
                }
                slot = (slot + 1) & mask;
            }
            table[slot * SLOT] = tag;
            float[] w = entry.getValue();
            for (int k = 0; k < w.length; k++) {
                table[slot * SLOT + 1 + k] = Float.floatToRawIntBits(w[k]);
            }
        }
        // A model of levels only (no OTHER score) never says "someone else".
        this.bias = Arrays.copyOf(bias, SCORES);
        this.thresholds = Arrays.copyOf(thresholds, SCORES);
        for (int k = thresholds.length; k < SCORES; k++) {
            this.thresholds[k] = 2;
        }
        this.logitThresholds = new double[SCORES];
        for (int k = 0; k < SCORES; k++) {
            double t = this.thresholds[k];
            logitThresholds[k] =
                    t >= 1 ? Double.POSITIVE_INFINITY : t <= 0 ? Double.NEGATIVE_INFINITY : Math.log(t / (1 - t));
        }
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
        double[] bias = new double[SCORES];
        double[] thresholds = new double[SCORES];
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 1 + SCORES) {
                throw new IllegalStateException("bad model line with " + fields.length + " fields");
            }
            double[] values = new double[SCORES];
            for (int k = 0; k < SCORES; k++) {
                values[k] = Double.parseDouble(fields[k + 1]);
            }
            switch (fields[0]) {
                case "=bias" -> bias = values;
                case "=threshold" -> thresholds = values;
                default -> {
                    float[] w = new float[SCORES];
                    for (int k = 0; k < SCORES; k++) {
                        w[k] = (float) values[k];
                    }
                    weights.put(fields[0], w);
                }
            }
        }
        return new RiskModel(weights, bias, thresholds);
    }

    /**
     * What the phrase rules saw in a message, given to the model beside its words: one feature each ({@code "@" +
     * name}), so the model learns how the rules' findings combine (a time and a goodbye) and where they mislead (a
     * place with a view, pills of a treatment). Set by {@link RiskTriage} as bits of a {@code long}.
     */
    enum Context {
        INTENT,
        PASSIVE,
        SELF_HARM,
        GIVING_AWAY,
        FAREWELL,
        PLAN,
        READY,
        MEANS,
        METHOD,
        IN_PROGRESS,
        PLACE,
        PLACE_BENIGN,
        PLACE_CONTEXT,
        TIMING,
        DISTRESS,
        RECENT_ATTEMPT,
        GOODBYE,
        CONCEALED,
        CELEBRATION,
        MEDICAL_ROUTINE,
        ORDINARY_LEAVING,
        PAST,
        GENERAL,
        FICTION,
        THIRD_PARTY,
        REPORTED,
        OTHER_AT_RISK,
        FIRST_PERSON,
        POSSESSIVE,
        FAREWELL_SORRY,
        FAREWELL_LOVE,
        SERIOUS,
        IDIOM;

        final String feature = "@" + name().toLowerCase(java.util.Locale.ROOT);
        final long hash = hash(feature);

        long bit() {
            return 1L << ordinal();
        }
    }

    private static final Context[] CONTEXTS = Context.values();

    /** The highest level whose score passes its threshold, or {@link RiskLevel#NONE}. */
    RiskLevel level(String[] words) {
        return level(words, 0);
    }

    /** As {@link #level(String[])}, with what the rules saw ({@link Context} bits). */
    RiskLevel level(String[] words, long context) {
        return level(logits(words, context));
    }

    /** The highest level whose logit, of {@link #logits}, passes its threshold, or {@link RiskLevel#NONE}. */
    RiskLevel level(double[] logits) {
        RiskLevel level = RiskLevel.NONE;
        for (int k = 0; k < LEVELS.length; k++) {
            if (logits[k] >= logitThresholds[k]) {
                level = LEVELS[k];
            }
        }
        return level;
    }

    /** Whether {@link #logits} say the risk read is someone else's ({@link #OTHER}). */
    boolean aboutOther(double[] logits) {
        return logits[OTHER] >= logitThresholds[OTHER];
    }

    /** The probability of each "at least" level, then of {@link #OTHER}, for the words of a message. */
    double[] scores(String[] words) {
        return scores(words, 0);
    }

    /** As {@link #scores(String[])}, with what the rules saw ({@link Context} bits). */
    double[] scores(String[] words, long context) {
        double[] z = logits(words, context);
        for (int k = 0; k < z.length; k++) {
            z[k] = 1 / (1 + Math.exp(-z[k]));
        }
        return z;
    }

    /**
     * The logit of each score for a message: its bias plus the weight of every feature of {@link #features}, each
     * counted as often as it occurs, found by hash without building their text. Compared with thresholds turned into
     * logits once, so no exponential is taken per message.
     */
    double[] logits(String[] words, long context) {
        double[] z = bias.clone();
        for (long bits = context; bits != 0; bits &= bits - 1) {
            add(z, CONTEXTS[Long.numberOfTrailingZeros(bits)].hash);
        }
        long previous = 0;
        boolean hasPrevious = false;
        for (String word : words) {
            if (word.equals(SafetyNormalizer.BREAK)) {
                hasPrevious = false;
                continue;
            }
            long stem = 0;
            long h = FNV_OFFSET;
            int length = word.length();
            for (int i = 0; i < length; i++) {
                if (i == STEM) {
                    stem = (h ^ '~') * FNV_PRIME;
                }
                h = (h ^ word.charAt(i)) * FNV_PRIME;
            }
            add(z, h);
            if (length > STEM) {
                add(z, stem);
            }
            if (hasPrevious) {
                long pair = (previous ^ ' ') * FNV_PRIME;
                for (int i = 0; i < length; i++) {
                    pair = (pair ^ word.charAt(i)) * FNV_PRIME;
                }
                add(z, pair);
            }
            previous = h;
            hasPrevious = true;
        }
        return z;
    }

    /** Adds the weights of the feature whose hash is {@code key}, when the model has weights for it. */
    private void add(double[] z, long key) {
        int tag = tag(key);
        for (int slot = (int) key & mask; table[slot * SLOT] != 0; slot = (slot + 1) & mask) {
            if (table[slot * SLOT] == tag) {
                int base = slot * SLOT + 1;
                for (int k = 0; k < SCORES; k++) {
                    z[k] += Float.intBitsToFloat(table[base + k]);
                }
                return;
            }
        }
    }

    /** The upper half of a feature hash, never 0 (0 marks an empty slot). */
    private static int tag(long key) {
        int tag = (int) (key >>> 32);
        return tag == 0 ? 1 : tag;
    }

    /** The 64-bit FNV-1a hash of a feature's text, never 0 (the empty slot). */
    static long hash(String feature) {
        long h = FNV_OFFSET;
        for (int i = 0; i < feature.length(); i++) {
            h = (h ^ feature.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /**
     * Words, word pairs within a sentence, and four-letter stems of longer words: the features, as text, each as often
     * as it occurs.
     */
    static List<String> features(String[] words) {
        return features(words, 0);
    }

    /** As {@link #features(String[])}, with the {@link Context} features first. */
    static List<String> features(String[] words, long context) {
        List<String> features = new ArrayList<>(words.length * 3);
        for (Context c : CONTEXTS) {
            if ((context & c.bit()) != 0) {
                features.add(c.feature);
            }
        }
        String previous = null;
        for (String word : words) {
            if (word.equals(SafetyNormalizer.BREAK)) {
                previous = null;
                continue;
            }
            features.add(word);
            if (word.length() > STEM) {
                features.add(word.substring(0, STEM) + "~");
            }
            if (previous != null) {
                features.add(previous + " " + word);
            }
            previous = word;
        }
        return features;
    }
}
