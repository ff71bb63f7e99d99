package io.psicoia.domain.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds a message into a canonical form for matching, so that spelling does not decide whether risk is seen.
 *
 * <p>Applied in the same way to what people write and to the phrases the triage looks for, so a phrase written in
 * ordinary spelling matches every variant that folds to the same form:
 *
 * <ul>
 *   <li>case and accents: {@code MATARME}, {@code mátarme} → {@code matarme}; {@code ñ} → {@code n};
 *   <li>digits and symbols used as letters inside words: {@code m4t4rm3}, {@code su1c1d10}, {@code @} → {@code a};
 *   <li>letters spelled out one by one: {@code s.u.i.c.i.d.i.o}, {@code m a t a r m e} → one word;
 *   <li>Spanish spelling that sounds the same: {@code qu}/{@code k}/hard {@code c}, soft {@code c}/{@code z}/{@code
 *       s}, {@code v}/{@code b}, {@code ll}/{@code y}/{@code i}, silent {@code h};
 *   <li>repeated letters ({@code moriiiir}, {@code matarrme}), texting shorthands ({@code q}, {@code xq}, {@code tb});
 *   <li>sentence punctuation becomes the word {@value #BREAK}; anything else that is not a letter or digit becomes
 *       one space.
 * </ul>
 *
 * <p>The result is a sequence of words separated by single spaces, with a leading and trailing space removed. It is
 * for matching only and is never shown or logged.
 */
final class SafetyNormalizer {

    /** The word that stands for a sentence break ({@code . ! ? ; :}, a new line): phrases never span one. */
    static final String BREAK = ".";

    /**
     * Marks a word made of letters spelled out one by one; it folds to a word starting with this character, which no
     * phrase starts with, so only a search inside such words ({@link RiskTriage}) finds what they spell.
     */
    static final char SPELLED_OUT = '#';

    private static final char BREAK_CHAR = '\u0001';

    /** Room for folding words of up to 32 letters without a buffer of their own. */
    private static final int WORD_BUFFER = 64;

    private SafetyNormalizer() {}

    /** The folded forms of some words, as a set to look message words up in (word lists of the rules). */
    static Set<String> foldedWords(String... words) {
        Set<String> folded = new HashSet<>();
        for (String word : words) {
            folded.addAll(Arrays.asList(fold(word)));
        }
        return Set.copyOf(folded);
    }

    /** The canonical form of {@code text}: folded words separated by single spaces. */
    static String normalize(String text) {
        return String.join(" ", fold(text));
    }

    /** The canonical form of {@code text} as its words: what {@link #normalize} returns, split at the spaces. */
    static String[] fold(String text) {
        List<String> words = words(text);
        String[] out = new String[words.size()];
        // One buffer for every word of the message (a folded word is at most twice as long as the word; a longer
        // word than the buffer holds gets its own).
        char[] buffer = new char[WORD_BUFFER];
        int n = 0;
        for (String word : words) {
            String folded = foldWord(word, buffer);
            if (folded.isEmpty()) {
                continue;
            }
            if (folded.indexOf(' ') < 0) {
                out[n++] = folded;
                continue;
            }
            // A shorthand for several words ("wanna", "kms").
            String[] parts = folded.split(" ");
            out = Arrays.copyOf(out, out.length + parts.length - 1);
            for (String part : parts) {
                out[n++] = part;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Splits into lowercase, accent-free words, turning digits inside words into the letters they stand for and
     * joining runs of single letters (three or more, as in {@code m a t a r}) into one word.
     */
    static List<String> words(String text) {
        char[] chars = new char[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            chars[length++] = foldChar(text.charAt(i));
        }
        // Digits and symbols stand for letters only next to a letter: "m4t4rme" yes, "113" no.
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            char letter = leet(c);
            if (letter != 0 && (isLetterAt(chars, length, i - 1) || isLetterAt(chars, length, i + 1))) {
                chars[i] = letter;
            }
        }
        List<String> raw = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= length; i++) {
            boolean wordChar = i < length && Character.isLetterOrDigit(chars[i]);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = i - start == 1 && isContraction(text, start)
                        ? contraction(chars[start])
                        : new String(chars, start, i - start);
                raw.add(word);
                start = -1;
                if (answersNo(word, text, i)) {
                    // "No, me quiero matar": a "no" set off by a comma answers something; it does not negate
                    // what follows. A break keeps it from reaching the next words.
                    raw.add(BREAK);
                }
            }
            if (i < length
                    && chars[i] == BREAK_CHAR
                    && !raw.isEmpty()
                    && !raw.get(raw.size() - 1).equals(BREAK)) {
                raw.add(BREAK);
            }
        }
        return joinSpelledOut(raw);
    }

    /**
     * Whether the one-letter word at {@code start} ends a contraction ("I'm", "don't", "she's"): right after an
     * apostrophe that follows a letter.
     */
    private static boolean isContraction(String text, int start) {
        if (start < 2) {
            return false;
        }
        char c = text.charAt(start - 1);
        return (c == '\'' || c == '\u2019' || c == '\u00b4' || c == '`') && Character.isLetter(text.charAt(start - 2));
    }

    /**
     * The last letter of a contraction as a word of its own: equal to the letter, but one of {@link #TAILS}, which
     * {@link #isSingleLetter} tells apart by identity, so "I'm a…" is never taken for letters spelled out ("i m a").
     */
    private static String contraction(char letter) {
        return letter < TAILS.length ? TAILS[letter] : String.valueOf(letter);
    }

    /** One instance per ASCII letter, made here and nowhere else: the words that end contractions. */
    private static final String[] TAILS = tails();

    @SuppressWarnings("StringOperationCanBeSimplified") // a distinct instance is the point
    private static String[] tails() {
        String[] tails = new String[128];
        for (char c = 0; c < tails.length; c++) {
            tails[c] = new String(new char[] {c});
        }
        return tails;
    }

    /** Whether {@code word}, which ends at {@code end} in {@code text}, is a "no" followed by a comma. */
    private static boolean answersNo(String word, String text, int end) {
        if (!word.equals("no") && !word.equals("nop") && !word.equals("nope") && !word.equals("nah")) {
            return false;
        }
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == ',';
    }

    private static boolean isLetterAt(char[] chars, int length, int index) {
        return index >= 0 && index < length && Character.isLetter(chars[index]);
    }

    /**
     * "m a t a r m e" or "s.u.i.c.i.d.i.o": three or more one-letter words in a row (sentence breaks between them
     * allowed) become one word, marked {@link #SPELLED_OUT} for callers that look inside it.
     */
    private static List<String> joinSpelledOut(List<String> raw) {
        if (!hasSingleLetterRun(raw)) {
            return raw; // the usual case: nothing to join, no second list
        }
        List<String> words = new ArrayList<>(raw.size());
        int i = 0;
        while (i < raw.size()) {
            int end = i;
            int letters = 0;
            while (end < raw.size()
                    && (isSingleLetter(raw.get(end)) || raw.get(end).equals(BREAK) && letters > 0)) {
                if (!raw.get(end).equals(BREAK)) {
                    letters++;
                }
                end++;
            }
            while (end > i && raw.get(end - 1).equals(BREAK)) {
                end--;
            }
            if (letters >= 3) {
                StringBuilder joined = new StringBuilder(letters + 1).append(SPELLED_OUT);
                for (int k = i; k < end; k++) {
                    if (!raw.get(k).equals(BREAK)) {
                        joined.append(raw.get(k));
                    }
                }
                words.add(joined.toString());
                i = end;
            } else {
                words.add(raw.get(i));
                i++;
            }
        }
        return words;
    }

    /** Whether three one-letter words come in a row (sentence breaks between them allowed). */
    private static boolean hasSingleLetterRun(List<String> raw) {
        int run = 0;
        for (String word : raw) {
            if (isSingleLetter(word)) {
                if (++run >= 3) {
                    return true;
                }
            } else if (!word.equals(BREAK)) {
                run = 0;
            }
        }
        return false;
    }

    private static boolean isSingleLetter(String word) {
        if (word.length() != 1 || !Character.isLetter(word.charAt(0))) {
            return false;
        }
        char c = word.charAt(0);
        return c >= TAILS.length || word != TAILS[c];
    }

    /** Lowercase without diacritics; anything that is not a letter or digit becomes a space. */
    private static char foldChar(char c) {
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '$') {
                return c;
            }
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n') {
                return BREAK_CHAR;
            }
            return ' ';
        }
        if (c == '…') {
            return BREAK_CHAR;
        }
        switch (Character.toLowerCase(c)) {
            case 'á', 'à', 'ä', 'â', 'ã', 'å':
                return 'a';
            case 'é', 'è', 'ë', 'ê':
                return 'e';
            case 'í', 'ì', 'ï', 'î':
                return 'i';
            case 'ó', 'ò', 'ö', 'ô', 'õ':
                return 'o';
            case 'ú', 'ù', 'ü', 'û':
                return 'u';
            case 'ñ':
                return 'n';
            case 'ç':
                return 'c';
            default:
                char lower = Character.toLowerCase(c);
                return Character.isLetterOrDigit(lower) ? lower : ' ';
        }
    }

    private static char leet(char c) {
        switch (c) {
            case '0':
                return 'o';
            case '1':
                return 'i';
            case '3':
                return 'e';
            case '4', '@':
                return 'a';
            case '5', '$':
                return 's';
            case '7':
                return 't';
            default:
                return 0;
        }
    }

    /** Texting shorthands and the spelling that sounds the same, then repeated letters collapsed. */
    static String foldWord(String word) {
        return foldWord(word, new char[2 * word.length()]);
    }

    /**
     * As {@link #foldWord(String)}, writing into {@code buffer} (at least twice the word's length); returns the word
     * itself when folding changes nothing, so most words cost no new string.
     */
    static String foldWord(String word, char[] buffer) {
        switch (word) {
            case "q", "k", "ke", "qe":
                word = "que";
                break;
            case "xq", "pq", "porq", "xk", "pk", "xque":
                word = "porque";
                break;
            case "tb", "tmb", "tbn":
                word = "tambien";
                break;
            case "d":
                word = "de";
                break;
            case "x":
                word = "por";
                break;
            case "toy", "stoy":
                word = "estoy";
                break;
            case "tngo", "tng":
                word = "tengo";
                break;
            case "cn":
                word = "con";
                break;
            case "pa", "xa", "pra":
                word = "para";
                break;
            case "vdd", "vrdd":
                word = "verdad";
                break;
            case "bn":
                word = "bien";
                break;
            case "dsd":
                word = "desde";
                break;
            case "xau", "chao", "bai":
                word = "chau";
                break;
            case "e":
                word = "he";
                break;
            case "tmrw", "tmr", "tmw":
                word = "tomorrow";
                break;
            case "bout":
                word = "about";
                break;
            case "thinkin":
                word = "thinking";
                break;
            case "wanna":
                word = "want to";
                break;
            case "gonna":
                word = "going to";
                break;
            case "kms":
                word = "kill myself";
                break;
            case "kys":
                word = "kill yourself";
                break;
            case "sewerslide", "suicide", "suisidio", "suicidio":
                // Algospeak and the English word fold into one, so one phrase catches all.
                word = "suicidio";
                break;
            case "unalive":
                word = "kill";
                break;
            case "ngl", "tbh", "fr", "lol", "xd", "lmao":
                word = "";
                break;
            default:
                break;
        }
        // One char buffer, and a new string only when the word changed: this runs for every word of every message.
        int n = word.length();
        char[] out = buffer.length >= 2 * n ? buffer : new char[2 * n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            char next = i + 1 < n ? word.charAt(i + 1) : 0;
            switch (c) {
                case 'q':
                    // "qu" before e/i sounds k; a lone q too.
                    out[length++] = 'k';
                    if (next == 'u' && i + 2 < n && (word.charAt(i + 2) == 'e' || word.charAt(i + 2) == 'i')) {
                        i++;
                    }
                    break;
                case 'c':
                    if (next == 'h') {
                        out[length++] = 'c';
                        out[length++] = 'h';
                        i++;
                    } else if (next == 'e' || next == 'i') {
                        out[length++] = 's';
                    } else {
                        out[length++] = 'k';
                    }
                    break;
                case 'z':
                    out[length++] = 's';
                    break;
                case 'x':
                    // Inside words "x" often stands for "ch" in chat ("noxe"); at the edges it stays.
                    if (i > 0 && i + 1 < n) {
                        out[length++] = 'c';
                        out[length++] = 'h';
                    } else {
                        out[length++] = 'x';
                    }
                    break;
                case 'v':
                    out[length++] = 'b';
                    break;
                case 'y':
                    out[length++] = 'i';
                    break;
                case 'l':
                    if (next == 'l') {
                        out[length++] = 'i';
                        i++;
                    } else {
                        out[length++] = 'l';
                    }
                    break;
                case 'h':
                    // Silent in Spanish ("hacer", "ahorcar"); kept after s ("sh") for English.
                    if (length > 0 && out[length - 1] == 's') {
                        out[length++] = 'h';
                    }
                    break;
                default:
                    out[length++] = c;
                    break;
            }
        }
        // "quiero" and "quero", "kiero" and "kero": the i between a k sound and an e is dropped. Then repeated
        // letters (not digits) collapse to one: "moriiiir". Both in one pass, in place.
        int folded = 0;
        char previous = 0; // out[i - 1] as it was before this pass wrote over it
        for (int i = 0; i < length; i++) {
            char c = out[i];
            boolean dropped = c == 'i' && previous == 'k' && i + 1 < length && out[i + 1] == 'e';
            previous = c;
            if (dropped || folded > 0 && out[folded - 1] == c && !Character.isDigit(c)) {
                continue;
            }
            out[folded++] = c;
        }
        return unchanged(word, out, folded) ? word : new String(out, 0, folded);
    }

    private static boolean unchanged(String word, char[] folded, int length) {
        if (word.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (word.charAt(i) != folded[i]) {
                return false;
            }
        }
        return true;
    }
}
