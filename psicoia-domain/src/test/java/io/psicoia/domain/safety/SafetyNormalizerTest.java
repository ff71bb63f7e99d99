package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafetyNormalizerTest {

    private static String n(String text) {
        return SafetyNormalizer.normalize(text);
    }

    @Test
    void givenSpellingVariants_thenTheyFoldToOneForm() {
        assertThat(n("Me QUIERO morír")).isEqualTo(n("me kiero morir")).isEqualTo(n("me quero moriiiir"));
        assertThat(n("suicidarme")).isEqualTo(n("suisidarme")).isEqualTo(n("su1c1d4rme"));
        assertThat(n("pastillas")).isEqualTo(n("pastiyas"));
        assertThat(n("vida")).isEqualTo(n("bida"));
        assertThat(n("hacer")).isEqualTo(n("aser"));
        assertThat(n("noche")).isEqualTo(n("noxe"));
    }

    @Test
    void givenLettersSpelledOut_thenTheyJoinIntoOneMarkedWord() {
        assertThat(n("s.u.i.c.i.d.i.o"))
                .isEqualTo(SafetyNormalizer.SPELLED_OUT + SafetyNormalizer.foldWord("suicidio"));
        assertThat(n("m a t a r m e")).startsWith(String.valueOf(SafetyNormalizer.SPELLED_OUT));
        assertThat(n("a y o")).startsWith(String.valueOf(SafetyNormalizer.SPELLED_OUT));
        assertThat(n("y a la")).isEqualTo("i a la");
    }

    @Test
    void givenAContractionBeforeAOneLetterWord_thenItIsNotTakenForLettersSpelledOut() {
        assertThat(n("I'm a burden")).isEqualTo("i m a burden");
        assertThat(n("it’s a mess, i'd a")).doesNotContain("#");
        assertThat(n("i m a t a r")).startsWith(String.valueOf(SafetyNormalizer.SPELLED_OUT));
    }

    @Test
    void givenShorthands_thenTheyReadAsWords() {
        assertThat(n("xq q")).isEqualTo(n("porque que"));
        assertThat(n("kms")).isEqualTo(n("kill myself"));
        assertThat(n("sewerslide")).isEqualTo(n("suicide")).isEqualTo(n("suicidio"));
    }

    @Test
    void givenPunctuation_thenSentenceBreaksStayAsAWord_andNumbersStayNumbers() {
        assertThat(n("hola. chau!")).isEqualTo("ola . chau .");
        assertThat(n("llamá al 113, opción 5")).isEqualTo(n("llama al 113 opcion 5"));
        assertThat(n("113")).isEqualTo("113");
        assertThat(n("   ")).isEmpty();
    }
}
