package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhraseSetTest {

    private static String[] words(String text) {
        return SafetyNormalizer.normalize(text).split(" ");
    }

    @Test
    void givenAlternativesOptionalsPrefixesAndGaps_thenPhrasesMatchWholeWords() {
        PhraseSet set = PhraseSet.of("(quiero|quisiera) (de verdad )?desapare*", "no ~ despertar");
        assertThat(set.foundIn(words("quiero desaparecer"))).isTrue();
        assertThat(set.foundIn(words("quisiera de verdad desaparecer ya"))).isTrue();
        assertThat(set.foundIn(words("no quiero nunca despertar"))).isTrue();
        assertThat(set.foundIn(words("no quiero nunca jamás volver a despertar")))
                .isFalse();
        assertThat(set.foundIn(words("requiero desaparecer"))).isFalse();
    }

    @Test
    void givenASentenceBreak_thenAGapNeverCrossesIt() {
        PhraseSet set = PhraseSet.of("no ~ despertar");
        assertThat(set.foundIn(words("no. quiero despertar"))).isFalse();
    }

    @Test
    void givenMatches_thenSpansAreLeftToRightAndBlankingHidesThem() {
        PhraseSet set = PhraseSet.of("me muero de risa");
        String[] text = words("jaja me muero de risa, me muero de risa");
        assertThat(set.spans(text)).hasSize(2);
        assertThat(set.blankOut(text)).isTrue();
        assertThat(String.join(" ", text)).doesNotContain("muero");
    }

    @Test
    void givenSeveralSets_whenIndexed_thenEachKeepsItsOwnMatches() {
        PhraseSet a = PhraseSet.of("me quiero (ir|morir)");
        PhraseSet b = PhraseSet.of("quiero morir");
        PhraseSet.Matches matches = new PhraseSet.Index(a, b).match(words("a veces me quiero morir"));
        assertThat(matches.found(0)).isTrue();
        assertThat(matches.found(1)).isTrue();
        assertThat(matches.spans(0))
                .singleElement()
                .satisfies(span -> assertThat(span).containsExactly(2, 5));
        assertThat(new PhraseSet.Index(a, b).match(words("me quiero ir")).found(1))
                .isFalse();
    }

    @Test
    void givenABrokenPhrase_thenItIsRefusedAtStartWithWhereItBroke() {
        assertThatThrownBy(() -> PhraseSet.of("(quiero|morir")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> PhraseSet.of("~ morir")).hasMessageContaining("must start with a word");
        assertThatThrownBy(() -> PhraseSet.of("morir?")).hasMessageContaining("unexpected '?'");
    }
}
