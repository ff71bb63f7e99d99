package io.psicoia.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Unmatched;

/**
 * {@code psicoia config [COMANDO] [opciones]}: the configuration a command would run with, each value with where it
 * came from (option, environment, {@code .env}, default), secrets masked. Nothing is started.
 */
@Command(
        name = "config",
        description = {
            "Muestra la configuración con la que arrancaría un comando (app, gateway, serve o chat; por defecto serve),"
                    + " y de dónde sale cada valor: opción, entorno, .env o por defecto. Las claves no se muestran.",
            "Acepta las mismas opciones que el comando, para ver cómo quedarían: psicoia config app --port 6000"
        })
final class ConfigCommand implements Callable<Integer> {

    /** Variables read without a flag; their values are never printed. */
    static final List<String> SECRETS = List.of("GROQ_API_KEY", "LLM_API_KEY");

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMANDO", description = "app, gateway, serve o chat.")
    String target = "serve";

    @Unmatched
    List<String> options = new ArrayList<>();

    private final Console console;
    private final EnvironmentSources sources;
    private final CommandLine.IFactory factory;

    ConfigCommand(Console console, EnvironmentSources sources, CommandLine.IFactory factory) {
        this.console = console;
        this.sources = sources;
        this.factory = factory;
    }

    @Override
    public Integer call() {
        if (!List.of("app", "gateway", "serve", "chat").contains(target)) {
            throw new ConfigException("No conozco el comando '" + target
                    + "': se esperaba app, gateway, serve o chat. Ver: psicoia config" + " --help");
        }
        CommandLine root = new CommandLine(new PsicoiaCommand(), factory);
        root.setDefaultValueProvider(new EnvironmentDefaults(sources.merged()));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        List<String> args = new ArrayList<>();
        args.add(target);
        args.addAll(options);
        ParseResult parsed;
        try {
            parsed = root.parseArgs(args.toArray(String[]::new)).subcommand();
        } catch (ParameterException e) {
            throw new ConfigException(InvalidInput.describe(e) + " Ver: psicoia " + target + " --help");
        }
        PrintWriter out = new PrintWriter(console.out(), true, StandardCharsets.UTF_8);
        out.println("Configuración de psicoia " + target + " (opción > entorno > .env > por defecto):");
        out.println();
        for (OptionSpec option : parsed.commandSpec().options()) {
            if (option.usageHelp()
                    || option.versionHelp()
                    || option.longestName().equals("--stacktrace")) {
                continue;
            }
            out.println(line(option, parsed));
        }
        for (String secret : SECRETS) {
            out.println(row(
                    "(sin opción)",
                    secret,
                    sources.merged().getOrDefault(secret, "").isBlank() ? "—" : "definida (oculta)",
                    sources.sourceOf(secret).orElse(EnvironmentSources.Source.DEFAULT)));
        }
        out.flush();
        return ExitCode.OK;
    }

    private String line(OptionSpec option, ParseResult parsed) {
        String variable = option.descriptionKey();
        EnvironmentSources.Source source = parsed.hasMatchedOption(option)
                ? EnvironmentSources.Source.FLAG
                : sources.sourceOf(variable).orElse(EnvironmentSources.Source.DEFAULT);
        Object value = option.getValue();
        String shown = value == null ? implicitDefault(option.longestName(), parsed) : masked(String.valueOf(value));
        return row(option.longestName(), variable == null ? "" : variable, shown, source);
    }

    /** What an option without a value means: defaults that depend on the command or on other options. */
    private String implicitDefault(String option, ParseResult parsed) {
        return switch (option) {
            case "--admin-port" ->
                switch (target) {
                    case "chat" -> "off";
                    case "gateway" -> String.valueOf(GatewayCommand.ADMIN_PORT);
                    default -> String.valueOf(AppCommand.ADMIN_PORT);
                };
            case "--rate-max-messages-per-ip" -> {
                Object perUser =
                        parsed.commandSpec().findOption("--rate-max-messages").getValue();
                yield perUser == null ? "5 × --rate-max-messages" : String.valueOf(5 * (Integer) perUser);
            }
            case "--log-level" -> target.equals("chat") ? "warn" : "info";
            case "--log-format" -> "text";
            case "--llm-url" -> "Groq si hay clave; sin clave ni URL, modo sin conexión";
            case "--default-country" -> "ninguno: se pregunta el país";
            case "--log-file" -> "salida de error";
            default -> "—";
        };
    }

    private static String row(String flag, String variable, String value, EnvironmentSources.Source source) {
        return String.format("%-30s %-28s %s  (%s)", flag, variable, value, source.spanish());
    }

    /** A URL's user and password ({@code https://user:secret@host}) are hidden; anything else is shown. */
    static String masked(String value) {
        return value.replaceAll("(?i)^([a-z][a-z0-9+.-]*://)[^/@\\s]+@", "$1***@");
    }

    @Override
    public String toString() {
        return "ConfigCommand[target=" + target + ", options=" + options.size() + "]";
    }
}
