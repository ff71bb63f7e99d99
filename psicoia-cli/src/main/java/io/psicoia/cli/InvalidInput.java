package io.psicoia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Turns picocli's parse errors into one Spanish line that names the flag and its environment variable. */
final class InvalidInput {

    private InvalidInput() {}

    static String describe(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "No reconozco: " + String.join(" ", unmatched.getUnmatched()) + ".";
        }
        if (e instanceof CommandLine.MissingParameterException) {
            return "Falta un valor: " + e.getMessage();
        }
        ArgSpec spec = e.getArgSpec();
        if (spec instanceof OptionSpec option) {
            String variable = EnvironmentDefaults.variableOf(option);
            String where = option.longestName() + (variable.isEmpty() ? "" : " (variable " + variable + ")");
            String expected = reason(e);
            String value = e.getValue() == null ? "" : " Recibí: '" + e.getValue() + "'.";
            return "Valor inválido para " + where + ": " + expected + "." + value;
        }
        return "Entrada inválida: " + e.getMessage();
    }

    private static String reason(ParameterException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TypeConversionException conversion) {
                return conversion.getMessage();
            }
        }
        return "valor no válido";
    }
}
