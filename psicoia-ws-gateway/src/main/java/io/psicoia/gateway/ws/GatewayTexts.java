package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * What the gateway itself says to people, in Spanish: WebSocket close reasons (at most 123 bytes of UTF-8 each, the
 * protocol's limit) and the one error frame it answers on its own. The gateway does not depend on the domain, so its
 * few sentences live here rather than in {@code SpanishTexts}; everything else people read comes from the app.
 */
final class GatewayTexts {

    /** Close reasons fit in a Close frame: 125 payload bytes minus the 2-byte code. */
    static final int MAX_REASON_BYTES = 123;

    static final String APP_UNREACHABLE = "No pude conectarme con PsicoIA. Reintentá en unos segundos.";
    static final String TRY_AGAIN_LATER = "PsicoIA está con mucha gente ahora. Probá de nuevo en unos minutos.";
    static final String TOO_MANY_FROM_ADDRESS =
            "Hay demasiadas conexiones abiertas desde tu dirección. Cerrá alguna pestaña y probá de nuevo.";
    /** The body of the 503 a connection gets when the gateway already holds {@code WS_MAX_CONNECTIONS}. */
    static final String FULL = "PsicoIA está atendiendo a muchas personas en este momento. Probá de nuevo en unos"
            + " minutos. Si estás en peligro o pensás en hacerte daño, llamá ahora al número de emergencias de tu"
            + " país.\n";

    static final String APP_STOPPING = "PsicoIA se está deteniendo. Volvé a conectarte en unos minutos.";
    static final String GATEWAY_STOPPING = "PsicoIA se está reiniciando. Volvé a conectarte en unos minutos.";
    static final String CLOSED = "Conversación cerrada.";
    static final String TEXT_ONLY = "PsicoIA solo acepta mensajes de texto.";
    static final String TOO_BIG = "El mensaje es demasiado largo. Probá dividirlo en partes más cortas.";
    static final String NO_PONG = "Se perdió la conexión. Volvé a conectarte.";
    static final String INTERNAL = "Algo falló en PsicoIA. Reintentá en unos segundos.";

    /**
     * The app's own sentence for a malformed request, as a JSON {@code error} frame: the gateway sends it for a frame
     * that would inject extra protocol lines (one holding a raw line break).
     */
    static final String BAD_REQUEST_FRAME = "{\"type\":\"error\",\"code\":\"bad_request\",\"message\":\"No entendí ese"
            + " pedido del programa con el que te conectás. Probá de nuevo; si se repite, actualizá el programa.\"}";

    private GatewayTexts() {}

    /**
     * {@code text} cut to fit a Close frame: whole code points only, at a word boundary when one is near, marked with
     * an ellipsis when cut.
     */
    static String fitReason(String text) {
        String trimmed = text.strip();
        if (trimmed.getBytes(UTF_8).length <= MAX_REASON_BYTES) {
            return trimmed;
        }
        String ellipsis = "…";
        int budget = MAX_REASON_BYTES - ellipsis.getBytes(UTF_8).length;
        int bytes = 0;
        int end = 0;
        while (end < trimmed.length()) {
            int cp = trimmed.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        int space = trimmed.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space;
        }
        return trimmed.substring(0, end).stripTrailing() + ellipsis;
    }
}
