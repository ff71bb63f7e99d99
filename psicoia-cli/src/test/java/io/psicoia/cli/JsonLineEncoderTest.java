package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLineEncoderTest {

    private final JsonLineEncoder encoder = new JsonLineEncoder();

    private JsonNode encode(String message, Object... args) throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(
                "io.psicoia.Test", context.getLogger("io.psicoia.cli.AppCommand"), Level.INFO, message, null, args);
        byte[] line = encoder.encode(event);
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotContain("\n\n");
        assertThat(text.indexOf('\n')).isEqualTo(text.length() - 1);
        return new ObjectMapper().readTree(text);
    }

    @Test
    void givenAnEventMessage_whenEncoded_thenOneObjectWithItsFieldsAsMembers() throws Exception {
        JsonNode line = encode("event=app.config llm=\"{}\" port={} ok", "sin conexión (respuestas fijas)", 5001);

        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo("io.psicoia.cli.AppCommand");
        assertThat(line.get("ts").asText()).endsWith("Z");
        assertThat(line.get("event").asText()).isEqualTo("app.config");
        assertThat(line.get("llm").asText()).isEqualTo("sin conexión (respuestas fijas)");
        assertThat(line.get("port").asText()).isEqualTo("5001");
        assertThat(line.get("msg").asText()).startsWith("event=app.config");
    }

    @Test
    void givenARecordValue_whenEncoded_thenItStaysOneMember() throws Exception {
        JsonNode line = encode("event=app.config tcp={} ready=true", "TcpServerConfig[host=0.0.0.0, port=5001]");

        assertThat(line.get("tcp").asText()).isEqualTo("TcpServerConfig[host=0.0.0.0, port=5001]");
        assertThat(line.get("ready").asText()).isEqualTo("true");
        assertThat(line.has("port")).isFalse();
    }

    @Test
    void givenAMessageTryingToOverrideReservedMembers_whenEncoded_thenTheyStay() throws Exception {
        JsonNode line = encode("level=fake logger=fake msg=fake event=x");

        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo("io.psicoia.cli.AppCommand");
        assertThat(line.get("event").asText()).isEqualTo("x");
    }
}
