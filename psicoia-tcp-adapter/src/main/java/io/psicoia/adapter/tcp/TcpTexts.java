package io.psicoia.adapter.tcp;

import io.psicoia.domain.text.SpanishTexts;

/**
 * The sentences only the TCP server says (connection caps, bad input, idle and shutdown goodbyes). Everything the
 * domain already says (greeting, rate limit, queued, busy, unavailable) comes from {@link SpanishTexts}; these belong
 * there too once the domain catalogue is open for changes. {@code docs/protocol.md} quotes them verbatim.
 */
final class TcpTexts {

    static final String TOO_MANY_CONNECTIONS =
            "PsicoIA está recibiendo demasiadas conexiones en este momento. Probá de nuevo en unos minutos.";
    static final String TOO_MANY_FROM_ADDRESS =
            "Hay demasiadas conexiones abiertas desde tu dirección. Cerrá alguna y probá de nuevo.";
    static final String INVALID_INPUT = "No pude leer ese mensaje: tiene caracteres que no reconozco."
            + " Revisá que tu programa envíe texto en UTF-8 y probá de nuevo.";
    static final String BAD_REQUEST = "No entendí ese pedido del programa con el que te conectás."
            + " Probá de nuevo; si se repite, actualizá el programa.";
    static final String DUPLICATE_ID = "Ya hay un mensaje en curso con ese id. Esperá su respuesta o usá otro id.";
    static final String IDLE_GOODBYE = "Cerré la conversación porque pasó un buen rato sin mensajes."
            + " Podés volver a conectarte cuando quieras. Cuidate!";
    static final String SHUTTING_DOWN = "PsicoIA se va a detener en unos segundos y esta conversación se va a cerrar."
            + " Probá volver a conectarte en unos minutos. " + SpanishTexts.EMERGENCY_HINT;

    private TcpTexts() {}

    /** A message over the character limit. */
    static String tooLong(int maxChars) {
        return "Tu mensaje es demasiado largo: el máximo es de " + maxChars
                + " caracteres. Probá dividirlo en partes más cortas.";
    }
}
