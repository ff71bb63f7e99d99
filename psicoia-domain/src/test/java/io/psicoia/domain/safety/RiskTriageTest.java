package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A few behaviours by name; the evaluation sets ({@link SafetyEvaluationTest}) measure the rest. */
class RiskTriageTest {

    private final RiskTriage triage = new RiskTriage();

    @Test
    void givenAnIdiom_thenItIsNotACrisis_butTheSameWordsMeantAreHigh() {
        assertThat(triage.assess("jajaja me muero de risa con tu audio").level())
                .isEqualTo(RiskLevel.NONE);
        assertThat(triage.assess("la verdad es que me quiero morir").level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void givenANegation_thenTheIntentIsNotCounted_butNoParaDeIsNotANegation() {
        assertThat(triage.assess("tranqui, no me quiero matar, estoy cansado nomás")
                        .level()
                        .isCrisis())
                .isFalse();
        assertThat(triage.assess("una voz no para de decirme que me mate").level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(triage.assess("no tengo ideas de matarme, solo estoy harta del trabajo")
                        .level()
                        .isCrisis())
                .isFalse();
        assertThat(triage.assess("ni de broma pienso en suicidarme, fue un mal día")
                        .level()
                        .isCrisis())
                .isFalse();
    }

    @Test
    void givenANoSetOffByAComma_thenItAnswersSomethingAndWhatFollowsCounts() {
        // "¿Estás bien?" "No, me quiero matar": the no is the answer, not a negation of the intent.
        assertThat(triage.assess("No, me quiero matar").level()).isEqualTo(RiskLevel.HIGH);
        assertThat(triage.assess("no, ya no quiero vivir").level().isCrisis()).isTrue();
        assertThat(triage.assess("no, la verdad que me quiero morir").level()).isEqualTo(RiskLevel.HIGH);
        // A no that does negate still does.
        assertThat(triage.assess("no, no me quiero matar").level()).isEqualTo(RiskLevel.NONE);
        assertThat(triage.assess("no, gracias, estoy bien").level()).isEqualTo(RiskLevel.NONE);
    }

    @Test
    void givenOrdinaryThingsSaidWithRiskyWords_thenTheyAreNotACrisis() {
        // Venting about something ordinary, the end of a relationship, a phone that "dies", a lie-in.
        assertThat(triage.assess("ya no aguanto más este calor, mañana me compro un ventilador")
                        .level()
                        .isCrisis())
                .isFalse();
        assertThat(triage.assess("ya decidí terminar con mi novio y me siento mejor")
                        .level()
                        .isCrisis())
                .isFalse();
        assertThat(triage.assess("mi celular se está muriendo, ¿me prestás el cargador?")
                        .level()
                        .isCrisis())
                .isFalse();
        assertThat(triage.assess("no quiero despertarme mañana, es feriado")
                        .level()
                        .isCrisis())
                .isFalse();
        // Someone else on a roof for an ordinary reason, or saying goodbye before a move.
        assertThat(triage.assess("mi tío está en el techo arreglando la antena")
                        .level()
                        .isCrisis())
                .isFalse();
        assertThat(triage.assess("mi prima se despidió de todos porque se va a vivir a Lima")
                        .level()
                        .isCrisis())
                .isFalse();
        // The same people at risk are still seen.
        assertThat(triage.assess("mi tío está en el techo y dice que se va a tirar")
                        .level())
                .isEqualTo(RiskLevel.IMMINENT);
    }

    @Test
    void givenObliqueCrises_thenTheyAreSeen() {
        // A question whose answer would be lethal, a height asked "not for sightseeing", a farewell without the word.
        assertThat(triage.assess("¿hay algo que se venda en la farmacia que sea letal?")
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(triage.assess("¿qué altura tiene ese puente? no me preguntes para qué")
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(triage.assess("no lloren por mí, los quise mucho a todos").level())
                .isGreaterThanOrEqualTo(RiskLevel.HIGH);
        // Leaving "and it is not a trip"; someone else's passive wish.
        assertThat(triage.assess("me voy a ir lejos y no hablo de vacaciones").level())
                .isGreaterThanOrEqualTo(RiskLevel.HIGH);
        RiskAssessment other = triage.assess("mi abuela repite que ojalá no se despierte mañana");
        assertThat(other.subject()).isEqualTo(RiskSubject.OTHER);
        assertThat(other.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void givenAFarewellWithTheWordDone_thenItIsStillAFarewell() {
        // "done" folded like the Spanish "doné" (I donated) and was taken for an ordinary gift.
        assertThat(triage.assess("by the time you read this it's done, I love you all")
                        .level())
                .isGreaterThanOrEqualTo(RiskLevel.HIGH);
    }

    @Test
    void givenAnActInProgress_thenItIsImminent() {
        RiskAssessment result = triage.assess("ya me tomé todas las pastillas del cajón");
        assertThat(result.level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(result.signals()).contains(RiskSignal.ACT_IN_PROGRESS);
    }

    @Test
    void givenSomeoneElseAtRisk_thenTheSubjectIsOther() {
        RiskAssessment result = triage.assess("mi primo dice que se va a matar, qué hago");
        assertThat(result.subject()).isEqualTo(RiskSubject.OTHER);
        assertThat(result.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void givenAGeneralQuestion_thenNobodyIsAtRisk() {
        RiskAssessment result = triage.assess("busco estadísticas de suicidio en jóvenes para un informe de la facu");
        assertThat(result.subject()).isEqualTo(RiskSubject.GENERAL);
        assertThat(result.level()).isEqualTo(RiskLevel.NONE);
    }

    @Test
    void givenAMessage_thenTheAssessmentCarriesNoTextOfIt() {
        String canary = "zorzal-canario-7731";
        RiskAssessment result = triage.assess("me quiero morir " + canary);
        assertThat(result.toString()).doesNotContain(canary).doesNotContain("morir");
    }

    @Test
    void givenEmptyOrHugeInput_thenTheTriageAnswers() {
        assertThat(triage.assess("").level()).isEqualTo(RiskLevel.NONE);
        assertThat(triage.assess("que ".repeat(1000) + "me quiero matar").level())
                .isEqualTo(RiskLevel.HIGH);
    }
}
