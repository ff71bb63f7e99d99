package io.psicoia.domain.safety;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A conversation's risk, built from every message the person sent: the level the service acts on.
 *
 * <p>Rules, in order, for each message about the writer:
 *
 * <ol>
 *   <li>the state rises at once to the message's level;
 *   <li>risk that builds counts: three crisis-level messages (medium or above) among the last {@value #RECENT}
 *       raise it to high; four messages showing distress or more among the last {@value #RECENT} raise it to medium;
 *   <li>a plan or means mentioned while the state is already medium or above makes it imminent ("ya tengo todo
 *       listo" means something else after "no quiero despertar"), and a goodbye after risk is a farewell (high);
 *   <li>it goes down only by {@value #CALM_TURNS_PER_STEP} calm messages in a row (level none) per step, and never
 *       below a floor set by the highest level seen: medium after high or imminent, low after medium. Saying "era
 *       broma" or changing the subject does not lower it.
 * </ol>
 *
 * <p>The state lives beside the conversation, outside the token window, so trimming old turns never drops it. Not
 * thread-safe: update it while holding the conversation's turn.
 */
public final class RiskState {

    static final int RECENT = 6;
    static final int CALM_TURNS_PER_STEP = 8;

    private RiskLevel level = RiskLevel.NONE;
    private RiskLevel peak = RiskLevel.NONE;
    private RiskLevel other = RiskLevel.NONE;
    private int calmTurns;
    private final Deque<RiskLevel> recent = new ArrayDeque<>(RECENT);

    /** Takes one message's triage into account and returns the conversation's level after it. */
    public RiskLevel update(RiskAssessment assessment) {
        RiskLevel message = assessment.subject() == RiskSubject.SELF ? assessment.level() : RiskLevel.NONE;
        if (message == RiskLevel.LOW && isHistoryOnly(assessment)) {
            // A crisis told as past and over ("hace años lo intenté, hoy estoy bien"): the message deserves a gentle
            // word, but it says nothing about how the person is now.
            message = RiskLevel.NONE;
        }
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(message);

        RiskLevel next = RiskLevel.max(level, message);
        if (count(RiskLevel.MEDIUM) >= 3) {
            next = RiskLevel.max(next, RiskLevel.HIGH);
        } else if (count(RiskLevel.LOW) >= 4) {
            next = RiskLevel.max(next, RiskLevel.MEDIUM);
        }
        boolean preparing = assessment.signals().contains(RiskSignal.PLAN)
                || assessment.signals().contains(RiskSignal.MEANS);
        if (preparing && assessment.subject() == RiskSubject.SELF && next.isCrisis()) {
            next = RiskLevel.IMMINENT;
        }
        if (assessment.signals().contains(RiskSignal.GOODBYE) && level.isCrisis()) {
            // "Gracias por todo, adiós" after risk is a farewell.
            next = RiskLevel.max(next, RiskLevel.HIGH);
        }
        if (assessment.subject() == RiskSubject.OTHER) {
            other = RiskLevel.max(other, assessment.level());
        }

        if (message == RiskLevel.NONE && next == level) {
            calmTurns++;
            if (calmTurns >= CALM_TURNS_PER_STEP) {
                calmTurns = 0;
                next = RiskLevel.max(level.lower(), floor());
            }
        } else {
            calmTurns = 0;
        }
        level = next;
        peak = RiskLevel.max(peak, level);
        return level;
    }

    private static boolean isHistoryOnly(RiskAssessment assessment) {
        return assessment.signals().contains(RiskSignal.PAST_RESOLVED)
                && !assessment.signals().contains(RiskSignal.DISTRESS);
    }

    public RiskLevel level() {
        return level;
    }

    /** The highest level seen for someone else the person wrote about ("mi amiga…"), kept separately. */
    public RiskLevel otherLevel() {
        return other;
    }

    /** The highest level this conversation reached. */
    public RiskLevel peak() {
        return peak;
    }

    private RiskLevel floor() {
        if (peak.atLeast(RiskLevel.HIGH)) {
            return RiskLevel.MEDIUM;
        }
        return peak.atLeast(RiskLevel.MEDIUM) ? RiskLevel.LOW : RiskLevel.NONE;
    }

    private int count(RiskLevel atLeast) {
        int n = 0;
        for (RiskLevel seen : recent) {
            if (seen.atLeast(atLeast)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "RiskState[level=" + level + ", peak=" + peak + "]";
    }
}
