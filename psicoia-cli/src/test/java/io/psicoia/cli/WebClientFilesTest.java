package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Static checks on the web client's files ({@code web/} at the repository root), so a change that the gateway's
 * Content-Security-Policy would block, or that renders strings as HTML, fails fast without a browser.
 */
class WebClientFilesTest {

    private static final Path WEB = Path.of("..", "web");
    private static final Path HELPLINES = Path.of(
            "..", "psicoia-domain", "src", "main", "resources", "io", "psicoia", "domain", "safety", "helplines.tsv");

    private static String read(String name) throws IOException {
        return Files.readString(WEB.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void givenThePage_whenRead_thenItHasNoInlineScriptStyleOrHandlers() throws IOException {
        String html = read("index.html");

        Matcher scripts =
                Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("script tag").contains("src=");
            assertThat(scripts.group(2)).as("script body").isBlank();
        }
        assertThat(count).isPositive();
        assertThat(html).doesNotContainPattern("(?i)<style").doesNotContainPattern("(?i)\\sstyle\\s*=");
        assertThat(html).as("inline event handlers").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
        assertThat(html).as("external resources").doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void givenThePage_whenItsAssetsAreListed_thenEachExistsInWeb() throws IOException {
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"").matcher(read("index.html"));
        int count = 0;
        while (assets.find()) {
            count++;
            assertThat(WEB.resolve(assets.group(1))).as(assets.group(1)).isRegularFile();
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
    }

    @Test
    void givenTheScript_whenRead_thenItNeverBuildsHtmlFromStringsOrEvaluatesCode() throws IOException {
        String js = read("app.js");

        for (String forbidden :
                List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
            assertThat(js).as(forbidden).doesNotContain(forbidden);
        }
        assertThat(js).as("setTimeout with a string").doesNotContainPattern("setTimeout\\(\\s*['\"]");
        assertThat(js).as("hard-coded host").doesNotContain("localhost").doesNotContain("ws://1");
        assertThat(js).contains("location.host + '/ws'");
    }

    @Test
    void givenTheStyles_whenRead_thenTheyLoadNothingFromOutside() throws IOException {
        String css = read("styles.css");

        assertThat(css).doesNotContain("@import").doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
        assertThat(css).contains("prefers-reduced-motion").contains("prefers-color-scheme");
    }

    @Test
    void givenTheReadmeHelplines_whenTheUrgentHelpPanelIsBuilt_thenItHasTheSameNumbers() throws IOException {
        String js = read("app.js");

        for (String number :
                List.of("0800-999-0091", "'024'", "800 911 2000", "'123'", "'192'", "'131'", "*4141", "'106'")) {
            assertThat(js).as(number).contains(number);
        }
        for (String number : List.of("'113'", "'988'", "'999'", "'112'", "116 123", "'911'")) {
            assertThat(js).as(number).contains(number);
        }
        assertThat(js).contains("llamá al número de emergencias local");
    }

    @Test
    void givenTheUrgentHelpPanel_whenItsNumbersAreComparedWithHelplinesTsv_thenEachIsThereForItsCountry()
            throws IOException {
        Map<String, Set<String>> shipped = new HashMap<>();
        for (String row : Files.readAllLines(HELPLINES, StandardCharsets.UTF_8)) {
            String[] cells = row.split("\t", -1);
            if (row.startsWith("#") || cells.length < 6 || cells[0].equals("country")) {
                continue;
            }
            String number = dialable(cells[5]);
            if (!number.isEmpty()) {
                shipped.computeIfAbsent(cells[0], country -> new HashSet<>()).add(number);
            }
        }
        String js = read("app.js");
        String resources = js.substring(js.indexOf("const HELP_RESOURCES"), js.indexOf("elsewhere:"));
        String[] countries = resources.split("\\{ region: '");
        assertThat(countries).as("countries in HELP_RESOURCES").hasSizeGreaterThanOrEqualTo(9);

        int numbers = 0;
        for (String country : List.of(countries).subList(1, countries.length)) {
            Set<String> allowed = new HashSet<>(shipped.getOrDefault(country.substring(0, 2), Set.of()));
            Matcher also = Pattern.compile("also: \\[([^\\]]*)\\]").matcher(country);
            if (also.find()) {
                Matcher code = Pattern.compile("'([A-Z]{2})'").matcher(also.group(1));
                while (code.find()) {
                    allowed.addAll(shipped.getOrDefault(code.group(1), Set.of()));
                }
            }
            Matcher shown = Pattern.compile("(?:label|tel): '([^']*)'").matcher(country);
            while (shown.find()) {
                numbers++;
                assertThat(allowed)
                        .as(
                                "%s in %s: a number of app.js missing from helplines.tsv",
                                shown.group(1), country.substring(0, 2))
                        .contains(dialable(shown.group(1)));
            }
        }
        assertThat(numbers).isGreaterThanOrEqualTo(20);
    }

    /** What a person dials for a contact as written: its leading number, digits (and * +) only, as app.js does. */
    private static String dialable(String contact) {
        Matcher lead = Pattern.compile("^[\\s\\d*+().-]+").matcher(contact);
        return lead.find() ? lead.group().replaceAll("[^\\d*+]", "") : "";
    }

    @Test
    void givenBothThemes_whenTextColoursAreCompared_thenEveryPairHasAContrastOfAtLeastFourAndAHalf()
            throws IOException {
        String css = read("styles.css");
        Map<String, String> light = colours(block(css, ":root {"));
        Map<String, String> dark = colours(block(css, ":root[data-theme=\"dark\"] {"));
        assertThat(colours(block(css, ":root:not([data-theme=\"light\"]) {")))
                .as("the system dark theme is the chosen dark theme")
                .isEqualTo(dark);
        List<List<String>> pairs = List.of(
                List.of("text", "bg"),
                List.of("text", "surface"),
                List.of("text", "surface-2"),
                List.of("muted", "bg"),
                List.of("muted", "surface"),
                List.of("muted", "surface-2"),
                List.of("primary-text", "primary"),
                List.of("user-text", "user-bg"),
                List.of("urgent-text", "urgent"),
                List.of("urgent", "surface"),
                List.of("warn-text", "warn-bg"),
                List.of("info-text", "bot-bg"),
                List.of("bad", "surface"));

        for (Map<String, String> theme : List.of(light, dark)) {
            for (List<String> pair : pairs) {
                assertThat(contrast(theme.get(pair.get(0)), theme.get(pair.get(1))))
                        .as(pair + " in " + theme)
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    private static String block(String css, String opening) {
        int start = css.indexOf(opening);
        assertThat(start).as(opening).isNotNegative();
        return css.substring(start, css.indexOf('}', start));
    }

    private static Map<String, String> colours(String block) {
        Map<String, String> colours = new HashMap<>();
        Matcher m = Pattern.compile("--([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6});").matcher(block);
        while (m.find()) {
            colours.put(m.group(1), m.group(2));
        }
        return colours;
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
