package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskStateTest {

    private static RiskAssessment self(RiskLevel level, RiskSignal... signals) {
        return new RiskAssessment(level, RiskSubject.SELF, Set.of(signals));
    }

    @Test
    void givenARiskyMessage_thenTheStateRisesAtOnce_andADenialDoesNotLowerIt() {
        RiskState state = new RiskState();
        assertThat(state.update(self(RiskLevel.HIGH, RiskSignal.SUICIDAL_INTENT)))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(state.update(self(RiskLevel.NONE))).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void givenRiskThatBuilds_thenThreeMediumMessagesMakeItHigh_andFourDistressedOnesMedium() {
        RiskState medium = new RiskState();
        medium.update(self(RiskLevel.MEDIUM, RiskSignal.PASSIVE_WISH));
        medium.update(self(RiskLevel.MEDIUM, RiskSignal.PASSIVE_WISH));
        assertThat(medium.update(self(RiskLevel.MEDIUM, RiskSignal.PASSIVE_WISH)))
                .isEqualTo(RiskLevel.HIGH);

        RiskState low = new RiskState();
        for (int i = 0; i < 3; i++) {
            assertThat(low.update(self(RiskLevel.LOW, RiskSignal.DISTRESS))).isEqualTo(RiskLevel.LOW);
        }
        assertThat(low.update(self(RiskLevel.LOW, RiskSignal.DISTRESS))).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void givenAPlanOrAGoodbyeAfterRisk_thenTheyWeighMore() {
        RiskState state = new RiskState();
        state.update(self(RiskLevel.MEDIUM, RiskSignal.PASSIVE_WISH));
        assertThat(state.update(self(RiskLevel.LOW, RiskSignal.PLAN))).isEqualTo(RiskLevel.IMMINENT);

        RiskState other = new RiskState();
        other.update(self(RiskLevel.MEDIUM, RiskSignal.PASSIVE_WISH));
        assertThat(other.update(self(RiskLevel.NONE, RiskSignal.GOODBYE))).isEqualTo(RiskLevel.HIGH);

        RiskState calm = new RiskState();
        assertThat(calm.update(self(RiskLevel.NONE, RiskSignal.GOODBYE))).isEqualTo(RiskLevel.NONE);
    }

    @Test
    void givenCalmTurns_thenTheStateStepsDownSlowly_andNeverBelowItsFloor() {
        RiskState state = new RiskState();
        state.update(self(RiskLevel.IMMINENT, RiskSignal.ACT_IN_PROGRESS));
        for (int i = 1; i < RiskState.CALM_TURNS_PER_STEP; i++) {
            assertThat(state.update(self(RiskLevel.NONE))).isEqualTo(RiskLevel.IMMINENT);
        }
        assertThat(state.update(self(RiskLevel.NONE))).isEqualTo(RiskLevel.HIGH);
        for (int i = 0; i < 10 * RiskState.CALM_TURNS_PER_STEP; i++) {
            state.update(self(RiskLevel.NONE));
        }
        assertThat(state.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(state.peak()).isEqualTo(RiskLevel.IMMINENT);
    }

    @Test
    void givenSomeoneElseAtRisk_thenItIsKeptApartFromTheWritersOwnLevel() {
        RiskState state = new RiskState();
        state.update(new RiskAssessment(RiskLevel.HIGH, RiskSubject.OTHER, Set.of(RiskSignal.THIRD_PARTY)));
        assertThat(state.level()).isEqualTo(RiskLevel.NONE);
        assertThat(state.otherLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(state.toString()).doesNotContain("THIRD_PARTY");
    }
}
