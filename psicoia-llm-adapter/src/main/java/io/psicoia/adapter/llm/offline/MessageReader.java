package io.psicoia.adapter.llm.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the newest user message: risk first, then themes, then greetings, thanks and vague messages. */
final class MessageReader {

    /**
     * Words after a death wish that turn it into a common idiom ("me quiero morir de vergüenza") or an exaggeration
     * about effort ("me voy a matar estudiando"). Written already folded.
     */
    private static final String NOT_AN_IDIOM =
            "(?! (?:de|del) (?:risa|verguenza|hambre|calor|frio|sueno|aburimiento|ganas|envidia|ternura)"
                    + "| [a-z]+(?:ando|iendo)(?![a-z]))";

    /** Conservative on purpose: a false alarm costs a kind message, a miss costs far more. Written already folded. */
    private static final Pattern RISK = Pattern.compile("(?<![a-z])(?:"
            + "suicid"
            + "|(?:me quiero|me voy a|me tengo que|quisiera|pienso en) matar(?:me)?(?![a-z])" + NOT_AN_IDIOM
            + "|matarme(?![a-z])" + NOT_AN_IDIOM
            + "|(?:quiero|quisiera|prefiero|prefiriria|desearia) morir(?:me)?(?![a-z])" + NOT_AN_IDIOM
            + "|(?:quiero|quisiera|prefiero|prefiriria|desearia|mejor) estar muert"
            + "|estaria mejor muert"
            + "|ojala (?:me muera|me muriera|estuviera muert)"
            + "|no quiero (?:vivir|seguir viviendo|seguir con vida|estar vivo|estar viva|despertar)"
            + "|no vale la pena (?:vivir|seguir viviendo)"
            + "|(?:hacerme|hacer me|me voy a hacer) dano"
            + "|(?:lastimarme|herirme|autolesion)"
            + "|cortarme(?! (?:el|la|los|las) (?:pelo|cabelo|flequilo|unas|barba))"
            + "|quitarme la vida|acabar con mi vida|terminar con mi vida|poner fin a mi vida"
            + "|dejar de existir"
            + ")");

    private static final Set<String> GREETING_WORDS =
            Set.of("hola", "holi", "ola", "buenas", "buenos", "buen", "hey", "saludos", "wenas");
    private static final Set<String> GREETING_FILLERS =
            Set.of("dia", "dias", "tardes", "noches", "que", "tal", "como", "estas", "esta", "va", "todo", "bien");
    private static final Pattern THANKS = Pattern.compile("(?<![a-z])(?:gracias|te agradezco|agradecid[oa])(?![a-z])");
    private static final Set<String> FILLERS = Set.of(
            "no", "se", "si", "ok", "oka", "okay", "nada", "m", "mh", "eh", "ah", "uh", "bueno", "ya", "pues", "que",
            "a", "ver", "nose", "x", "equis", "y", "o", "es", "eso", "asi", "igual", "hm", "hmm");
    private static final Pattern LAUGH = Pattern.compile("(?:ja|je|ji|jo|ha|he)+");

    private MessageReader() {}

    static Reading read(String text) {
        String folded = TextNormalizer.normalize(text);
        List<String> words = folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
        boolean greeted = !words.isEmpty() && GREETING_WORDS.contains(words.get(0));

        if (RISK.matcher(folded).find()) {
            return new Reading(Reading.Intent.RISK, List.of(), greeted);
        }
        List<Theme> themes = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            if (theme.isMentionedIn(folded)) {
                themes.add(theme);
            }
        }
        if (!themes.isEmpty()) {
            return new Reading(Reading.Intent.THEME, themes, greeted);
        }
        if (greeted && words.stream().allMatch(w -> GREETING_WORDS.contains(w) || GREETING_FILLERS.contains(w))) {
            return new Reading(Reading.Intent.GREETING, List.of(), true);
        }
        if (THANKS.matcher(folded).find()) {
            return new Reading(Reading.Intent.THANKS, List.of(), greeted);
        }
        if (isUnclear(words)) {
            return new Reading(Reading.Intent.UNCLEAR, List.of(), greeted);
        }
        return new Reading(Reading.Intent.GENERIC, List.of(), greeted);
    }

    private static boolean isUnclear(List<String> words) {
        List<String> meaningful = words.stream()
                .filter(w -> !FILLERS.contains(w) && !GREETING_WORDS.contains(w))
                .filter(w -> !LAUGH.matcher(w).matches())
                .toList();
        int letters = meaningful.stream().mapToInt(String::length).sum();
        return meaningful.size() <= 1 && letters < 12 || letters < 4;
    }
}
