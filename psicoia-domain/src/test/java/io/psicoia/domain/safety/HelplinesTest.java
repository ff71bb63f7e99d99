package io.psicoia.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HelplinesTest {

    private final Helplines helplines = Helplines.load();

    @Test
    void everyEntry_hasASource_andWasVerifiedWithinTwelveMonths() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(helplines.all()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.source()).as(line.service()).isNotBlank();
            if (!line.emergency()) {
                assertThat(line.source())
                        .as("a crisis line needs a page: " + line.service())
                        .contains("https://");
            }
            assertThat(line.verifiedOn())
                    .as("verified-on of " + line.country() + " " + line.service())
                    .isAfterOrEqualTo(today.minusMonths(12))
                    .isBeforeOrEqualTo(today);
        });
    }

    @Test
    void requiredCountries_haveACrisisLineAndAnEmergencyNumber() {
        for (String country : new String[] {"AR", "ES", "MX", "CO", "CL", "PE", "US", "GB", "IE"}) {
            assertThat(helplines.forCountry(country)).as(country).anyMatch(line -> !line.emergency());
            assertThat(helplines.emergencyNumbers(country)).as(country).isNotEmpty();
        }
    }

    @Test
    void aLineThatIsNotAllDay_saysItsHours() {
        assertThat(helplines.all())
                .filteredOn(line -> !line.allDay())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.hours()).isNotBlank().doesNotContain("24 h,"));
        assertThat(helplines.forCountry("AR"))
                .filteredOn(line -> line.contact().equals("135"))
                .singleElement()
                .satisfies(line -> assertThat(line.hours()).contains("no es 24 h"));
    }

    @Test
    void givenACountry_whenListed_thenNationalLinesComeFirstAndEmergencyNumbersLast() {
        var colombia = helplines.forCountry("co");
        assertThat(colombia.get(0).region()).isEmpty();
        assertThat(colombia.get(0).emergency()).isFalse();
        assertThat(colombia.get(colombia.size() - 1).emergency()).isTrue();
    }

    @Test
    void givenALocale_whenTheCountryIsKnown_thenItIsUsed_otherwiseNothingIsGuessed() {
        assertThat(helplines.countryOf("es-AR")).contains("AR");
        assertThat(helplines.countryOf("es_MX")).contains("MX");
        assertThat(helplines.countryOf("en-GB")).contains("GB");
        assertThat(helplines.countryOf("es")).isEmpty();
        assertThat(helplines.countryOf("es-UY")).isEmpty();
        assertThat(helplines.countryOf("")).isEmpty();
        assertThat(helplines.countryOf(null)).isEmpty();
    }
}
