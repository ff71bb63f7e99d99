package io.psicoia.adapter.llm.offline;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a message is mostly about. The declaration order is the priority when several themes appear: feelings first
 * (the heaviest ones on top), then the areas of life they come from.
 *
 * <p>Keywords are written as people write them; they are folded with {@link TextNormalizer} before matching. A
 * trailing {@code *} matches any ending ("triste*" finds "triste", "tristeza", "tristísimo" folded to "tristisimo").
 */
enum Theme {
    GRIEF(
            "duelo",
            "murio",
            "murieron",
            "se nos fue",
            "fallec*",
            "la perdida",
            "perdida de mi",
            "perdida de un",
            "perdi a",
            "perdimos a",
            "muerte de",
            "velorio",
            "funeral",
            "entierro"),
    ANXIETY(
            "ansiedad",
            "ansios*",
            "nervio*",
            "panico",
            "angusti*",
            "preocupad*",
            "me preocupa",
            "inquiet*",
            "taquicardia",
            "miedo"),
    SADNESS(
            "triste*",
            "llor*",
            "deprimid*",
            "depre",
            "depresi*",
            "bajon",
            "desanimad*",
            "desganad*",
            "sin ganas",
            "vacio",
            "vacia",
            "hundid*"),
    ANGER(
            "enoj*",
            "bronca",
            "rabia",
            "furia",
            "furios*",
            "ira",
            "odio",
            "harto",
            "harta",
            "cabread*",
            "encabronad*",
            "me saca de quicio",
            "irritad*"),
    LONELINESS(
            "soledad",
            "sola",
            "solita",
            "solito",
            "me siento solo",
            "estoy solo",
            "muy solo",
            "quede solo",
            "sentirme solo",
            "aislad*",
            "no tengo a nadie",
            "no tengo amigos",
            "nadie me entiende",
            "nadie me quiere"),
    STRESS(
            "estres*",
            "agobi*",
            "presion*",
            "saturad*",
            "colapsad*",
            "desbordad*",
            "sobrecargad*",
            "no doy mas",
            "no llego con",
            "demasiadas cosas"),
    INSOMNIA(
            "insomnio",
            "no puedo dormir",
            "no logro dormir",
            "no consigo dormir",
            "me cuesta dormir",
            "no duermo",
            "duermo mal",
            "dormir mal",
            "sin dormir",
            "desvel*",
            "no pego un ojo",
            "no pegue un ojo"),
    RELATIONSHIP(
            "pareja",
            "novio",
            "novia",
            "ruptura",
            "me dejo",
            "terminamos",
            "cortamos",
            "separa*",
            "divorci*",
            "mi ex",
            "esposo",
            "esposa",
            "marido",
            "celos",
            "infiel*",
            "me engano",
            "me enganaba"),
    FAMILY(
            "familia*",
            "mama",
            "mami",
            "papa",
            "papi",
            "madre",
            "padre",
            "padres",
            "mis viejos",
            "herman*",
            "hijo",
            "hija",
            "hijos",
            "hijas",
            "abuel*",
            "suegr*"),
    WORK(
            "trabaj*",
            "jefe",
            "jefa",
            "jefes",
            "labur*",
            "despid*",
            "despido",
            "oficina",
            "empleo",
            "desemplead*",
            "curro",
            "chamba");

    private final Pattern pattern;

    Theme(String... keywords) {
        this.pattern = compile(List.of(keywords));
    }

    /** Whether {@code normalizedText} (already folded) mentions this theme. */
    boolean isMentionedIn(String normalizedText) {
        return pattern.matcher(normalizedText).find();
    }

    private static Pattern compile(List<String> keywords) {
        String alternatives = keywords.stream().map(Theme::toRegex).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![a-z0-9])(?:" + alternatives + ")");
    }

    private static String toRegex(String keyword) {
        boolean stem = keyword.endsWith("*");
        String folded = TextNormalizer.normalize(stem ? keyword.substring(0, keyword.length() - 1) : keyword);
        return Pattern.quote(folded) + (stem ? "" : "(?![a-z0-9])");
    }
}
