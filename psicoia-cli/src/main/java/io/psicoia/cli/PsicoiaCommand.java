package io.psicoia.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code psicoia} command: parses the command line, runs a subcommand, and turns every end into an exit code. */
@Command(
        name = "psicoia",
        versionProvider = PsicoiaCommand.Version.class,
        subcommands = {
            ChatCommand.class,
            AppCommand.class,
            GatewayCommand.class,
            ServeCommand.class,
            ConfigCommand.class
        },
        synopsisHeading = "Uso: ",
        descriptionHeading = "%n",
        optionListHeading = "%nOpciones:%n",
        commandListHeading = "%nComandos:%n",
        footerHeading = "%n",
        description = {
            "PsicoIA: un espacio de escucha y apoyo emocional en español.",
            "No reemplaza a una persona profesional. Si estás en peligro, llamá al número de emergencias de tu país."
        },
        footer = {
            "Sin clave ni URL configuradas responde un modo sin conexión, sencillo y amable.",
            "Con GROQ_API_KEY (o LLM_API_KEY) usa el modelo; con LLM_URL, un servidor compatible con OpenAI.",
            "Códigos de salida: 0 bien, 1 falla, 2 uso o configuración inválidos, 3 no se pudo conectar o escuchar,"
                    + " 4 error interno."
        })
final class PsicoiaCommand implements Runnable {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = CommandLine.ScopeType.INHERIT,
            description = "Muestra esta ayuda y termina.")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Muestra la versión y termina.")
    boolean version;

    @Option(
            names = "--stacktrace",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Ante un error interno, muestra el detalle técnico completo.")
    boolean stacktrace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code; never throws. */
    static int run(String[] args, Console console, Map<String, String> environment) {
        return run(args, console, environment, Stopper.signals());
    }

    /** Runs the command line; servers stop when {@code stopper} says so. */
    static int run(String[] args, Console console, Map<String, String> environment, Stopper stopper) {
        return run(args, console, EnvironmentSources.of(environment), stopper);
    }

    /**
     * Runs the command line with the environment completed by the {@code .env} file of the working directory (the
     * real environment wins); a {@code .env} that cannot be read stops with exit 2.
     */
    static int runWithDotEnv(String[] args, Console console, Map<String, String> environment, Path dotEnv) {
        Map<String, String> fromFile;
        try {
            fromFile = DotEnv.read(dotEnv);
        } catch (ConfigException e) {
            PrintWriter err = new PrintWriter(console.err(), true, StandardCharsets.UTF_8);
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        return run(args, console, new EnvironmentSources(environment, fromFile), Stopper.signals());
    }

    static int run(String[] args, Console console, EnvironmentSources sources, Stopper stopper) {
        Map<String, String> environment = sources.merged();
        PrintWriter out = new PrintWriter(console.out(), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(console.err(), true, StandardCharsets.UTF_8);
        PsicoiaCommand root = new PsicoiaCommand();
        CommandLine commandLine = new CommandLine(root, new Factory(console, sources, stopper));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(PsicoiaCommand::onInvalidInput);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> onFailure(e, err, root.stacktrace));
        commandLine.setExitCodeExceptionMapper(PsicoiaCommand::exitCodeOf);
        return commandLine.execute(args);
    }

    private static int onInvalidInput(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(InvalidInput.describe(e) + " Ver: psicoia " + subcommandPath(e) + "--help");
        return ExitCode.USAGE;
    }

    /** "chat " when the error belongs to a subcommand, so the hint points at the right help. */
    private static String subcommandPath(ParameterException e) {
        CommandLine command = e.getCommandLine();
        return command.getParent() == null ? "" : command.getCommandName() + " ";
    }

    private static int onFailure(Exception e, PrintWriter err, boolean stacktrace) {
        int code = exitCodeOf(e);
        if (e instanceof ConfigException || e instanceof CannotConnectException) {
            err.println(e.getMessage());
        } else {
            err.println(
                    "PsicoIA se detuvo por un error interno (" + e.getClass().getSimpleName()
                            + "). Volvé a intentar; si se repite, ejecutá con --stacktrace y reportalo.");
        }
        if (stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static int exitCodeOf(Throwable e) {
        if (e instanceof ConfigException || e instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        if (e instanceof CannotConnectException) {
            return ExitCode.CANNOT_BIND_OR_CONNECT;
        }
        return ExitCode.INTERNAL;
    }

    /** Hands each subcommand the console and the environment. */
    private static final class Factory implements CommandLine.IFactory {
        private final Console console;
        private final EnvironmentSources sources;
        private final Map<String, String> environment;
        private final Stopper stopper;

        private Factory(Console console, EnvironmentSources sources, Stopper stopper) {
            this.console = console;
            this.sources = sources;
            this.environment = sources.merged();
            this.stopper = stopper;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K> K create(Class<K> type) throws Exception {
            if (type == ChatCommand.class) {
                return (K) new ChatCommand(console, environment);
            }
            if (type == AppCommand.class) {
                return (K) new AppCommand(environment, stopper);
            }
            if (type == GatewayCommand.class) {
                return (K) new GatewayCommand(environment, stopper);
            }
            if (type == ServeCommand.class) {
                return (K) new ServeCommand(environment, stopper);
            }
            if (type == ConfigCommand.class) {
                return (K) new ConfigCommand(console, sources, this);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"PsicoIA " + number()};
        }

        /** The version number alone, e.g. {@code 0.1.0}, or {@code desconocida} outside a build. */
        static String number() {
            Properties properties = new Properties();
            try (InputStream in = PsicoiaCommand.class.getResourceAsStream("/psicoia-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version", "desconocida");
        }
    }
}
