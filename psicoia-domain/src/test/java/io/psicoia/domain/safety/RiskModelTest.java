package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskModelTest {

    @Test
    void committedModel_isExactlyWhatTheTrainerMakesFromTheLabelledSets() throws Exception {
        Path root = Path.of("..");
        String committed = Files.readString(root.resolve(RiskModelTrainer.OUTPUT), StandardCharsets.UTF_8);
        assertThat(RiskModelTrainer.train(root))
                .as("risk-model.tsv is stale: retrain with RiskModelTrainer (see its javadoc)")
                .isEqualTo(committed);
    }

    @Test
    void givenWeightsForWordsStemsAndPairs_whenScoring_thenEachFeatureCountsAsOftenAsItOccurs() {
        Map<String, float[]> weights = new HashMap<>();
        weights.put("kiero", new float[] {1, 0, 0, 0});
        weights.put("desa~", new float[] {0, 2, 0, 0});
        weights.put("kiero desapareser", new float[] {0, 0, 4, 0});
        weights.put("desapareser ia", new float[] {100, 100, 100, 100}); // across a sentence break: never a feature
        RiskModel model = new RiskModel(weights, new double[] {-1, -2, -4, 0}, new double[] {0.5, 0.5, 0.5, 0.5});

        String[] words = {"kiero", "desapareser", ".", "ia", "kiero", "desapareser"};
        double[] scores = model.scores(words);

        double[] expected = {1, 2, 4}; // each bias plus its one weight, twice: each feature occurs twice
        for (int k = 0; k < 3; k++) {
            assertThat(scores[k]).isCloseTo(1 / (1 + Math.exp(-expected[k])), within(1e-9));
        }
        assertThat(model.level(words)).isEqualTo(RiskLevel.IMMINENT);
        assertThat(model.scores(new String[] {"ia"})[0]).isLessThan(0.5);
    }

    @Test
    void givenFeatures_thenWordsPairsWithinASentenceAndStemsAreUsed() {
        String[] words = {"kiero", "desapareser", ".", "ia"};
        assertThat(RiskModel.features(words))
                .containsExactlyInAnyOrder("kiero", "kier~", "desapareser", "desa~", "kiero desapareser", "ia");
    }
}
