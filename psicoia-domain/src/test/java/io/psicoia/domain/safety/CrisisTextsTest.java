package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrisisTextsTest {

    private final Helplines helplines = Helplines.load();
    private final CrisisTexts texts = new CrisisTexts(helplines);

    @Test
    void givenEveryCountryAndLevel_whenANoticeIsWritten_thenItNamesACrisisLineTheEmergencyNumberAndTheHours() {
        for (String country : helplines.countries()) {
            for (RiskLevel level : new RiskLevel[] {RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.IMMINENT}) {
                for (RiskSubject about : new RiskSubject[] {RiskSubject.SELF, RiskSubject.OTHER}) {
                    SafetyNotice notice = texts.notice(level, about, Optional.of(country));
                    Helpline emergency = helplines.emergencyNumbers(country).get(0);
                    Helpline line = helplines.forCountry(country).stream()
                            .filter(entry -> !entry.emergency())
                            .findFirst()
                            .orElseThrow();
                    assertThat(notice.message())
                            .as("%s %s %s", country, level, about)
                            .contains(emergency.contact())
                            .contains(line.contact());
                    assertThat(notice.resources()).contains(line, emergency);
                    for (Helpline entry : notice.resources()) {
                        if (!entry.allDay()) {
                            assertThat(notice.message()).contains(entry.hours());
                        }
                    }
                }
            }
        }
    }

    @Test
    void givenAnUnknownCountry_whenANoticeIsWritten_thenNoNumberIsGuessedAndThePersonIsAskedWhereTheyAre() {
        SafetyNotice notice = texts.notice(RiskLevel.HIGH, RiskSubject.SELF, Optional.empty());

        assertThat(notice.resources()).isEmpty();
        assertThat(notice.message()).contains("/pais", "número de emergencias del lugar donde estés");
        assertThat(notice.toString()).doesNotContain(notice.message());
    }

    @Test
    void givenAnArgentineLineThatIsNotAllDay_whenShown_thenItsHoursAreSaid() {
        String lines = texts.lines(helplines.forCountry("AR"), Optional.of("AR"));

        assertThat(lines).contains("135").contains("no es 24 h");
    }
}
