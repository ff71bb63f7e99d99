package io.psicoia.domain.safety;

import java.util.Collection;

/** The fixed Spanish texts of the tools a person can ask for ({@link CareTool}). */
public final class CareTexts {

    /** Paced breathing: longer out than in, which slows the body down. */
    public static final String BREATHING = String.join(
            "\n",
            "Vamos a respirar juntos, sin apuro. Si podés, apoyá los pies en el piso y aflojá los hombros.",
            "1. Inhalá despacio por la nariz mientras contás hasta 4.",
            "2. Sostené el aire, sin forzar, contando hasta 4.",
            "3. Soltalo lento por la boca mientras contás hasta 6.",
            "Repetilo cinco veces, a tu ritmo. Si te mareás, volvé a respirar como siempre.",
            "Cuando termines, si querés, contame cómo te sentís.");

    /** 5-4-3-2-1 grounding: the senses bring attention back to the present. */
    public static final String GROUNDING = String.join(
            "\n",
            "Probemos volver al presente con los sentidos. Tomate tu tiempo en cada paso:",
            "5 cosas que puedas ver a tu alrededor.",
            "4 cosas que puedas tocar: la ropa, la mesa, el piso bajo tus pies.",
            "3 sonidos que puedas escuchar.",
            "2 olores que puedas notar (si no sentís ninguno, pensá en dos que te gusten).",
            "1 sabor, o algo amable que puedas decirte ahora.",
            "Si querés, escribime lo que vas encontrando. Estoy acá.");

    /** A message that starts like a tool but names none. */
    public static final String UNKNOWN_TOOL = "No conozco esa herramienta. Podés escribir /ayuda (líneas de ayuda),"
            + " /respirar (una pausa para respirar), /anclaje (volver al presente), /plan (tu plan de seguridad) o"
            + " /pais y el código de tu país (por ejemplo /pais AR). También podés seguir contándome lo que te pasa.";

    private CareTexts() {}

    /** After {@code /pais XX} with a country PsicoIA has lines for. */
    public static String countryChosen(String country) {
        return "Listo: desde ahora te muestro las líneas de ayuda de " + countryName(country) + " (" + country
                + "). Escribí /ayuda cuando quieras verlas.";
    }

    /** After {@code /pais} alone or with a country PsicoIA has no lines for. */
    public static String countryUnknown(String asked, Collection<String> known) {
        String start = asked.isEmpty()
                ? "Decime en qué país estás con /pais y el código de dos letras."
                : "Todavía no tengo líneas de ayuda verificadas para ese país.";
        return start + " Tengo las de: " + String.join(", ", known) + " (por ejemplo /pais AR). Si estás en peligro,"
                + " llamá al número de emergencias del lugar donde estés.";
    }

    /** The Spanish name of a country PsicoIA has lines for, or the code itself. */
    public static String countryName(String country) {
        return switch (country) {
            case "AR" -> "Argentina";
            case "ES" -> "España";
            case "MX" -> "México";
            case "CO" -> "Colombia";
            case "CL" -> "Chile";
            case "PE" -> "Perú";
            case "US" -> "Estados Unidos";
            case "GB" -> "el Reino Unido";
            case "IE" -> "Irlanda";
            default -> country;
        };
    }
}
