package io.psicoia.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.psicoia.adapter.tcp.protocol.JsonProtocol;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.port.in.Admission;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.in.SubmitMessageUseCase;
import io.psicoia.domain.text.SpanishTexts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session handler alone, on an {@link EmbeddedChannel}, with a use case that answers synchronously. */
class ChatSessionHandlerTest {

    /** Answers every message at once on the calling thread, or refuses it as scripted. */
    private static final class ScriptedChat implements SubmitMessageUseCase {
        final List<SendMessageCommand> commands = new ArrayList<>();
        Optional<ChatOutcome> refuseWith = Optional.empty();
        final List<ConversationId> ended = new ArrayList<>();

        @Override
        public Admission submit(SendMessageCommand command, ReplySink sink, Consumer<ChatOutcome> onDone) {
            commands.add(command);
            if (refuseWith.isPresent()) {
                return new Admission.Refused(refuseWith.get());
            }
            sink.delta("Te ");
            sink.delta("escucho.");
            onDone.accept(new ChatOutcome.Reply(true, Optional.empty()));
            return new Admission.Accepted();
        }
    }

    private final ScriptedChat chat = new ScriptedChat();
    private EmbeddedChannel channel;

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private EmbeddedChannel open() {
        TcpServerConfig config = TcpChatServerIT.config(50, 50);
        channel = new EmbeddedChannel(
                new BoundedLineDecoder(config.maxMessageChars()),
                new ChatSessionHandler(
                        config,
                        chat,
                        chat.ended::add,
                        new ConnectionLimiter(10, 10),
                        TrustedProxies.parse(List.of()),
                        new JsonProtocol(config.maxMessageChars()),
                        "Usuario-7"));
        return channel;
    }

    private void send(String text) {
        channel.writeInbound(channel.alloc().buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)));
        channel.runPendingTasks();
    }

    private String output() {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buffer; (buffer = channel.readOutbound()) != null; ) {
            text.append(buffer.toString(StandardCharsets.UTF_8));
            buffer.release();
        }
        return text.toString();
    }

    @Test
    void givenAConnection_whenActive_thenTheGreetingIsWrittenInOnePiece() {
        open();

        assertThat(output())
                .isEqualTo("Usuario-7 conectado.\nBienvenido a PsicoIA.\n"
                        + "Contame cómo te sentís hoy. Escribí 'salir' para cerrar.\n");
    }

    @Test
    void givenPlainLines_whenReceived_thenBlankOnesAreIgnoredAndEachMessageIsAnswered() {
        open();
        output();

        send("\n   \n\t\nhola\n");

        assertThat(output()).isEqualTo("Te escucho.\n");
        assertThat(chat.commands).hasSize(1);
        assertThat(chat.commands.get(0).userKey()).isEqualTo("Usuario-7");
        assertThat(chat.commands.get(0).clientAddress()).isPresent();
    }

    @Test
    void givenSalir_whenReceived_thenGoodbyeAndClose() {
        open();
        output();

        send("Salir\n");

        assertThat(output()).isEqualTo(SpanishTexts.GOODBYE + "\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(chat.ended).containsExactly(new ConversationId("Usuario-7"));
    }

    @Test
    void givenARefusal_whenNoReplyIsInProgress_thenItsSentenceAtOnce() {
        open();
        output();
        chat.refuseWith = Optional.of(new ChatOutcome.RateLimited(Duration.ofMillis(2_500)));

        send("hola\n");

        assertThat(output()).isEqualTo("Tranca, demasiados mensajes seguidos. Probá de nuevo en 3 segundos.\n");
    }

    @Test
    void givenALineOverTheLimit_whenReceived_thenTooLongAndTheNextLineWorks() {
        open();
        output();

        send("a".repeat(51) + "\nhola\n");

        assertThat(output()).isEqualTo(SpanishTexts.tooLong(50) + "\nTe escucho.\n");
    }

    @Test
    void givenAHello_whenReceived_thenJsonModeWithWelcomeAndFrames() {
        open();
        output();

        send("{\"type\":\"hello\",\"client\":\"t/1\"}\n{\"type\":\"message\",\"id\":\"x\",\"text\":\"hola\"}\n");

        assertThat(output())
                .isEqualTo("{\"type\":\"welcome\",\"user\":\"Usuario-7\",\"limits\":{\"maxChars\":50,"
                        + "\"rateMaxMessages\":6,\"rateWindowSeconds\":10}}\n"
                        + "{\"type\":\"delta\",\"id\":\"x\",\"text\":\"Te \"}\n"
                        + "{\"type\":\"delta\",\"id\":\"x\",\"text\":\"escucho.\"}\n"
                        + "{\"type\":\"done\",\"id\":\"x\",\"complete\":true}\n");
    }

    @Test
    void givenIdleness_whenNothingIsPending_thenAGoodbyeLineAndClose() {
        open();
        output();

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        channel.runPendingTasks();

        assertThat(output()).isEqualTo(SpanishTexts.IDLE_GOODBYE + "\n");
        assertThat(channel.isOpen()).isFalse();
    }
}
