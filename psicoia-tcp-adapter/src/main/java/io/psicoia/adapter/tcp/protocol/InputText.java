package io.psicoia.adapter.tcp.protocol;

/**
 * The one rule for cleaning text a client sends, shared by plain lines and JSON {@code message} texts.
 *
 * <p>Removed: C0 controls except horizontal tab (U+0000–U+0008, U+000A–U+001F), DEL (U+007F), C1 controls
 * (U+0080–U+009F), the bidirectional embedding and override characters (U+202A–U+202E) and isolates (U+2066–U+2069),
 * and the byte-order mark / zero-width no-break space (U+FEFF). Tab is kept: pasted text uses it and it is harmless in
 * a prompt. Everything else, including emoji and accents, is kept as sent.
 *
 * <p>Lengths are counted in Unicode code points ("characters" for a person: {@code ñ} and {@code 😊} count one each).
 */
public final class InputText {

    private InputText() {}

    /** The text with every removed character gone; line breaks are removed too. */
    public static String clean(String text) {
        return clean(text, false);
    }

    /**
     * The text with every removed character gone, except line breaks: {@code \r\n} and a lone {@code \r} become
     * {@code \n}, which is kept. For JSON-mode messages, whose text may span lines.
     */
    public static String cleanKeepingLineBreaks(String text) {
        return clean(text, true);
    }

    /** The length a person sees: Unicode code points. */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether {@code ch} is one of the characters {@link #clean(String)} removes. */
    public static boolean isRemoved(char ch) {
        return (ch < 0x20 && ch != '\t')
                || (ch >= 0x7F && ch <= 0x9F)
                || (ch >= 0x202A && ch <= 0x202E)
                || (ch >= 0x2066 && ch <= 0x2069)
                || ch == 0xFEFF;
    }

    private static String clean(String text, boolean keepLineBreaks) {
        int first = firstToHandle(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (keepLineBreaks && ch == '\n') {
                out.append('\n');
            } else if (keepLineBreaks && ch == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (!isRemoved(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static int firstToHandle(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (isRemoved(ch)) {
                return i;
            }
        }
        return -1;
    }
}
