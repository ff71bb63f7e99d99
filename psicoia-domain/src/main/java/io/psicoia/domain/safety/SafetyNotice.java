package io.psicoia.domain.safety;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person reads at once when a message shows risk, or when they ask for help: a warm, fixed Spanish text and
 * the lines to reach, sent before any reply of the model.
 *
 * @param level the conversation's risk level it answers ({@link RiskLevel#NONE} when the person asked with
 *     {@code /ayuda} and showed no risk)
 * @param about whose risk: the writer's ({@link RiskSubject#SELF}) or someone they told about ({@link
 *     RiskSubject#OTHER})
 * @param message the text to show, which already names the lines; never logged
 * @param resources the crisis lines and emergency numbers it names, crisis lines first
 * @param country the country they are for; empty when it is not known (the text then asks where the person is)
 */
public record SafetyNotice(
        RiskLevel level, RiskSubject about, String message, List<Helpline> resources, Optional<String> country) {

    public SafetyNotice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(message, "message");
        resources = List.copyOf(resources);
        Objects.requireNonNull(country, "country");
    }

    @Override
    public String toString() {
        return "SafetyNotice[level=" + level + ", about=" + about + ", chars=" + message.length() + ", resources="
                + resources.size() + ", country=" + country.orElse("unknown") + "]";
    }
}
