package io.psicoia.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void givenAMessage_whenPrinted_thenOnlyRoleAndLengthShow() {
        Message message = Message.user("me siento muy solo esta noche");

        assertThat(message.toString()).isEqualTo("Message[role=USER, chars=29]").doesNotContain("solo");
    }
}
