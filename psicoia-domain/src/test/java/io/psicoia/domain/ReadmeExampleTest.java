package io.psicoia.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, compiled and run exactly as written there. */
class ReadmeExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- library-example:start -->\\s*```java\\n(.*?)```\\s*<!-- library-example:end -->", Pattern.DOTALL);

    @Test
    void givenTheReadmeSnippet_whenCompiledAgainstTheDomainAndRun_thenItStreamsTheReplyAndPrintsTheOutcome(
            @TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher matcher = EXAMPLE.matcher(readme);
        assertThat(matcher.find()).as("README holds the library example").isTrue();
        String source = matcher.group(1);
        assertThat(source.lines().filter(line -> !line.startsWith("import") && !line.isBlank()))
                .as("about ten lines besides imports")
                .hasSizeLessThanOrEqualTo(14);

        Path file = dir.resolve("EcoAmable.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(
                null,
                null,
                null,
                "-encoding",
                "UTF-8",
                "--release",
                "17",
                "-cp",
                Path.of("target", "classes").toString(),
                "-d",
                dir.toString(),
                file.toString());
        assertThat(status).as("javac exit status").isZero();

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {
                    dir.toUri().toURL(), Path.of("target", "classes").toUri().toURL()
                },
                null)) {
            Method main = loader.loadClass("EcoAmable").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly("Te escucho. ¿Qué pasó hoy?", "Reply[complete=true, usage=Optional.empty]");
    }
}
