package io.psicoia.adapter.llm.offline;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds free text into a form that is easy to match: lower case, no accents, only letters and digits separated by
 * single spaces, and every run of a repeated letter shortened to one ("ANSIOSOOO" and "ansioso" both become
 * "ansioso"). Keywords go through the same folding, so "llorar" and "lloraaar" meet at "lorar".
 */
final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern REPEATED_LETTER = Pattern.compile("([a-z])\\1+");

    private TextNormalizer() {}

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutMarks = MARKS.matcher(decomposed).replaceAll("");
        String lower = withoutMarks.toLowerCase(Locale.ROOT);
        String spaced = NOT_ALPHANUMERIC.matcher(lower).replaceAll(" ").strip();
        return REPEATED_LETTER.matcher(spaced).replaceAll("$1");
    }
}
