package io.psicoia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void givenOneToAThousand_whenSummarized_thenPercentilesAreNearestRank() {
        LatencyRecorder recorder = new LatencyRecorder(4);
        for (int i = 1000; i >= 1; i--) {
            recorder.record(i);
        }

        LatencyRecorder.Summary summary = recorder.summarize();

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.percentile(50)).isEqualTo(500);
        assertThat(summary.percentile(99)).isEqualTo(990);
        assertThat(summary.percentile(99.9)).isEqualTo(999);
        assertThat(summary.percentile(0)).isEqualTo(1);
        assertThat(summary.max()).isEqualTo(1000);
        assertThat(summary.mean()).isEqualTo(500.5);
    }

    @Test
    void givenTwoRecorders_whenMerged_thenTheSummaryCoversBoth() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        a.record(10);
        b.record(30);
        b.record(20);

        a.addAll(b);

        assertThat(a.count()).isEqualTo(3);
        assertThat(a.summarize().percentile(50)).isEqualTo(20);
    }

    @Test
    void givenNoSamples_whenAskedForAPercentile_thenItSaysSo() {
        LatencyRecorder.Summary summary = new LatencyRecorder().summarize();

        assertThat(summary.describeMillis()).isEqualTo("no samples");
        assertThatThrownBy(() -> summary.percentile(50)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenASingleSample_whenSummarized_thenEveryPercentileIsThatSample() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1_500_000);

        assertThat(recorder.summarize().describeMillis()).contains("p50=1.500ms", "p999=1.500ms");
    }
}
