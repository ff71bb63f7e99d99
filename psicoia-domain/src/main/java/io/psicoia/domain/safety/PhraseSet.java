package io.psicoia.domain.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of phrases, written in ordinary spelling, compiled into one expression that finds them in normalized text.
 *
 * <p>Phrase syntax, small on purpose so that rules read like the sentences they catch:
 *
 * <ul>
 *   <li>words, matched whole after the same folding as the text ({@link SafetyNormalizer}): {@code quiero morir};
 *   <li>{@code word*}: any word starting so: {@code suicid*};
 *   <li>{@code (a|b c|)} or {@code (a|b c)?}: one of the alternatives, each a phrase; an empty alternative or a
 *       {@code ?} makes the group optional;
 *   <li>{@code ~}: up to three words of anything; {@code ~~}: up to six (never across a sentence break).
 * </ul>
 *
 * <p>Matching is done on {@link #pad padded} normalized text: one space before and after, words separated by one
 * space. A match covers whole words and the space after each.
 */
final class PhraseSet {

    private final Pattern pattern;

    private PhraseSet(Pattern pattern) {
        this.pattern = pattern;
    }

    static PhraseSet of(String... phrases) {
        if (phrases.length == 0) {
            throw new IllegalArgumentException("at least one phrase");
        }
        StringBuilder regex = new StringBuilder("(?<= )(?:");
        for (int i = 0; i < phrases.length; i++) {
            if (i > 0) {
                regex.append('|');
            }
            regex.append(new Parser(phrases[i]).sequence(false));
        }
        regex.append(')');
        return new PhraseSet(Pattern.compile(regex.toString()));
    }

    /** The text as phrases are matched against: one space on each side. */
    static String pad(String normalized) {
        return " " + normalized + " ";
    }

    boolean foundIn(String padded) {
        return pattern.matcher(padded).find();
    }

    /** Where each match starts and ends in the padded text, in order. */
    List<int[]> spans(String padded) {
        Matcher matcher = pattern.matcher(padded);
        List<int[]> spans = new ArrayList<>(2);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }

    /** The text with every match replaced by one neutral word, so no other phrase can see it. */
    String blankOut(String padded) {
        Matcher matcher = pattern.matcher(padded);
        if (!matcher.find()) {
            return padded;
        }
        StringBuilder out = new StringBuilder(padded.length());
        int last = 0;
        do {
            out.append(padded, last, matcher.start()).append("_ ");
            last = matcher.end();
        } while (matcher.find());
        out.append(padded, last, padded.length());
        return out.toString();
    }

    /** Recursive descent over one phrase. */
    private static final class Parser {
        private final String source;
        private int position;

        Parser(String source) {
            this.source = source;
        }

        /** A sequence up to the end of the phrase, or (when nested) up to the next '|' or ')'. */
        String sequence(boolean nested) {
            StringBuilder regex = new StringBuilder();
            while (true) {
                skipSpaces();
                if (position >= source.length()) {
                    if (nested) {
                        throw error("missing ')'");
                    }
                    return regex.toString();
                }
                char c = source.charAt(position);
                if (c == '|' || c == ')') {
                    if (!nested) {
                        throw error("unexpected '" + c + "'");
                    }
                    return regex.toString();
                }
                if (c == '(') {
                    position++;
                    regex.append(group());
                } else if (c == '~') {
                    int gaps = 0;
                    while (position < source.length() && source.charAt(position) == '~') {
                        gaps++;
                        position++;
                    }
                    regex.append("(?:[^ .]+ ){0,").append(3 * gaps).append('}');
                } else {
                    regex.append(word());
                }
            }
        }

        private String group() {
            List<String> alternatives = new ArrayList<>();
            boolean optional = false;
            while (true) {
                String alternative = sequence(true);
                if (alternative.isEmpty()) {
                    optional = true;
                } else {
                    alternatives.add(alternative);
                }
                char c = source.charAt(position++);
                if (c == ')') {
                    break;
                }
            }
            if (position < source.length() && source.charAt(position) == '?') {
                optional = true;
                position++;
            }
            if (alternatives.isEmpty()) {
                throw error("empty group");
            }
            return "(?:" + String.join("|", alternatives) + ")" + (optional ? "?" : "");
        }

        private String word() {
            int start = position;
            while (position < source.length() && isWordChar(source.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw error("unexpected '" + source.charAt(position) + "'");
            }
            boolean prefix = position < source.length() && source.charAt(position) == '*';
            if (prefix) {
                position++;
            }
            String folded = SafetyNormalizer.normalize(source.substring(start, position - (prefix ? 1 : 0)));
            if (folded.isEmpty()) {
                throw error("word folds to nothing");
            }
            return folded + (prefix ? "[^ .]* " : " ");
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '\'';
        }

        private void skipSpaces() {
            while (position < source.length() && source.charAt(position) == ' ') {
                position++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("phrase \"" + source + "\" at " + position + ": " + what);
        }
    }
}
