package io.psicoia.cli;

import io.psicoia.domain.safety.Helplines;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Settings of the safety layer. */
final class SafetyOptions {

    @Option(
            names = "--default-country",
            descriptionKey = "DEFAULT_COUNTRY",
            paramLabel = "XX",
            converter = CountryCode.class,
            description = "País cuyas líneas de crisis se muestran cuando ni la persona (/pais) ni su navegador dicen"
                    + " dónde está: AR, ES, MX, CO, CL, PE, US, GB o IE. Variable DEFAULT_COUNTRY; sin valor no se"
                    + " adivina: se da la guía de emergencias y se pregunta el país.")
    String defaultCountry;

    Optional<String> defaultCountry() {
        return Optional.ofNullable(defaultCountry);
    }

    /** A country PsicoIA has verified crisis lines for. */
    static final class CountryCode implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String code = value.strip().toUpperCase(Locale.ROOT);
            var known = Helplines.load().countries();
            if (!known.contains(code)) {
                throw new TypeConversionException("se esperaba el código de un país con líneas de ayuda cargadas ("
                        + String.join(", ", known) + ")");
            }
            return code;
        }
    }
}
