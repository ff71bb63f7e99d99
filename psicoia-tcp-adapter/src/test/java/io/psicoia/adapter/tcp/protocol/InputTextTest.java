package io.psicoia.adapter.tcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputTextTest {

    @Test
    void givenCleanText_whenCleaned_thenTheSameInstanceIsReturned() {
        String text = "Hoy me siento un poco mejor 😊\tgracias";

        assertThat(InputText.clean(text)).isSameAs(text);
    }

    @Test
    void givenEveryRemovedRange_whenCleaned_thenOnlyOtherCharactersRemain() {
        StringBuilder removed = new StringBuilder();
        for (char ch = 0; ch < 0x20; ch++) {
            if (ch != '\t') {
                removed.append(ch);
            }
        }
        for (char ch = 0x7F; ch <= 0x9F; ch++) {
            removed.append(ch);
        }
        removed.append("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF");

        assertThat(InputText.clean("a" + removed + "b\tc\u200Fd")).isEqualTo("ab\tc\u200Fd");
    }

    @Test
    void givenLineBreaks_whenCleanedKeepingThem_thenTheyBecomeNewlines() {
        assertThat(InputText.cleanKeepingLineBreaks("uno\r\ndos\rtres\ncuatro\u0000"))
                .isEqualTo("uno\ndos\ntres\ncuatro");
        assertThat(InputText.clean("uno\r\ndos")).isEqualTo("unodos");
    }

    @Test
    void givenEmojiAndAccents_whenCounted_thenEachIsOneCharacter() {
        assertThat(InputText.characters("ñ😊é")).isEqualTo(3);
    }
}
