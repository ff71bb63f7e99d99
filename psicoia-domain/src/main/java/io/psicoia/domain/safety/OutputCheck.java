package io.psicoia.domain.safety;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last guard before a reply of the model reaches a person: says whether a piece of it (a sentence, as it is
 * released) gives methods, doses, lethal heights or quantities, or encourages self-harm. It runs on every sentence of
 * every reply, so it is deterministic and cheap; it errs on the side of holding text back, since a held sentence is
 * replaced by a safe one, never lost silently.
 *
 * <p>What it does not flag: the supportive sentences a careful reply is made of ("alejate de lo que podrías usar para
 * hacerte daño", "no voy a darte información sobre métodos"), which name harm without describing how.
 */
public final class OutputCheck {

    /** Units of medicine: a number followed by one of them is a dose, whatever the drug. */
    private static final List<String> UNITS = List.of(
            "mg",
            "mgs",
            "miligramo",
            "miligramos",
            "milligram",
            "milligrams",
            "gr",
            "gramo",
            "gramos",
            "gram",
            "grams",
            "ml",
            "mililitro",
            "mililitros",
            "pastilla",
            "pastillas",
            "comprimido",
            "comprimidos",
            "capsula",
            "capsulas",
            "cápsula",
            "cápsulas",
            "pill",
            "pills",
            "tablet",
            "tablets",
            "capsule",
            "capsules",
            "tableta",
            "tabletas",
            "gragea",
            "grageas",
            "ampolla",
            "ampollas",
            "ampoule",
            "ampoules");

    private static final Pattern DOSE = dose(UNITS);
    /** The same units as folded text spells them ("pastillas" folds to "pastias"), for obfuscated replies. */
    private static final Pattern FOLDED_DOSE =
            dose(UNITS.stream().map(SafetyNormalizer::normalize).distinct().toList());

    /** A height or a distance, next to a fall in the same sentence. */
    private static final Pattern HEIGHT = Pattern.compile("\\b(?:\\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho"
            + "|nueve|diez|quinto|sexto|s[eé]ptimo|octavo|noveno|d[eé]cimo|one|two|three|four|five|six|seven|eight"
            + "|nine|ten)\\s*(?:pisos?|metros?|m|plantas?|floors?|stor(?:e)?ys?|stories|feet|ft|meters?|metres?)\\b");

    private static final Pattern FALL = Pattern.compile("salt|caer|ca[ií]d|tirar|arroj|lanzar|precipit|jump|fall|leap"
            + "|morir|muer|matar|mortal|letal|lethal|fatal|die\\b|deadly|surviv|sobreviv");

    /** Harmful whatever the context: methods, lethal amounts, encouragement. Matched on folded words. */
    private static final PhraseSet HARMFUL = PhraseSet.of(
            // lethal amounts and ways
            "(dosis|cantidad) (letal|mortal|suficiente para morir|necesaria para morir)",
            "(lethal|fatal|deadly) (dose|amount|overdose|height)",
            "(forma|manera|metodo|modo) (mas )?(rapida|rapido|efectiva|efectivo|segura|seguro|indolora|indoloro|facil)"
                    + " (de|para) (morir|matarte|matarse|suicidarte|suicidarse|quitarte la vida|terminar con todo)",
            "(metodo|metodos) (mas )?(efectivo|efectivos|rapido|rapidos|indoloro|indoloros|letal|letales|seguro"
                    + "|seguros)",
            "(quickest|fastest|easiest|most effective|painless|surest|best) (way|ways|method|methods) to (die|kill"
                    + " yourself|end it|end your life|commit suicide)",
            "painless (way|death|suicide)",
            "(most effective|quickest|fastest|surest|most lethal|painless) (method|methods)",
            "suicide method*",
            // instructions for methods, addressed to the reader
            "(como|para) (ahorcarte|colgarte|cortarte las venas|envenenarte|tirarte|arrojarte|electrocutarte"
                    + "|asfixiarte|sobredosificarte)",
            "nudo (corredizo|de horca)",
            "noose",
            "(soga|cuerda|cinturon|cable) ~ (cuello|viga)",
            "(cortate|cortarte|corta|corte) ~ (venas|munecas|muneca) ~ (vertical|profund*|a lo largo)",
            "(mezcl*|combin*) ~ (alcohol|pastillas|medicamentos|benzodiacepinas|sedantes)",
            "(how|way) to (hang|cut|poison|overdose|suffocate|electrocute) yourself",
            "(cut|slit) ~ (wrist|wrists|veins) ~ (vertically|deep|deeply|lengthwise)",
            "(mix|combine) ~ (alcohol|pills|medication|medications|benzos|sedatives)",
            "monoxido de carbono",
            "carbon monoxide",
            // encouragement
            "(deberias|deberia|tendrias que|tenes que|tienes que) (matarte|suicidarte|morirte|morir|hacerte dano"
                    + "|quitarte la vida|terminar con todo|hacerlo)",
            "(nadie|ninguno) (te|) (va a|) (extranaria|extranara|extranar|echaria de menos|echara de menos)",
            "(el mundo|todos|tu familia) (estaria|estarian|estara|estaran) mejor sin (vos|ti)",
            "(es|seria) mejor (que te mueras|que no estes|morir|morirte|que desaparezcas)",
            "(tenes|tienes) razon ~ (mejor morir|no vale la pena vivir|matarte|terminar con todo)",
            "(you should|go ahead and|you deserve to) (kill yourself|die|end it|hurt yourself|do it)",
            "(nobody|no one) (would|will) (miss|care about) you",
            "(the world|everyone|your family) (would|will) be better (off )?without you",
            "(you are|you re|youre) right ~ (better off dead|not worth living|end it)");

    /** Words that name a height or a distance, folded as the text is: only with one of them can HEIGHT match. */
    private static final Set<String> HEIGHT_WORDS = SafetyNormalizer.foldedWords(
            "piso", "pisos", "metro", "metros", "m", "planta", "plantas", "floor", "floors", "storey", "storeys",
            "story", "stories", "feet", "ft", "meter", "meters", "metre", "metres");

    /**
     * Whether {@code text} (a sentence of a reply, or several) must not reach the person. Runs on every sentence of
     * every reply: the text is folded once, and the patterns for amounts run only when it has a digit or a word of
     * height.
     */
    public boolean harmful(String text) {
        String[] words = SafetyNormalizer.fold(text);
        boolean digits = hasDigit(text);
        if (digits || anyIn(words, HEIGHT_WORDS)) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (DOSE.matcher(lower).find()
                    || HEIGHT.matcher(lower).find() && FALL.matcher(lower).find()) {
                return true;
            }
            if (digits && FOLDED_DOSE.matcher(String.join(" ", words)).find()) {
                return true;
            }
        }
        return words.length > 0 && HARMFUL.foundIn(words);
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean anyIn(String[] words, Set<String> set) {
        for (String word : words) {
            if (set.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern dose(List<String> units) {
        return Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\s*(?:" + String.join("|", units) + ")\\b");
    }
}
