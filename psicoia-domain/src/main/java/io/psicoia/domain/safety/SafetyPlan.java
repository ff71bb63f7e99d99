package io.psicoia.domain.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * A personal safety plan, built one step at a time with {@code /plan}: warning signs, what helps, people and places,
 * professionals and lines, and making the place safer. The answers are the person's own words; they stay in memory
 * for the conversation only and are never logged. Not thread-safe: the conversation's care state guards it.
 */
public final class SafetyPlan {

    /** The steps, in order: a title for the finished plan and the question that asks for it. */
    private static final List<String[]> STEPS = List.of(
            new String[] {
                "Señales de alerta",
                "Paso 1 de 5, señales de alerta: ¿qué pensamientos, sensaciones o situaciones te avisan que se viene"
                        + " un momento difícil?"
            },
            new String[] {
                "Lo que me ayuda",
                "Paso 2 de 5, lo que te ayuda: ¿qué podés hacer por tu cuenta para bajar un poco la angustia? (por"
                        + " ejemplo caminar, escuchar música, darte una ducha, /respirar)"
            },
            new String[] {
                "Personas y lugares",
                "Paso 3 de 5, personas y lugares: ¿con quién podés hablar, o a dónde podés ir, para no quedarte en"
                        + " soledad cuando estás mal?"
            },
            new String[] {
                "Profesionales y líneas",
                "Paso 4 de 5, profesionales y líneas: ¿a qué profesional, centro de salud o línea de ayuda podés"
                        + " llamar? Si no tenés a nadie, escribí /ayuda y te paso las líneas de tu país."
            },
            new String[] {
                "Un lugar más seguro",
                "Paso 5 de 5, un lugar más seguro: ¿qué podés hacer para alejar o dejar bajo llave lo que podrías"
                        + " usar para hacerte daño, o a quién le podés pedir que lo guarde?"
            });

    private static final String INTRO = "Armemos tu plan de seguridad: una lista corta, con tus palabras, para tener a"
            + " mano en un momento difícil. Son 5 pasos. Escribí tu respuesta a cada uno; si uno no te sale,"
            + " escribí \"saltar\". Para dejarlo, escribí /plan cancelar.";

    private final List<String> answers = new ArrayList<>(STEPS.size());
    private boolean collecting;

    /** Whether the plan is waiting for the answer to a step. */
    public boolean collecting() {
        return collecting;
    }

    /**
     * {@code /plan} with what followed it: starts the plan, shows it when finished, repeats the current step, starts
     * over ({@code nuevo}) or stops ({@code cancelar}).
     */
    public String command(String argument) {
        String word = argument.strip().toLowerCase(java.util.Locale.ROOT);
        if (word.equals("cancelar") || word.equals("salir")) {
            collecting = false;
            return "Listo, dejamos el plan acá. Lo que escribiste queda guardado mientras dure esta conversación;"
                    + " escribí /plan para seguir cuando quieras.";
        }
        if (word.equals("nuevo") || word.equals("borrar")) {
            answers.clear();
            collecting = true;
            return INTRO + "\n" + question();
        }
        if (answers.size() == STEPS.size()) {
            return finished();
        }
        if (collecting) {
            return "Seguimos con tu plan.\n" + question();
        }
        collecting = true;
        return (answers.isEmpty() ? INTRO : "Seguimos con tu plan donde lo dejaste.") + "\n" + question();
    }

    /** Stops waiting for answers (the person needs something else now); {@code /plan} picks it up again. */
    public void pause() {
        collecting = false;
    }

    /** The person's answer to the current step; returns the next question, or the whole plan after the last. */
    public String answer(String text) {
        String answer = text.strip();
        answers.add(answer.equalsIgnoreCase("saltar") ? "" : answer);
        if (answers.size() < STEPS.size()) {
            return "Anotado.\n" + question();
        }
        collecting = false;
        return finished();
    }

    private String question() {
        return STEPS.get(answers.size())[1];
    }

    private String finished() {
        StringBuilder out = new StringBuilder("Este es tu plan de seguridad:");
        for (int i = 0; i < STEPS.size(); i++) {
            String answer = answers.get(i);
            out.append('\n')
                    .append(i + 1)
                    .append(". ")
                    .append(STEPS.get(i)[0])
                    .append(": ")
                    .append(answer.isEmpty() ? "(sin completar)" : answer);
        }
        return out.append("\nGuardalo donde lo encuentres rápido: copialo o sacale una foto, porque PsicoIA lo"
                        + " recuerda solo mientras dure esta conversación. Escribí /plan para verlo otra vez o /plan"
                        + " nuevo para empezar de nuevo.")
                .toString();
    }

    @Override
    public String toString() {
        return "SafetyPlan[answered=" + answers.size() + ", collecting=" + collecting + "]";
    }
}
