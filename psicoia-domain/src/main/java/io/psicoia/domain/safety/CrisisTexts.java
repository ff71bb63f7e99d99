package io.psicoia.domain.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fixed Spanish texts of the safety layer: what a person reads when a message shows risk, when they ask for help,
 * and when a reply of the model could not be shown. Written for PsicoIA in Rioplatense voseo, like the rest of the
 * service; deterministic, so they work with no model at all.
 *
 * <p>Every text that names lines pairs a crisis line with the emergency number of the person's country. When the
 * country is not known, nothing is guessed: the text gives the emergency guidance and asks where the person is.
 */
public final class CrisisTexts {

    /** The tools every crisis text offers, as the person types them. */
    public static final String TOOLS_OFFER = "Si querés, podemos hacer algo juntos ahora: /respirar (una pausa para"
            + " respirar), /anclaje (volver al presente) o /plan (armar tu plan de seguridad).";

    private static final String UNKNOWN_EMERGENCY = "número de emergencias del lugar donde estés (por ejemplo, 911"
            + " en Argentina, México y Estados Unidos, o 112 en España y el resto de la Unión Europea)";
    private static final String ASK_COUNTRY = "No sé en qué país estás, así que no te quiero dar un número"
            + " equivocado. Contame dónde estás escribiendo /pais y el código de tu país (por ejemplo /pais AR,"
            + " /pais MX o /pais ES) y te paso las líneas de ayuda de ahí.";

    private final Helplines helplines;

    public CrisisTexts(Helplines helplines) {
        this.helplines = Objects.requireNonNull(helplines, "helplines");
    }

    /** The notice for a conversation at {@code level} (medium or above) about the writer or someone else. */
    public SafetyNotice notice(RiskLevel level, RiskSubject about, Optional<String> country) {
        List<Helpline> resources = resources(country);
        String lines = lines(resources, country);
        String emergency = emergency(country);
        boolean known = !resources.isEmpty();
        String text = about == RiskSubject.OTHER
                ? aboutSomeoneElse(known, lines, emergency)
                : aboutYou(level, known, lines, emergency);
        return new SafetyNotice(level, about, text, resources, country);
    }

    /**
     * The notice for another message that shows risk at a level the person was already given the lines for: shorter,
     * so that it does not read as a form letter, and still with a line and the emergency number.
     */
    public SafetyNotice reminder(RiskLevel level, Optional<String> country) {
        List<Helpline> resources = resources(country);
        String line = resources.stream()
                .filter(entry -> !entry.emergency())
                .findFirst()
                .map(entry -> entry.service() + " (" + channel(entry) + entry.contact() + ")")
                .orElse(null);
        String text = "Sigo acá con vos y te sigo tomando en serio. "
                + (line == null || country.isEmpty()
                        ? "Si estás en peligro, llamá ya al " + emergency(country) + ". " + ASK_COUNTRY
                        : "Si podés, hablá ahora con " + line + ", o llamá al " + emergency(country)
                                + " si estás en peligro.")
                + " Escribí /ayuda para ver todas las líneas.";
        return new SafetyNotice(level, RiskSubject.SELF, text, resources, country);
    }

    /** What {@code /ayuda} shows: the lines, at once, whatever the level. */
    public SafetyNotice help(RiskLevel level, Optional<String> country) {
        List<Helpline> resources = resources(country);
        String lines = lines(resources, country);
        String text = (resources.isEmpty()
                        ? lines
                        : "Estas son las líneas que podés usar ahora mismo. Del otro lado hay personas que escuchan"
                                + " sin juzgar.\n" + lines)
                + "\nSi estás en peligro, llamá ya al " + emergency(country) + ".\n" + TOOLS_OFFER;
        return new SafetyNotice(level, RiskSubject.SELF, text, resources, country);
    }

    /**
     * The follow-up when a message that showed risk got no reply of the model (the model failed or was full): honest,
     * and it says what to do next.
     */
    public String fallback(Optional<String> country) {
        return "Ahora no puedo escribirte una respuesta más larga, pero sigo acá y quiero que estés a salvo. Si estás"
                + " en peligro, llamá al " + emergency(country) + ". Escribí /ayuda para ver las líneas otra vez, o"
                + " /respirar si querés hacer una pausa conmigo.";
    }

    /** What replaces the rest of a reply of the model that failed the output check. */
    public String replacement(Optional<String> country) {
        return "Prefiero no seguir por ese camino, porque lo que más me importa es que estés a salvo. Si estás"
                + " pensando en hacerte daño, hablá ahora con alguien: llamá al " + emergency(country) + " o escribí"
                + " /ayuda y te paso las líneas de crisis. Si querés, contame qué está pasando.";
    }

    /**
     * The instruction pinned for the model while the conversation is at risk (it stays outside the token window, so
     * trimming never drops it). Written for the model, never shown to the person.
     */
    public String modelNote(RiskLevel level, RiskSubject about, Optional<String> country) {
        String lines = String.join("; ", resourceNames(resources(country)));
        String where = country.isPresent()
                ? "Ya le mostramos un mensaje con estas líneas: " + lines + "; y el número de emergencias "
                        + emergency(country) + "."
                : "Ya le mostramos un mensaje con la guía de emergencias y le preguntamos en qué país está.";
        if (about == RiskSubject.OTHER) {
            return "NOTA DE SEGURIDAD (no la cites): la persona contó que alguien cercano podría estar en riesgo de"
                    + " suicidio o de hacerse daño (nivel " + spanish(level) + "). " + where + " Ayudala a acompañar:"
                    + " validá su preocupación, sugerí preguntar de forma directa y escuchar sin juzgar, no dejar sola"
                    + " a esa persona si hay riesgo, no guardar el secreto y buscar ayuda profesional juntas. Cuidá"
                    + " también a quien escribe. Nunca des métodos, lugares ni cantidades.";
        }
        return "NOTA DE SEGURIDAD (no la cites): en esta conversación la persona mostró señales de riesgo de suicidio"
                + " o de hacerse daño (nivel " + spanish(level) + "). " + where + " Respondé con calidez y en pocas"
                + " oraciones: validá lo que siente sin juzgar, preguntá si está a salvo ahora y si hay alguien que"
                + " pueda acompañarla, y animala a comunicarse con esas líneas o con emergencias. No minimices lo que"
                + " cuenta ni cambies de tema. Nunca des métodos, lugares, dosis ni cantidades, aunque te los pida.";
    }

    /** The crisis lines of a country, then its emergency numbers; empty when the country is not known. */
    public List<Helpline> resources(Optional<String> country) {
        if (country.isEmpty()) {
            return List.of();
        }
        return helplines.forCountry(country.get());
    }

    /** The emergency number to name in a sentence: the country's first one, or the guidance when unknown. */
    public String emergency(Optional<String> country) {
        if (country.isPresent()) {
            List<Helpline> numbers = helplines.emergencyNumbers(country.get());
            if (!numbers.isEmpty()) {
                return numbers.get(0).contact();
            }
        }
        return UNKNOWN_EMERGENCY;
    }

    /** One line per resource ("• Service (region): contact, hours"), or the question about the country. */
    public String lines(List<Helpline> resources, Optional<String> country) {
        if (country.isEmpty() || resources.isEmpty()) {
            return ASK_COUNTRY;
        }
        StringBuilder out = new StringBuilder();
        for (Helpline line : resources) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("• ").append(line.service());
            if (!line.region().isEmpty()) {
                out.append(" (").append(line.region()).append(')');
            }
            out.append(": ").append(channel(line)).append(line.contact());
            out.append(" (").append(line.allDay() ? "las 24 horas" : line.hours());
            if (!line.cost().isEmpty()) {
                out.append(", ").append(line.cost());
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String aboutYou(RiskLevel level, boolean known, String lines, String emergency) {
        return switch (level) {
            case IMMINENT ->
                "Lo que me contás me preocupa mucho, y tu vida importa. Por favor, llamá ahora al "
                        + emergency
                        + ", o pedile a alguien que esté cerca que llame por vos. Si podés, alejate de lo que"
                        + " podrías usar para hacerte daño y buscá estar con otra persona.\n"
                        + (known ? "También podés hablar ya mismo con:\n" : "") + lines
                        + "\nNo estás en soledad: sigo acá con vos mientras pedís ayuda.";
            case HIGH ->
                "Me importa mucho lo que me contás y lo tomo en serio. Estás pasando por algo muy duro y"
                        + " merecés ayuda ahora mismo, de una persona que pueda acompañarte."
                        + (known ? " Por favor, comunicate ya con alguna de estas líneas:\n" : " ") + lines
                        + "\nSi sentís que podés hacerte daño en este momento, llamá al " + emergency
                        + ". ¿Hay alguien de"
                        + " confianza que pueda estar con vos ahora? Sigo acá para escucharte.\n" + TOOLS_OFFER;
            default ->
                "Gracias por contarme cómo estás. Lo que sentís importa, y no tenés que cargarlo en soledad."
                        + " Hablar hoy con una persona puede aliviar"
                        + (known ? "; en estas líneas escuchan sin juzgar:\n" : ". ") + lines
                        + "\nSi en algún momento sentís que podrías hacerte daño, llamá al " + emergency + ".\n"
                        + TOOLS_OFFER;
        };
    }

    private static String aboutSomeoneElse(boolean known, String lines, String emergency) {
        return "Hacés muy bien en preocuparte y en contarlo. Si esa persona está en peligro ahora, llamá al "
                + emergency
                + "."
                + (known
                        ? " Estas líneas también orientan a quien quiere ayudar a alguien:\n"
                        : " Hay líneas de ayuda que también orientan a quien quiere ayudar a alguien. ")
                + lines + "\nAlgo que ayuda:"
                + " preguntale de forma directa cómo está y si piensa en hacerse daño (preguntar no le da la idea),"
                + " escuchala sin juzgar, no la dejes sola si hay riesgo, no guardes el secreto y acompañala a pedir"
                + " ayuda profesional. Cuidarte a vos también importa.";
    }

    private static String channel(Helpline line) {
        return switch (line.channel()) {
            case "text" -> "mensaje de texto, ";
            case "whatsapp" -> "WhatsApp ";
            default -> "";
        };
    }

    private static List<String> resourceNames(List<Helpline> resources) {
        List<String> names = new ArrayList<>(resources.size());
        for (Helpline line : resources) {
            if (!line.emergency()) {
                names.add(line.service() + " " + line.contact());
            }
        }
        return names;
    }

    private static String spanish(RiskLevel level) {
        return switch (level) {
            case NONE -> "ninguno";
            case LOW -> "bajo";
            case MEDIUM -> "medio";
            case HIGH -> "alto";
            case IMMINENT -> "inminente";
        };
    }
}
