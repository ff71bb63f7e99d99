package io.psicoia.adapter.llm.offline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every sentence the offline responder can say, in Rioplatense Spanish with "vos", like the rest of PsicoIA
 * ("contás", "podés", "llamá", "para vos"; the subjunctive keeps its usual forms: "puedas", "estés"). Openings name
 * and validate a feeling; each question is the one open question of a reply; {@code alsoNote} briefly acknowledges a
 * theme that came second.
 */
final class ReplyCatalogue {

    record Phrasing(List<String> openings, List<String> questions, String alsoNote) {

        Phrasing {
            openings = List.copyOf(openings);
            questions = List.copyOf(questions);
            Objects.requireNonNull(alsoNote, "alsoNote");
        }
    }

    static final String OFFLINE_NOTICE = "Aviso: este es un modo sin conexión muy sencillo, sin modelo de lenguaje;"
            + " para conectar uno, definí GROQ_API_KEY (o LLM_URL si tenés un servidor local como Ollama)"
            + " y volvé a iniciar.";

    /**
     * The notice for people reaching PsicoIA through a server ({@code psicoia app}, {@code serve}): what to expect,
     * without advice meant for whoever runs it (that goes to the server's log).
     */
    static final String SERVED_NOTICE = "Aviso: en este momento PsicoIA funciona en un modo sencillo, sin modelo de"
            + " lenguaje, así que mis respuestas van a ser básicas.";

    static final String GREETING_PREFIX = "Hola.";

    static final List<String> RISK_REPLIES = List.of(
            "Lo que me contás es muy serio y me importa que estés a salvo. Merecés ayuda ahora mismo: llamá ya al"
                    + " número de emergencias de tu país (por ejemplo, 911 en Argentina, México y EE. UU., o 112 en"
                    + " España) o a una línea de crisis, y buscá estar cerca de alguien de confianza. ¿Hay alguien a"
                    + " quien puedas llamar o tener a tu lado en este momento?",
            "Gracias por decírmelo; sé que no es fácil, y lo tomo muy en serio. No tenés que pasar por esto sin"
                    + " ayuda: llamá ahora al número de emergencias (911 en Argentina, México y EE. UU.; 112 en"
                    + " España) o a una línea de crisis, y quedate con alguien de confianza. ¿Quién podría"
                    + " acompañarte ahora mismo?",
            "Siento mucho que estés con tanto dolor; tu vida importa y merecés ayuda ya. Por favor, llamá ahora al"
                    + " número de emergencias de donde estés (por ejemplo, 911 en Argentina, México o EE. UU., o 112"
                    + " en España) o a una línea de crisis, y no te quedes a solas: buscá a alguien de confianza."
                    + " ¿Podés avisarle a alguien cercano mientras hacés esa llamada?");

    static final String RISK_CLOSING =
            "Soy solo un programa sencillo sin conexión; quien puede ayudarte de verdad ahora es una persona.";

    private static final Map<Theme, Phrasing> THEMES = new EnumMap<>(Theme.class);

    static {
        THEMES.put(
                Theme.ANXIETY,
                new Phrasing(
                        List.of(
                                "Suena a que la ansiedad te está apretando fuerte, y es comprensible sentirse así"
                                        + " cuando la cabeza no encuentra calma.",
                                "Lo que describís se parece mucho a unos nervios que no dan tregua; tiene sentido que"
                                        + " te cueste estar en paz.",
                                "Percibo mucha ansiedad en lo que me contás. Sentirla así agota, y no es una"
                                        + " exageración tuya.",
                                "Se nota que los nervios te tienen en alerta. Es una reacción muy humana cuando algo"
                                        + " nos preocupa de verdad."),
                        List.of(
                                "¿En qué momentos del día notás más esa ansiedad?",
                                "¿Qué pasa por tu mente cuando aparecen los nervios?",
                                "¿Qué te ayudó otras veces, aunque sea un poco, a bajar esa inquietud?",
                                "¿Qué es lo que más te preocupa en este momento?"),
                        "Y noto que también hay nervios y ansiedad de por medio."));
        THEMES.put(
                Theme.SADNESS,
                new Phrasing(
                        List.of(
                                "Escucho mucha tristeza en tus palabras, y está bien sentirla; no tenés que aparentar"
                                        + " que todo va bien.",
                                "Siento que estás pasando por un momento triste y pesado. Llorar o andar sin ganas no"
                                        + " es debilidad: es una señal de que algo duele.",
                                "Parece que la tristeza te viene acompañando hace un tiempo, y eso cansa mucho."
                                        + " Gracias por ponerlo en palabras.",
                                "Lo que contás suena a un bajón hondo, de esos en que todo cuesta un poco más. Esa"
                                        + " tristeza merece ser escuchada."),
                        List.of(
                                "¿Desde cuándo sentís esta tristeza?",
                                "¿Qué es lo que más te pesa en estos días?",
                                "¿Cómo es un día para vos ahora mismo, desde que te levantás hasta la noche?",
                                "¿Con quién podrías compartir un poco de lo que sentís?"),
                        "Y también escucho tristeza en lo que contás."));
        THEMES.put(
                Theme.LONELINESS,
                new Phrasing(
                        List.of(
                                "Sentir soledad duele de una manera muy particular, y tiene todo el sentido que te"
                                        + " afecte.",
                                "Escucho que te sentís con poca compañía, y esa soledad puede pesar mucho. Me alegra"
                                        + " que hayas escrito.",
                                "La soledad que describís es real y merece atención; nadie debería cargarla sin que"
                                        + " alguien lo note.",
                                "Parece que la soledad se está haciendo sentir fuerte. Necesitar cercanía es algo muy"
                                        + " humano."),
                        List.of(
                                "¿En qué momentos se hace más fuerte esa soledad?",
                                "¿Con quién te gustaría sentirte más cerca?",
                                "¿Cómo eran las cosas cuando te sentías con más compañía?",
                                "¿Qué tipo de compañía te haría bien en estos días?"),
                        "Y además aparece la soledad, que hace todo más difícil."));
        THEMES.put(
                Theme.STRESS,
                new Phrasing(
                        List.of(
                                "Suena a mucho estrés acumulado, y es lógico sentirse así cuando todo llega junto.",
                                "Percibo agobio en lo que contás: demasiadas cosas a la vez y poco espacio para"
                                        + " respirar. Tiene sentido que estés al límite.",
                                "Se nota la presión que estás cargando. Nadie puede con todo al mismo tiempo, y"
                                        + " sentirlo no es un fallo tuyo.",
                                "Ese agobio que describís agota de verdad; la mente y el cuerpo tienen un límite y es"
                                        + " válido reconocerlo."),
                        List.of(
                                "¿Qué es lo que más presión te pone ahora mismo?",
                                "¿Hay algo de todo eso que podría esperar o que podrías soltar por un rato?",
                                "¿Cómo te das cuenta de que el estrés está subiendo?",
                                "¿Qué necesitarías para sentir un poco de alivio esta semana?"),
                        "Y encima se suma mucha presión, que no ayuda."));
        THEMES.put(
                Theme.ANGER,
                new Phrasing(
                        List.of(
                                "Se nota mucho enojo en lo que decís, y tiene sentido: el enojo suele aparecer cuando"
                                        + " algo nos parece injusto.",
                                "Escucho rabia, y es una emoción válida. No hace falta taparla; se puede mirar con"
                                        + " calma.",
                                "Ese enojo que describís es comprensible. Muchas veces la rabia protege algo que nos"
                                        + " importa.",
                                "Parece que algo te dio mucha rabia, y sentirla no te hace una mala persona."),
                        List.of(
                                "¿Qué fue lo que más te dolió o te molestó de lo que pasó?",
                                "¿Qué solés hacer con ese enojo cuando aparece?",
                                "¿Qué tendría que cambiar para que esa rabia baje un poco?",
                                "¿Qué hay debajo de ese enojo, si lo mirás con calma?"),
                        "Y también escucho enojo, que es comprensible."));
        THEMES.put(
                Theme.INSOMNIA,
                new Phrasing(
                        List.of(
                                "No poder dormir bien desgasta muchísimo, y es normal que todo se sienta más pesado"
                                        + " cuando no descansás.",
                                "Las noches sin dormir son muy duras. Tiene sentido que estés con poca energía y la"
                                        + " cabeza cansada.",
                                "Escucho que el sueño se te está resistiendo, y eso cansa el cuerpo y el ánimo.",
                                "Cuando cuesta dormir, la noche se hace larga y los pensamientos pesan más. Es"
                                        + " comprensible que estés sin fuerzas."),
                        List.of(
                                "¿Qué suele pasar por tu cabeza cuando intentás dormir?",
                                "¿Desde cuándo te está costando descansar?",
                                "¿Cómo son tus noches: te cuesta conciliar el sueño o te despertás en medio de la"
                                        + " noche?",
                                "¿Qué hacés en la última hora antes de acostarte?"),
                        "Y dormir mal hace que todo se sienta más pesado."));
        THEMES.put(
                Theme.GRIEF,
                new Phrasing(
                        List.of(
                                "Siento mucho tu pérdida. El duelo no tiene un ritmo correcto, y todo lo que sientas"
                                        + " ahora tiene lugar.",
                                "Perder a alguien querido duele profundamente. Es natural que te sientas así, y no"
                                        + " hay apuro para estar mejor.",
                                "Lo que contás es una pérdida muy grande, y el dolor que trae también habla del"
                                        + " cariño que sigue ahí.",
                                "Lamento mucho lo que estás atravesando. El duelo llega en oleadas y no hay una"
                                        + " manera correcta de vivirlo."),
                        List.of(
                                "¿Cómo estás llevando estos días desde la pérdida?",
                                "¿Te gustaría contarme algo de quien ya no está?",
                                "¿Hay alguien a tu alrededor con quien puedas compartir este dolor?",
                                "¿Qué es lo que más extrañás en este momento?"),
                        "Y además estás atravesando una pérdida, que pesa mucho."));
        THEMES.put(
                Theme.RELATIONSHIP,
                new Phrasing(
                        List.of(
                                "Lo que pasa con tu pareja te está moviendo mucho, y tiene sentido: los vínculos de"
                                        + " amor nos tocan en lo más profundo.",
                                "Una ruptura o una crisis de pareja duele de verdad, y es normal sentir el corazón"
                                        + " revuelto.",
                                "Escucho que tu relación te está doliendo. Cuando alguien importante se aleja, se"
                                        + " sacuden muchas cosas por dentro.",
                                "Los problemas de pareja pueden dejar dolor, enojo y confusión a la vez, y todo eso es"
                                        + " válido."),
                        List.of(
                                "¿Qué es lo que más te duele de lo que pasó en esa relación?",
                                "¿Cómo te estás cuidando en medio de todo esto?",
                                "¿Qué necesitarías en este momento para sentirte un poco mejor?",
                                "¿Qué te gustaría que fuera distinto en esa relación?"),
                        "Y parece que lo de tu pareja también es parte de esto."));
        THEMES.put(
                Theme.FAMILY,
                new Phrasing(
                        List.of(
                                "Los temas de familia tocan fibras muy hondas, y es natural que te afecten tanto.",
                                "Escucho que algo en tu familia te está pesando. Con las personas más cercanas todo"
                                        + " duele un poco más.",
                                "Los vínculos de familia pueden ser refugio y a la vez fuente de dolor, y lo que"
                                        + " sentís tiene sentido.",
                                "Se nota que lo que pasa en tu familia te importa mucho, y por eso también te afecta."),
                        List.of(
                                "¿Cómo te sentís cuando estás con tu familia?",
                                "¿Qué te gustaría que tu familia entendiera de vos?",
                                "¿Qué parte de esta situación familiar te preocupa más?",
                                "¿Cómo era la relación con tu familia antes de que esto pasara?"),
                        "Y parece que tu familia también es parte de esto."));
        THEMES.put(
                Theme.WORK,
                new Phrasing(
                        List.of(
                                "Lo que pasa en el trabajo puede afectar muchísimo, porque ahí se juegan el sustento,"
                                        + " el tiempo y el reconocimiento.",
                                "Escucho que el trabajo te está pesando, y es comprensible; ahí pasamos gran parte de"
                                        + " la vida.",
                                "Las situaciones difíciles en el trabajo desgastan mucho, sobre todo cuando sentís que"
                                        + " no dependen de vos.",
                                "Tiene sentido que lo del trabajo te afecte así; no es solo un tema práctico, también"
                                        + " toca cómo te sentís con vos."),
                        List.of(
                                "¿Qué parte de lo que pasa en el trabajo te afecta más?",
                                "¿Cómo te sentís al terminar una jornada de trabajo?",
                                "¿Qué te gustaría que fuera distinto en tu situación de trabajo?",
                                "¿Con quién podés hablar de lo que está pasando en el trabajo?"),
                        "Y parece que el trabajo también tiene que ver con esto."));
    }

    static final Phrasing GREETING = new Phrasing(
            List.of(
                    "¡Hola! Me alegra que hayas escrito.",
                    "Hola, qué bueno leerte. Este es un espacio tranquilo para contar lo que quieras.",
                    "¡Hola! Gracias por pasar por acá; podés contar lo que necesites, a tu ritmo."),
            List.of(
                    "¿Cómo te sentís hoy?",
                    "¿Qué te trae por acá en este momento?",
                    "¿Cómo estuvieron tus días últimamente?"),
            "");

    static final Phrasing THANKS = new Phrasing(
            List.of(
                    "Gracias a vos por confiarme lo que sentís. Me alegra si esto te sirvió un poco.",
                    "De nada; me alegra haberte acompañado un rato.",
                    "Qué bueno que te haya servido. Tomarte un momento para vos ya es valioso."),
            List.of(
                    "¿Cómo te sentís ahora, después de haberlo contado?",
                    "¿Qué más te gustaría contar?",
                    "¿Qué te llevás de esta conversación para los próximos días?"),
            "");

    static final Phrasing UNCLEAR = new Phrasing(
            List.of(
                    "No sé si te entendí del todo, y está bien: a veces cuesta encontrar las palabras.",
                    "Te leo. A veces lo que sentimos no cabe en pocas palabras, y no hace falta apurarse.",
                    "Acá sigo, sin apuro. Podés escribir como te salga, aunque sea desordenado."),
            List.of(
                    "¿Me contás un poco más de lo que te está pasando?",
                    "¿Cómo te sentís en este momento?",
                    "¿Qué te gustaría contarme hoy?"),
            "");

    static final Phrasing GENERIC = new Phrasing(
            List.of(
                    "Gracias por contármelo. Suena a que esto te está afectando, y lo que sentís tiene sentido.",
                    "Te escucho. Lo que describís parece importante para vos, y merece tiempo y atención.",
                    "Entiendo que no siempre es fácil ponerlo en palabras. Lo que sentís es válido, sea lo que sea.",
                    "Se nota que hay algo que te está moviendo por dentro, y está bien darle un lugar."),
            List.of(
                    "¿Cómo te sentís con todo esto?",
                    "¿Qué es lo que más te pesa de esta situación?",
                    "¿Qué te gustaría que pasara a partir de ahora?",
                    "¿Desde cuándo te sentís así?"),
            "");

    private ReplyCatalogue() {}

    static Phrasing forTheme(Theme theme) {
        return THEMES.get(theme);
    }
}
