package io.psicoia.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps every latency sample (nanoseconds) and answers exact percentiles by the nearest-rank method. A run of a
 * minute at 20,000 msg/s is 1.2 million longs (under 10 MB), so nothing needs bucketing. Not thread-safe: one
 * recorder per event-loop thread, merged at the end.
 */
final class LatencyRecorder {

    private long[] samples;
    private int size;

    LatencyRecorder() {
        this(1024);
    }

    LatencyRecorder(int initialCapacity) {
        samples = new long[Math.max(16, initialCapacity)];
    }

    void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[size++] = nanos;
    }

    int count() {
        return size;
    }

    /** Sample number {@code index}, in recording order. */
    long at(int index) {
        return samples[index];
    }

    /** Adds every sample of {@code other} to this recorder. */
    void addAll(LatencyRecorder other) {
        if (size + other.size > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + other.size));
        }
        System.arraycopy(other.samples, 0, samples, size, other.size);
        size += other.size;
    }

    /** The sorted summary; sorts a copy, so recording may go on. */
    Summary summarize() {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return new Summary(sorted);
    }

    /** Percentiles over a sorted copy of the samples. */
    static final class Summary {
        private final long[] sorted;

        Summary(long[] sorted) {
            this.sorted = sorted;
        }

        int count() {
            return sorted.length;
        }

        /**
         * Nearest rank: the smallest sample such that at least {@code percent}% of the samples are at or below it.
         *
         * @throws IllegalStateException when there are no samples
         */
        long percentile(double percent) {
            if (sorted.length == 0) {
                throw new IllegalStateException("no samples");
            }
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be 0-100");
            }
            // The epsilon keeps binary rounding (99.9 / 100 * 1000 = 999.0000000000001) from skipping a rank.
            int rank = (int) Math.ceil(percent * sorted.length / 100.0 - 1e-9);
            return sorted[Math.max(0, rank - 1)];
        }

        long max() {
            return percentile(100);
        }

        double mean() {
            if (sorted.length == 0) {
                throw new IllegalStateException("no samples");
            }
            double sum = 0;
            for (long sample : sorted) {
                sum += sample;
            }
            return sum / sorted.length;
        }

        /** {@code p50=… p99=… p999=… max=…} in milliseconds with three decimals. */
        String describeMillis() {
            if (sorted.length == 0) {
                return "no samples";
            }
            return String.format(
                    Locale.ROOT,
                    "n=%d mean=%.3fms p50=%.3fms p90=%.3fms p99=%.3fms p999=%.3fms max=%.3fms",
                    count(),
                    mean() / 1e6,
                    percentile(50) / 1e6,
                    percentile(90) / 1e6,
                    percentile(99) / 1e6,
                    percentile(99.9) / 1e6,
                    max() / 1e6);
        }
    }
}
