package io.psicoia.adapter.llm.offline;

import io.psicoia.domain.model.Message;
import io.psicoia.domain.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes one offline reply for a conversation: reads the newest user message, picks sentences from
 * {@link ReplyCatalogue}, and steers away from sentences it already used in the replies it can see.
 */
final class ReplyWriter {

    private ReplyWriter() {}

    static String write(List<Message> messages, RandomGenerator random) {
        return write(messages, random, ReplyCatalogue.OFFLINE_NOTICE);
    }

    /** A reply whose first one opens with {@code notice}. */
    static String write(List<Message> messages, RandomGenerator random, String notice) {
        List<String> previousReplies = messages.stream()
                .filter(m -> m.role() == Role.ASSISTANT)
                .map(Message::text)
                .toList();
        String newest = newestUserText(messages);
        Reading reading = MessageReader.read(newest);
        boolean firstReply = previousReplies.isEmpty();

        if (reading.intent() == Reading.Intent.RISK) {
            // Safety comes before anything else, so the setup notice is left out of this reply.
            return pick(ReplyCatalogue.RISK_REPLIES, previousReplies, random) + " " + ReplyCatalogue.RISK_CLOSING;
        }

        List<String> sentences = new ArrayList<>();
        if (firstReply) {
            sentences.add(notice);
        }
        ReplyCatalogue.Phrasing phrasing = phrasingFor(reading);
        if (reading.greeted() && reading.intent() != Reading.Intent.GREETING) {
            sentences.add(ReplyCatalogue.GREETING_PREFIX);
        }
        sentences.add(pick(phrasing.openings(), previousReplies, random));
        if (reading.themes().size() > 1
                && !impliedBy(reading.themes().get(0), reading.themes().get(1))) {
            sentences.add(ReplyCatalogue.forTheme(reading.themes().get(1)).alsoNote());
        }
        sentences.add(pick(phrasing.questions(), previousReplies, random));
        return String.join(" ", sentences);
    }

    private static String newestUserText(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    /** A loss usually names who was lost ("murió mi mamá"); naming the family again would sound careless. */
    private static boolean impliedBy(Theme main, Theme second) {
        return main == Theme.GRIEF && (second == Theme.FAMILY || second == Theme.RELATIONSHIP);
    }

    private static ReplyCatalogue.Phrasing phrasingFor(Reading reading) {
        switch (reading.intent()) {
            case THEME:
                return ReplyCatalogue.forTheme(reading.themes().get(0));
            case GREETING:
                return ReplyCatalogue.GREETING;
            case THANKS:
                return ReplyCatalogue.THANKS;
            case UNCLEAR:
                return ReplyCatalogue.UNCLEAR;
            default:
                return ReplyCatalogue.GENERIC;
        }
    }

    /**
     * Chooses one option at random, preferring options absent from every earlier reply, then options absent from
     * the latest reply, and only then any option.
     */
    static String pick(List<String> options, List<String> previousReplies, RandomGenerator random) {
        List<String> fresh = options.stream()
                .filter(o -> previousReplies.stream().noneMatch(r -> r.contains(o)))
                .toList();
        if (fresh.isEmpty() && !previousReplies.isEmpty()) {
            String latest = previousReplies.get(previousReplies.size() - 1);
            fresh = options.stream().filter(o -> !latest.contains(o)).toList();
        }
        List<String> pool = fresh.isEmpty() ? options : fresh;
        return pool.get(random.nextInt(pool.size()));
    }
}
