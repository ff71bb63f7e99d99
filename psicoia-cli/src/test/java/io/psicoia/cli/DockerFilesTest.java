package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Static checks on the Docker packaging ({@code docker/Dockerfile}, {@code docker/compose.yaml}, {@code .env.example}
 * at the repository root). No engine runs on the machines that build PsicoIA, so this is what keeps the files honest:
 * line-based, no YAML library. {@code .ci/run} also has Compose parse the compose file.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
    private static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    private static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");
    private static final Path README = ROOT.resolve("README.md");

    /** Settings not (yet) in the README's table that a deployer may still set. */
    private static final Set<String> EXTRA_SETTINGS = Set.of("ADMIN_HOST", "ADMIN_PORT");

    private static final Pattern SECRET = Pattern.compile(".*(KEY|SECRET|TOKEN|PASSWORD).*");

    @Test
    void givenDockerfile_whenRead_thenItBuildsOnAJdkAndRunsOnlyTheJarAsNonRootOnAJre17() throws IOException {
        List<String> lines = instructions(read(DOCKERFILE));

        List<String> froms = withKeyword(lines, "FROM");
        assertThat(froms).as("build and runtime stages").hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.get(0)).containsPattern("(?i)jdk").contains("17").contains(" AS ");
        String runtimeBase = froms.get(froms.size() - 1);
        assertThat(runtimeBase).containsPattern("(?i)jre").contains(":17");

        List<String> runtime = lines.subList(lines.lastIndexOf(runtimeBase), lines.size());
        List<String> users = withKeyword(runtime, "USER");
        assertThat(users).as("runtime USER").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER".length()).strip();
        assertThat(user).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");

        assertThat(withKeyword(runtime, "COPY"))
                .as("the runtime stage copies the jar and nothing else")
                .singleElement()
                .satisfies(copy -> assertThat(copy).contains("--from=").endsWith("/app/psicoia.jar"));
        assertThat(withKeyword(runtime, "ADD")).isEmpty();

        assertThat(withKeyword(runtime, "HEALTHCHECK"))
                .singleElement()
                .satisfies(check -> assertThat(check)
                        .contains("/healthz")
                        .contains("ADMIN_PORT")
                        .contains("9464")
                        .contains("9465")
                        .doesNotContain("curl")
                        .doesNotContain("wget"));

        assertThat(withKeyword(runtime, "ENTRYPOINT"))
                .singleElement()
                .satisfies(entry -> assertThat(entry)
                        .as("exec form, so java is PID 1 and gets SIGTERM")
                        .matches("ENTRYPOINT \\[\\s*\"java\",.*\"-jar\",\\s*\"/app/psicoia.jar\"\\s*]")
                        .contains("MaxRAMPercentage")
                        .contains("ExitOnOutOfMemoryError"));
        assertThat(withKeyword(runtime, "CMD")).containsExactly("CMD [\"serve\"]");
        assertThat(withKeyword(runtime, "EXPOSE"))
                .singleElement()
                .satisfies(expose ->
                        assertThat(expose).contains("5001").contains("8765").doesNotContain("946"));
    }

    @Test
    void givenDockerfile_whenBuilding_thenMavenRunsThroughTheWrapperWithoutTestsAfterThePoms() throws IOException {
        List<String> lines = instructions(read(DOCKERFILE));
        String text = String.join("\n", lines);

        assertThat(text).contains("./mvnw").contains("-pl psicoia-cli -am").contains("-DskipTests");
        int firstPom = indexOfFirst(lines, "COPY psicoia-");
        int firstSource = indexOfFirst(lines, "/src psicoia-");
        assertThat(firstPom).isNotNegative();
        assertThat(firstSource).as("sources come after the dependency layer").isGreaterThan(firstPom);
        assertThat(lines.subList(firstPom, firstSource))
                .as("the dependency layer is warmed before sources arrive")
                .anyMatch(line -> line.startsWith("RUN ") && line.contains("./mvnw"));
        for (String module : reactorModules()) {
            assertThat(text).as("every reactor pom is in the image build").contains("COPY " + module + "/pom.xml");
        }
    }

    @Test
    void givenDockerignore_whenRead_thenBuildOutputHistoryAndSecretsStayOut() throws IOException {
        List<String> entries = read(ROOT.resolve(".dockerignore"));

        assertThat(entries).contains("**/target/", ".git", ".env", "!.env.example");
    }

    @Test
    void givenCompose_whenRead_thenAppAndGatewayAreBuiltHereHealthGatedAndRestarted() throws IOException {
        List<String> lines = read(COMPOSE);
        Map<String, List<String>> services = services(lines);

        assertThat(services).containsKeys("app", "gateway");
        String text = String.join("\n", lines);
        assertThat(text).contains("context: ..").contains("dockerfile: docker/Dockerfile");
        assertThat(text).contains("restart: unless-stopped");
        String app = String.join("\n", services.get("app"));
        String gateway = String.join("\n", services.get("gateway"));
        assertThat(app).contains("command: [\"app\"]");
        assertThat(gateway)
                .contains("command: [\"gateway\"]")
                .contains("TCP_HOST: app")
                .contains("TCP_PORT: ${APP_PORT:-5001}")
                .containsPattern("depends_on:\\s*\\n\\s*app:\\s*\\n\\s*condition: service_healthy");
        boolean composeHealthcheck = text.contains("healthcheck:");
        boolean imageHealthcheck = read(DOCKERFILE).stream().anyMatch(line -> line.startsWith("HEALTHCHECK "));
        assertThat(composeHealthcheck || imageHealthcheck).isTrue();
    }

    @Test
    void givenCompose_whenPortsAreMapped_thenTheContainerListensOnTheSamePortItPublishes() throws IOException {
        Map<String, List<String>> services = services(read(COMPOSE));
        String app = String.join("\n", services.get("app"));
        String gateway = String.join("\n", services.get("gateway"));

        assertThat(app)
                .containsPattern("\"(127\\.0\\.0\\.1:)?\\$\\{APP_PORT:-5001}:\\$\\{APP_PORT:-5001}\"")
                .contains("APP_PORT: ${APP_PORT:-5001}")
                .contains("APP_HOST: 0.0.0.0")
                .as("the gateway's address on the compose network is trusted for `peer`")
                .containsPattern("TRUSTED_PROXIES: \\$\\{TRUSTED_PROXIES:-[^}]*172\\.16\\.0\\.0/12");
        assertThat(gateway)
                .contains("\"${WS_PORT:-8765}:${WS_PORT:-8765}\"")
                .contains("WS_PORT: ${WS_PORT:-8765}")
                .contains("WS_HOST: 0.0.0.0");
    }

    @Test
    void givenCompose_whenNoEnvFileExists_thenNothingRequiresOne() throws IOException {
        List<String> lines = read(COMPOSE);

        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("env_file:")) {
                String rest = String.join("\n", lines.subList(i, Math.min(i + 4, lines.size())));
                assertThat(rest).as("an env_file must be optional").contains("required: false");
            }
        }
    }

    @Test
    void givenCompose_whenASettingIsSet_thenItReachesTheContainers() throws IOException {
        String compose = String.join("\n", read(COMPOSE));

        for (String variable : settings()) {
            assertThat(compose)
                    .as("%s is passed to the containers or set by compose", variable)
                    .containsPattern("(?m)^\\s+" + variable + ":");
        }
        assertThat(compose)
                .as("the gateway never gets the model's key")
                .doesNotContainPattern("(?s)x-psicoia-gateway-settings:[^\\n]*\\n(  [^\\n]*\\n)*  GROQ_API_KEY");
    }

    @Test
    void givenEnvExample_whenRead_thenItListsEverySettingAndNoSecret() throws IOException {
        List<String> lines = read(ENV_EXAMPLE);
        Map<String, String> listed = new LinkedHashMap<>();
        Pattern assignment = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$");
        for (String line : lines) {
            Matcher m = assignment.matcher(line.strip());
            if (m.matches()) {
                listed.put(m.group(1), line.startsWith("#") ? "" : m.group(2));
            }
        }

        assertThat(listed.keySet()).containsAll(settings());
        assertThat(listed).containsEntry("GROQ_API_KEY", "");
        listed.forEach((name, value) -> {
            if (SECRET.matcher(name).matches()) {
                assertThat(value).as("secret %s is empty", name).isEmpty();
            }
        });
        assertThat(lines)
                .as("LLM_URL set, even to the default, turns the offline mode off: it stays commented")
                .noneMatch(line -> line.startsWith("LLM_URL="))
                .as("no comment after a value: Compose 1.x would keep it as part of the value")
                .noneMatch(line -> line.matches("^[A-Z][A-Z0-9_]*=.*\\s#.*"));
    }

    @Test
    void givenReadme_whenTheConfigurationTableIsParsed_thenItNamesTheKnownSettings() throws IOException {
        assertThat(readmeVariables())
                .as("the parser still finds the table")
                .contains("GROQ_API_KEY", "LLM_API_KEY", "APP_PORT", "WS_PORT", "TRUSTED_PROXIES", "LOG_FILE")
                .hasSizeGreaterThan(30);
    }

    /** Variables in the README's "Configuración" table (first column; a cell may name two), plus the extras. */
    private static Set<String> settings() throws IOException {
        Set<String> all = new LinkedHashSet<>(readmeVariables());
        all.addAll(EXTRA_SETTINGS);
        return all;
    }

    private static Set<String> readmeVariables() throws IOException {
        List<String> lines = read(README);
        int start = lines.indexOf("## Configuración");
        assertThat(start).as("README section").isNotNegative();
        Set<String> variables = new LinkedHashSet<>();
        Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("| Variable")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable && !line.startsWith("|---")) {
                String firstCell = line.split("\\|")[1];
                Matcher m = name.matcher(firstCell);
                while (m.find()) {
                    variables.add(m.group(1));
                }
            }
        }
        return variables;
    }

    /** The root POM's modules. */
    private static List<String> reactorModules() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher m =
                Pattern.compile("<module>([^<]+)</module>").matcher(String.join("\n", read(ROOT.resolve("pom.xml"))));
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertThat(modules).isNotEmpty();
        return modules;
    }

    /** Each top-level service's lines, from the compose file's {@code services:} block (two-space indentation). */
    private static Map<String, List<String>> services(List<String> lines) {
        Map<String, List<String>> services = new LinkedHashMap<>();
        int start = lines.indexOf("services:");
        assertThat(start).as("services:").isNotNegative();
        String current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                break;
            }
            if (line.matches("^  [a-z][a-z0-9_-]*:\\s*$")) {
                current = line.strip().replace(":", "");
                services.put(current, new ArrayList<>());
            } else if (current != null) {
                services.get(current).add(line);
            }
        }
        return services;
    }

    /** Dockerfile instructions: comments and blank lines dropped, continuation lines joined. */
    private static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            instructions.add(current.toString());
            current.setLength(0);
        }
        return instructions;
    }

    private static List<String> withKeyword(List<String> instructions, String keyword) {
        return instructions.stream()
                .filter(line -> line.startsWith(keyword + " "))
                .toList();
    }

    private static int indexOfFirst(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> read(Path path) throws IOException {
        return Files.readAllLines(path, StandardCharsets.UTF_8);
    }
}
