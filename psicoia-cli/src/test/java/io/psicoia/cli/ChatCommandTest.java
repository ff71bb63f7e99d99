package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCommandTest {

    @Test
    void givenPipedLinesAndNoKey_whenChatting_thenTwoOfflineRepliesAndAGoodbye() {
        CliRun run = CliRun.of("hola\n\n   \nme siento solo\nsalir\nesto no se lee\n", Map.of(), "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith(ChatSession.REPLY_PREFIX)))
                .hasSize(2);
        assertThat(run.out())
                .contains(ChatSession.INTRO)
                .contains("GROQ_API_KEY")
                .endsWith("Gracias por usar PsicoIA. Cuidate!\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void givenTheOfflineModel_whenAMessageShowsHighRisk_thenAFramedNoticeWithALineComesBeforeTheReply() {
        CliRun run = CliRun.of("/pais AR\nya no aguanto más, esta noche me quiero matar\nsalir\n", Map.of(), "chat");

        assertThat(run.exitCode()).isZero();
        String out = run.out();
        int frame = out.indexOf("\n\n┌─ " + ChatSession.NOTICE_TITLE_CRISIS + " ─");
        assertThat(frame).as("the notice, set apart by a blank line").isPositive();
        String notice = out.substring(frame, out.indexOf("└", frame));
        assertThat(notice)
                .contains("│ Lo que me contás me preocupa mucho")
                .contains("│ • Línea de salud mental del Ministerio de Salud de la Nación:")
                .contains("0800-999-0091")
                .contains("│   (011) 5275-1135")
                .contains("911");
        assertThat(out.indexOf(ChatSession.REPLY_PREFIX, frame))
                .as("the reply, after the notice")
                .isPositive();
        assertThat(out)
                .contains("/ayuda")
                .contains("/anclaje")
                .contains("/plan")
                .contains("/pais");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void givenTheFrame_whenANoticeHasLongLines_thenTheyAreWrappedInsideItAndBulletsStayIndented() {
        ChatBackend.Notice notice = new ChatBackend.Notice(
                "medium",
                "Gracias por contarme cómo estás. Lo que sentís importa, y no tenés que cargarlo en soledad para nada.\n"
                        + "• Línea de salud mental del Ministerio de Salud de la Nación: 0800-999-0091 (las 24 horas)");

        java.util.List<String> frame = ChatSession.frame(notice, false);

        assertThat(frame.get(0))
                .startsWith("┌─ " + ChatSession.NOTICE_TITLE_CRISIS + " ─")
                .hasSize(ChatSession.NOTICE_WIDTH);
        assertThat(frame.get(frame.size() - 1)).startsWith("└─").hasSize(ChatSession.NOTICE_WIDTH);
        assertThat(frame.subList(1, frame.size() - 1))
                .hasSize(4)
                .allSatisfy(
                        line -> assertThat(line).startsWith("│ ").hasSizeLessThanOrEqualTo(ChatSession.NOTICE_WIDTH));
        assertThat(frame.get(3)).startsWith("│ • Línea de salud mental");
        assertThat(frame.get(4)).startsWith("│   ");
        assertThat(ChatSession.frame(notice, true).get(0))
                .contains("\u001b[1m" + ChatSession.NOTICE_TITLE_CRISIS + "\u001b[0m");
    }

    @Test
    void givenSystemLocales_whenTheChatReportsOne_thenOnlySpanishWithACountryKeepsItsCountry() {
        assertThat(ChatBackend.localeTag(java.util.Locale.forLanguageTag("es-AR")))
                .isEqualTo("es-AR");
        assertThat(ChatBackend.localeTag(java.util.Locale.forLanguageTag("es-MX")))
                .isEqualTo("es-MX");
        assertThat(ChatBackend.localeTag(java.util.Locale.forLanguageTag("es"))).isEqualTo("es");
        assertThat(ChatBackend.localeTag(java.util.Locale.forLanguageTag("es-419")))
                .isEqualTo("es");
        assertThat(ChatBackend.localeTag(java.util.Locale.forLanguageTag("en-GB")))
                .isEqualTo("es");
        assertThat(ChatBackend.localeTag(java.util.Locale.ROOT)).isEqualTo("es");
    }

    @Test
    void givenEndOfInputWithoutSalir_whenChatting_thenLeavesCleanly() {
        CliRun run = CliRun.of("hola\n", Map.of(), "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith("Gracias por usar PsicoIA. Cuidate!\n");
    }

    @Test
    void givenSalirInAnyCase_whenChatting_thenNoReplyIsAsked() {
        CliRun run = CliRun.of("  SALIR  \n", Map.of(), "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain(ChatSession.REPLY_PREFIX);
    }

    @Test
    void givenAConnectValueWithoutPort_whenStarting_thenExitTwoNamingTheFlag() {
        CliRun run = CliRun.of("hola\n", Map.of(), "chat", "--connect", "localhost");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("Valor inválido para --connect: se esperaba HOST:PUERTO")
                .contains("Recibí: 'localhost'")
                .contains("psicoia chat --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void givenAConnectPortOutOfRange_whenStarting_thenExitTwo() {
        CliRun run = CliRun.of("", Map.of(), "chat", "--connect", "localhost:70000");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--connect");
    }
}
