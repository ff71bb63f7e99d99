package io.psicoia.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final String SECRET = "gsk_Canary7Qz9xWv";

    @Test
    void givenAKey_whenPrinted_thenNoCharacterOfTheKeyAppears() {
        ApiKey key = ApiKey.of(SECRET);

        String printed = key.toString() + " " + String.valueOf(key);

        assertThat(printed).doesNotContain(SECRET).contains("****");
        assertThat(printed.replace("ApiKey[****]", "")).doesNotContainPattern("[A-Za-z0-9_]");
    }

    @Test
    void givenAKeyWithSurroundingWhitespace_whenWrapped_thenRevealReturnsTheStrippedKey() {
        assertThat(ApiKey.of("  " + SECRET + "\n").reveal()).isEqualTo(SECRET);
    }

    @Test
    void givenNullOrBlank_whenOfNullable_thenEmpty() {
        assertThat(ApiKey.ofNullable(null)).isEmpty();
        assertThat(ApiKey.ofNullable("")).isEmpty();
        assertThat(ApiKey.ofNullable("  \t")).isEmpty();
        assertThat(ApiKey.ofNullable(SECRET)).contains(ApiKey.of(SECRET));
    }

    @Test
    void givenAKeyWithALineBreakInside_whenWrapped_thenRejectedWithoutQuotingIt() {
        assertThatThrownBy(() -> ApiKey.of("gsk_abc\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey")
                .hasMessageNotContaining("gsk_abc");
    }
}
