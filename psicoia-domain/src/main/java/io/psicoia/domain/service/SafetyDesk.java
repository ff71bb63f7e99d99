package io.psicoia.domain.service;

import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.safety.CareTexts;
import io.psicoia.domain.safety.CareTool;
import io.psicoia.domain.safety.CrisisTexts;
import io.psicoia.domain.safety.Helplines;
import io.psicoia.domain.safety.OutputCheck;
import io.psicoia.domain.safety.RiskAssessment;
import io.psicoia.domain.safety.RiskLevel;
import io.psicoia.domain.safety.RiskState;
import io.psicoia.domain.safety.RiskSubject;
import io.psicoia.domain.safety.RiskTriage;
import io.psicoia.domain.safety.SafetyNotice;
import io.psicoia.domain.safety.SafetyPlan;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The safety layer in front of the chat: reads every message before any limit does, keeps each conversation's risk
 * state, answers the tools ({@code /ayuda}, {@code /respirar}…), and says what a message needs: a notice at once, a
 * fixed local reply, the model, and whether no limit may hold it back.
 */
final class SafetyDesk {

    private final RiskTriage triage;
    private final Helplines helplines;
    private final CrisisTexts texts;
    private final OutputCheck outputCheck = new OutputCheck();
    private final Optional<String> defaultCountry;

    SafetyDesk(RiskTriage triage, Helplines helplines, Optional<String> defaultCountry) {
        this.triage = Objects.requireNonNull(triage, "triage");
        this.helplines = Objects.requireNonNull(helplines, "helplines");
        this.texts = new CrisisTexts(helplines);
        this.defaultCountry = defaultCountry.map(code -> {
            String upper = code.toUpperCase(Locale.ROOT);
            if (!helplines.countries().contains(upper)) {
                throw new IllegalArgumentException("no helplines for default country " + upper);
            }
            return upper;
        });
        warmUp();
    }

    /**
     * Runs the path of a message at risk once, on a throwaway state, so that the first person in crisis after a start
     * does not wait for classes to load and code to warm.
     */
    private void warmUp() {
        Care care = new Care();
        for (String sample : new String[] {"hoy fue un día largo", "ya no aguanto más, esta noche me quiero matar"}) {
            RiskAssessment assessment = triage.assess(sample);
            care.risk.update(assessment);
        }
        texts.notice(
                RiskLevel.HIGH,
                RiskSubject.SELF,
                Optional.of(helplines.countries().iterator().next()));
        texts.notice(RiskLevel.MEDIUM, RiskSubject.OTHER, Optional.empty());
        outputCheck.harmful("Sigo acá con vos.");
        modelNote(care);
    }

    /** One conversation's safety state: kept beside the conversation, outside the token window. */
    static final class Care {
        private final RiskState risk = new RiskState();
        private final SafetyPlan plan = new SafetyPlan();
        /** The level the person was last given the full notice for. */
        private RiskLevel notified = RiskLevel.NONE;
        /** Chosen with {@code /pais}; wins over the locale. */
        private String chosenCountry;
        /** From the locale of the latest message that had one. */
        private String localeCountry;

        @Override
        public String toString() {
            return "Care[" + risk + "]";
        }
    }

    /**
     * What a message needs.
     *
     * @param notice to send at once, before anything else
     * @param localReply a fixed reply that answers the message instead of the model
     * @param toModel whether the model answers it
     * @param urgent whether no limit may refuse or delay it (risk, or a tool)
     * @param tool the tool it asked for, if any
     */
    record Intake(
            Optional<SafetyNotice> notice,
            Optional<String> localReply,
            boolean toModel,
            boolean urgent,
            Optional<CareTool> tool) {
        static final Intake ORDINARY = new Intake(Optional.empty(), Optional.empty(), true, false, Optional.empty());

        static Intake tool(CareTool tool, String reply) {
            return new Intake(Optional.empty(), Optional.of(reply), false, true, Optional.of(tool));
        }
    }

    /** Reads a message into its conversation's care state; call in the order the messages were sent. */
    Intake intake(Care care, SendMessageCommand command) {
        synchronized (care) {
            command.locale().flatMap(helplines::countryOf).ifPresent(code -> care.localeCountry = code);
            Optional<CareTool.Request> tool = CareTool.parse(command.text());
            if (tool.isPresent()) {
                return tool(care, tool.get());
            }
            RiskAssessment assessment = triage.assess(command.text());
            RiskLevel before = care.risk.level();
            RiskLevel after = care.risk.update(assessment);
            Optional<SafetyNotice> notice = notice(care, assessment, before, after);
            if (notice.isPresent() && notice.get().about() == RiskSubject.SELF) {
                care.plan.pause();
            }
            if (care.plan.collecting()) {
                return new Intake(notice, Optional.of(care.plan.answer(command.text())), false, true, Optional.empty());
            }
            boolean urgent = notice.isPresent() || after.isCrisis();
            return notice.isEmpty() && !urgent
                    ? Intake.ORDINARY
                    : new Intake(notice, Optional.empty(), true, urgent, Optional.empty());
        }
    }

    private Optional<SafetyNotice> notice(Care care, RiskAssessment assessment, RiskLevel before, RiskLevel after) {
        return noticeFor(care, assessment, before, after).map(notice -> withCountryHint(care, notice));
    }

    /**
     * A country that came from the locale or the service's default is a likely guess, not the person's word: the
     * notice says whose lines these are and how to change them.
     */
    private SafetyNotice withCountryHint(Care care, SafetyNotice notice) {
        if (care.chosenCountry != null || notice.country().isEmpty()) {
            return notice;
        }
        String hint =
                "\n(Son líneas de " + CareTexts.countryName(notice.country().get())
                        + ". Si estás en otro país, escribí /pais y su código, por ejemplo /pais "
                        + (notice.country().get().equals("MX") ? "AR" : "MX") + ".)";
        return new SafetyNotice(
                notice.level(), notice.about(), notice.message() + hint, notice.resources(), notice.country());
    }

    private Optional<SafetyNotice> noticeFor(Care care, RiskAssessment assessment, RiskLevel before, RiskLevel after) {
        boolean selfCrisis =
                assessment.subject() == RiskSubject.SELF && assessment.level().isCrisis();
        boolean rose = after.isCrisis() && !before.atLeast(after);
        if (selfCrisis || rose) {
            Optional<String> country = country(care);
            if (care.notified.atLeast(after)) {
                return Optional.of(texts.reminder(after, country));
            }
            care.notified = after;
            return Optional.of(texts.notice(after, RiskSubject.SELF, country));
        }
        if (assessment.subject() == RiskSubject.OTHER && assessment.level().isCrisis()) {
            return Optional.of(texts.notice(assessment.level(), RiskSubject.OTHER, country(care)));
        }
        return Optional.empty();
    }

    private Intake tool(Care care, CareTool.Request request) {
        return switch (request.tool()) {
            case AYUDA ->
                new Intake(
                        Optional.of(withCountryHint(care, texts.help(care.risk.level(), country(care)))),
                        Optional.empty(),
                        false,
                        true,
                        Optional.of(CareTool.AYUDA));
            case RESPIRAR -> Intake.tool(CareTool.RESPIRAR, CareTexts.BREATHING);
            case ANCLAJE -> Intake.tool(CareTool.ANCLAJE, CareTexts.GROUNDING);
            case PLAN -> Intake.tool(CareTool.PLAN, care.plan.command(request.argument()));
            case PAIS -> Intake.tool(CareTool.PAIS, chooseCountry(care, request.argument()));
            case UNKNOWN -> Intake.tool(CareTool.UNKNOWN, CareTexts.UNKNOWN_TOOL);
        };
    }

    private String chooseCountry(Care care, String argument) {
        String code = argument.strip().toUpperCase(Locale.ROOT);
        if (code.equals("UK")) {
            code = "GB";
        }
        if (helplines.countries().contains(code)) {
            care.chosenCountry = code;
            return CareTexts.countryChosen(code);
        }
        return CareTexts.countryUnknown(code, helplines.countries());
    }

    /** The country whose lines a person is shown: the one they chose, their locale's, the service's default. */
    private Optional<String> country(Care care) {
        if (care.chosenCountry != null) {
            return Optional.of(care.chosenCountry);
        }
        if (care.localeCountry != null) {
            return Optional.of(care.localeCountry);
        }
        return defaultCountry;
    }

    /** The instruction to pin for the model now, or null when the conversation shows no risk. */
    String modelNote(Care care) {
        synchronized (care) {
            if (care.risk.level().isCrisis()) {
                return texts.modelNote(care.risk.level(), RiskSubject.SELF, country(care));
            }
            if (care.risk.otherLevel().isCrisis()) {
                return texts.modelNote(care.risk.otherLevel(), RiskSubject.OTHER, country(care));
            }
            return null;
        }
    }

    /** The follow-up for a message at risk that the model could not answer. */
    String fallback(Care care) {
        synchronized (care) {
            return texts.fallback(country(care));
        }
    }

    /** What replaces the rest of a reply that failed the output check. */
    String replacement(Care care) {
        synchronized (care) {
            return texts.replacement(country(care));
        }
    }

    OutputCheck outputCheck() {
        return outputCheck;
    }
}
