package io.psicoia.domain.text;

import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.time.Duration;

/**
 * Every sentence PsicoIA shows a person about the service itself (greetings, limits, failures), in one place. Calm,
 * plain Spanish that says what happened and what to do next; never internals.
 */
public final class SpanishTexts {

    public static final String WELCOME = "Bienvenido a PsicoIA.";
    public static final String INVITATION = "Contame cómo te sentís hoy. Escribí 'salir' para cerrar.";
    public static final String GOODBYE = "Gracias por usar PsicoIA. Cuidate!";
    public static final String QUEUED =
            "Hay mucha gente conversando en este momento. Tu mensaje está en la fila y te respondo apenas pueda.";
    public static final String BUSY_PER_USER =
            "Todavía estoy respondiendo tus mensajes anteriores. Esperá esa respuesta y seguimos.";
    public static final String BUSY_QUEUE = "Ahora hay mucha gente conversando y no llegué a atenderte. Probá de nuevo"
            + " en un minuto. Si estás en peligro, llamá al número de emergencias de tu país.";
    public static final String EMERGENCY_HINT =
            "Si estás en peligro o pensás en hacerte daño, llamá ahora al número de emergencias de tu país.";
    public static final String TOO_MANY_CONNECTIONS =
            "PsicoIA está recibiendo demasiadas conexiones en este momento. Probá de nuevo en unos minutos.";
    public static final String TOO_MANY_FROM_ADDRESS =
            "Hay demasiadas conexiones abiertas desde tu dirección. Cerrá alguna y probá de nuevo.";
    public static final String INVALID_INPUT = "No pude leer ese mensaje: tiene caracteres que no reconozco."
            + " Revisá que tu programa envíe texto en UTF-8 y probá de nuevo.";
    public static final String BAD_REQUEST = "No entendí ese pedido del programa con el que te conectás."
            + " Probá de nuevo; si se repite, actualizá el programa.";
    public static final String DUPLICATE_ID =
            "Ya hay un mensaje en curso con ese id. Esperá su respuesta o usá otro id.";
    public static final String IDLE_GOODBYE = "Cerré la conversación porque pasó un buen rato sin mensajes."
            + " Podés volver a conectarte cuando quieras. Cuidate!";
    public static final String SHUTTING_DOWN =
            "PsicoIA se va a detener en unos segundos y esta conversación se va a cerrar."
                    + " Probá volver a conectarte en unos minutos. " + EMERGENCY_HINT;

    private SpanishTexts() {}

    /** Whether a line is the original's leave command: {@code salir}, in any case, surrounding spaces ignored. */
    public static boolean isLeaveCommand(String line) {
        return line.strip().equalsIgnoreCase("salir");
    }

    /** A message over the character limit. */
    public static String tooLong(int maxChars) {
        return "Tu mensaje es demasiado largo: el máximo es de " + maxChars
                + " caracteres. Probá dividirlo en partes más cortas.";
    }

    /** The first greeting line of a connection. */
    public static String connected(String userName) {
        return userName + " conectado.";
    }

    /** The original's rate-limit sentence, plus exactly how long to wait. */
    public static String rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return "Tranca, demasiados mensajes seguidos. Probá de nuevo en " + seconds
                + (seconds == 1 ? " segundo." : " segundos.");
    }

    /** What the person reads when the model could not answer. */
    public static String unavailable(LlmUnavailableException.Reason reason, boolean partial) {
        String start = partial
                ? "Se cortó mi respuesta antes de terminar."
                : switch (reason) {
                    case RATE_LIMITED -> "El servicio de lenguaje está recibiendo demasiados pedidos ahora mismo.";
                    case TIMEOUT -> "El servicio de lenguaje tardó demasiado en responder.";
                    case UNREACHABLE -> "No pude conectarme con el servicio de lenguaje.";
                    case AUTH, BAD_REQUEST, UPSTREAM_ERROR -> "No puedo responderte en este momento.";
                };
        return start + " Probá de nuevo en unos minutos. " + EMERGENCY_HINT;
    }

    /**
     * What the operator (the person who started PsicoIA) can do about a failure, or an empty string when nothing but
     * waiting helps. Shown by a terminal chat on stderr and written to the operator's logs; never sent to a remote
     * person.
     */
    public static String operatorHint(LlmUnavailableException.Reason reason) {
        return switch (reason) {
            case AUTH -> "El proveedor rechazó la clave de acceso. Revisá GROQ_API_KEY (o LLM_API_KEY).";
            case BAD_REQUEST -> "El proveedor rechazó el pedido. Revisá LLM_URL (--llm-url) y MODEL_NAME (--model).";
            case UNREACHABLE -> "Revisá la conexión a internet o que el servidor de LLM_URL esté en marcha.";
            case RATE_LIMITED -> "Se alcanzó el límite de uso del proveedor; esperá un momento.";
            case TIMEOUT, UPSTREAM_ERROR -> "";
        };
    }

    /** The sentence for a refused message: rate limit or busy. */
    public static String refusal(ChatOutcome outcome) {
        if (outcome instanceof ChatOutcome.RateLimited limited) {
            return rateLimited(limited.retryAfter());
        }
        if (outcome instanceof ChatOutcome.Busy busy) {
            return busy.reason() == ChatOutcome.BusyReason.PER_USER ? BUSY_PER_USER : BUSY_QUEUE;
        }
        if (outcome instanceof ChatOutcome.ServiceUnavailable unavailable) {
            return unavailable(unavailable.reason(), unavailable.partial());
        }
        throw new IllegalArgumentException(
                "not a refusal: " + outcome.getClass().getSimpleName());
    }
}
