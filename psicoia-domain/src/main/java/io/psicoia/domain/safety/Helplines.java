package io.psicoia.domain.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The crisis lines and emergency numbers PsicoIA knows, by country, from the data file {@value #RESOURCE} of this
 * module. A country that is not listed has no entry: callers then give the general emergency guidance and ask where
 * the person is, never a guessed number.
 */
public final class Helplines {

    static final String RESOURCE = "helplines.tsv";
    private static final int COLUMNS = 12;

    private final List<Helpline> all;

    Helplines(List<Helpline> all) {
        this.all = List.copyOf(all);
    }

    /** The lines shipped with this module. */
    public static Helplines load() {
        try (InputStream in = Helplines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Helplines read(BufferedReader reader) throws IOException {
        List<Helpline> lines = new ArrayList<>();
        boolean header = true;
        int number = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS) {
                throw new IllegalStateException(
                        RESOURCE + " line " + number + ": " + f.length + " columns, expected " + COLUMNS);
            }
            lines.add(new Helpline(
                    f[0],
                    f[1],
                    f[2].equals("emergency"),
                    f[3],
                    f[4],
                    f[5],
                    f[6],
                    f[7],
                    f[8],
                    f[9],
                    f[10],
                    LocalDate.parse(f[11])));
        }
        return new Helplines(lines);
    }

    public List<Helpline> all() {
        return all;
    }

    /** The countries with at least one entry, in file order. */
    public Set<String> countries() {
        Set<String> countries = new LinkedHashSet<>();
        all.forEach(line -> countries.add(line.country()));
        return countries;
    }

    /** A country's entries: crisis lines for the whole country first, then regional ones, then emergency numbers. */
    public List<Helpline> forCountry(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        return all.stream()
                .filter(line -> line.country().equals(code))
                .sorted(Comparator.comparing(Helpline::emergency)
                        .thenComparing(line -> !line.region().isEmpty()))
                .toList();
    }

    /** The emergency numbers of a country. */
    public List<Helpline> emergencyNumbers(String country) {
        return forCountry(country).stream().filter(Helpline::emergency).toList();
    }

    /**
     * The country of a locale tag ({@code es-AR}, {@code es_MX}, {@code en-GB}), when PsicoIA has lines for it.
     * Language alone ({@code es}) says nothing about where someone is, so it gives no country.
     */
    public Optional<String> countryOf(String localeTag) {
        if (localeTag == null || localeTag.isBlank()) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(localeTag.trim().replace('_', '-'));
        String country = locale.getCountry().toUpperCase(Locale.ROOT);
        if (country.equals("UK")) {
            country = "GB";
        }
        return countries().contains(country) ? Optional.of(country) : Optional.empty();
    }
}
