package io.psicoia.domain.safety;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One way of reaching a crisis line or an emergency number, with where the fact comes from.
 *
 * @param country ISO 3166 alpha-2 code ({@code AR}, {@code ES}…; the United Kingdom is {@code GB})
 * @param region empty for the whole country, otherwise the region it serves ("Bogotá")
 * @param emergency an emergency number rather than a crisis line
 * @param service its name, as a person would recognise it
 * @param channel how: {@code call}, {@code text} or {@code whatsapp}
 * @param contact what to dial or where to write, as people write it
 * @param hours "24 h", or the hours it answers, or that they are not known
 * @param cost what it costs, when known
 * @param languages the languages it answers in, when known
 * @param confidence how the fact was checked (V1 own page, V2 national press, national-number, unverified)
 * @param source the pages that state it
 * @param verifiedOn when it was last checked
 */
public record Helpline(
        String country,
        String region,
        boolean emergency,
        String service,
        String channel,
        String contact,
        String hours,
        String cost,
        String languages,
        String confidence,
        String source,
        LocalDate verifiedOn) {

    public Helpline {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verifiedOn, "verifiedOn");
    }

    /** Whether it answers at any hour. */
    public boolean allDay() {
        return hours.equals("24 h");
    }
}
