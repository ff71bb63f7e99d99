package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CareToolTest {

    @Test
    void givenToolNamesInAnyCase_whenParsed_thenTheToolAndItsArgument() {
        assertThat(CareTool.parse("  /AYUDA ")).contains(new CareTool.Request(CareTool.AYUDA, ""));
        assertThat(CareTool.parse("/País  mx")).contains(new CareTool.Request(CareTool.PAIS, "mx"));
        assertThat(CareTool.parse("/plan nuevo")).contains(new CareTool.Request(CareTool.PLAN, "nuevo"));
        assertThat(CareTool.parse("/respiración")).contains(new CareTool.Request(CareTool.RESPIRAR, ""));
        assertThat(CareTool.parse("/algo")).contains(new CareTool.Request(CareTool.UNKNOWN, ""));
    }

    @Test
    void givenOrdinaryText_whenParsed_thenNoTool() {
        assertThat(CareTool.parse("hola /ayuda")).isEqualTo(Optional.empty());
        assertThat(CareTool.parse("/")).isEmpty();
        assertThat(CareTool.parse("/ 123")).isEmpty();
        assertThat(CareTool.parse("1/2 de lo que pensaba")).isEmpty();
    }

    @Test
    void givenAnArgument_whenPrinted_thenItsTextIsNotShown() {
        assertThat(CareTool.parse("/plan mi secreto").orElseThrow().toString()).doesNotContain("secreto");
    }
}
