package io.psicoia.domain.safety;

import java.util.Locale;
import java.util.Optional;

/**
 * The tools a person can ask for by name, typed as a message: {@code /ayuda}, {@code /respirar}, {@code /anclaje},
 * {@code /plan} and {@code /pais XX}. They are answered at once with fixed texts, need no model, and no limit ever
 * refuses them.
 */
public enum CareTool {
    /** The crisis lines of the person's country, now. */
    AYUDA,
    /** Paced breathing. */
    RESPIRAR,
    /** The 5-4-3-2-1 grounding exercise. */
    ANCLAJE,
    /** A personal safety plan, built one step at a time. */
    PLAN,
    /** Chooses the country whose lines are shown. */
    PAIS,
    /** A message that starts like a tool but names none: the answer lists the tools. */
    UNKNOWN;

    /**
     * A request for a tool: which one and what was written after its name (trimmed, possibly empty; never logged).
     */
    public record Request(CareTool tool, String argument) {
        @Override
        public String toString() {
            return "CareTool.Request[tool=" + tool + ", argumentChars=" + argument.length() + "]";
        }
    }

    /** The tool a message asks for: a message starting with {@code /} and a word; anything else is no tool. */
    public static Optional<Request> parse(String text) {
        String message = text.strip();
        if (message.length() < 2 || message.charAt(0) != '/' || !Character.isLetter(message.charAt(1))) {
            return Optional.empty();
        }
        int end = 1;
        while (end < message.length() && !Character.isWhitespace(message.charAt(end))) {
            end++;
        }
        String name = message.substring(1, end).toLowerCase(Locale.ROOT);
        String argument = message.substring(end).strip();
        CareTool tool = switch (name) {
            case "ayuda", "help", "sos", "emergencia", "urgente" -> AYUDA;
            case "respirar", "respira", "respiracion", "respiración", "breathe" -> RESPIRAR;
            case "anclaje", "anclar", "grounding" -> ANCLAJE;
            case "plan" -> PLAN;
            case "pais", "país", "country" -> PAIS;
            default -> UNKNOWN;
        };
        return Optional.of(new Request(tool, argument));
    }
}
