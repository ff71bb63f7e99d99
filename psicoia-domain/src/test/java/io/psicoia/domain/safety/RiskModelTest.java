package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void givenFeatures_thenWordsPairsWithinASentenceAndStemsAreUsed() {
        String[] words = {"kiero", "desapareser", ".", "ia"};
        assertThat(RiskModel.features(words))
                .containsExactlyInAnyOrder("kiero", "kier~", "desapareser", "desa~", "kiero desapareser", "ia");
    }
}
