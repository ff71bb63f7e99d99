package io.psicoia.adapter.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tengo mucha ansiedad                      | ANXIETY
            Estoy con los nervios de punta            | ANXIETY
            Me dio un ataque de pánico                | ANXIETY
            Siento una tristeza enorme                | SADNESS
            No paro de llorar                         | SADNESS
            Estoy deprimido hace meses                | SADNESS
            Ando con un bajón terrible                | SADNESS
            Me invade la soledad                      | LONELINESS
            Me siento solo en esta ciudad             | LONELINESS
            Estoy sola todo el día                    | LONELINESS
            Vivo con mucho estrés                     | STRESS
            Es un agobio constante                    | STRESS
            Siento mucha presión                      | STRESS
            Tengo un enojo que no se me pasa          | ANGER
            Qué bronca me da todo                     | ANGER
            Siento rabia                              | ANGER
            Me da furia                               | ANGER
            Tengo insomnio                            | INSOMNIA
            No puedo dormir de noche                  | INSOMNIA
            Estoy en pleno duelo                      | GRIEF
            Mi gato murió ayer                        | GRIEF
            Mi tía falleció en marzo                  | GRIEF
            No supero la pérdida de mi trabajo de años | GRIEF
            Mi trabajo me consume                     | WORK
            Mi jefe no me respeta                     | WORK
            Estoy harto del laburo                    | ANGER
            Me llegó el despido                       | WORK
            Mi familia no me escucha                  | FAMILY
            Discutí con mi mamá                       | FAMILY
            Mi papá no me habla                       | FAMILY
            Mis hermanos me ignoran                   | FAMILY
            Mis hijos ya no me visitan                | FAMILY
            Mi pareja está distante                   | RELATIONSHIP
            Mi novio no me contesta                   | RELATIONSHIP
            Mi novia quiere un tiempo                 | RELATIONSHIP
            La ruptura fue hace un mes                | RELATIONSHIP
            Ella me dejó sin explicación              | RELATIONSHIP
            """)
    void givenMessageWithThemeKeyword_whenReading_thenMainThemeIsRecognised(String text, Theme expected) {
        Reading reading = MessageReader.read(text);

        assertThat(reading.intent()).isEqualTo(Reading.Intent.THEME);
        assertThat(reading.themes()).first().isEqualTo(expected);
    }

    @Test
    void givenShoutedAccentlessOrStretchedSpelling_whenReading_thenSameThemeAsPlainSpelling() {
        assertThat(MessageReader.read("ESTOY MUY ANSIOSOOO").themes()).containsExactly(Theme.ANXIETY);
        assertThat(MessageReader.read("tristeza").themes())
                .isEqualTo(MessageReader.read("TRISTEZA").themes())
                .containsExactly(Theme.SADNESS);
        assertThat(MessageReader.read("pánico").themes())
                .isEqualTo(MessageReader.read("panico").themes())
                .containsExactly(Theme.ANXIETY);
        assertThat(MessageReader.read("no puedooo dormiiir").themes()).containsExactly(Theme.INSOMNIA);
    }

    @Test
    void givenFeelingAndAreaOfLife_whenReading_thenFeelingComesFirstAndAreaSecond() {
        Reading reading = MessageReader.read("Mi jefe me tiene con mucha ansiedad");

        assertThat(reading.themes()).containsExactly(Theme.ANXIETY, Theme.WORK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Me quiero matar",
                "A veces pienso en el suicidio",
                "QUIERO MORIR",
                "ya no quiero vivir así",
                "tengo ganas de hacerme daño",
                "Estoy pensando en quitarme la vida",
                "me quiero morir de tristeza",
                "quisiera estar muerta",
                "Me voy a matar"
            })
    void givenSelfHarmLanguage_whenReading_thenRisk(String text) {
        assertThat(MessageReader.read(text).intent()).isEqualTo(Reading.Intent.RISK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "me muero de risa con ese video",
                "Me quiero morir de vergüenza, me caí en la calle",
                "me voy a matar estudiando para el final",
                "me mato trabajando toda la semana",
                "mañana voy a cortarme el pelo",
                "me muero de ganas de verte"
            })
    void givenEverydayIdiom_whenReading_thenNoRisk(String text) {
        assertThat(MessageReader.read(text).intent()).isNotEqualTo(Reading.Intent.RISK);
    }

    @Test
    void givenGreetingThanksOrVagueText_whenReading_thenMatchingIntent() {
        assertThat(MessageReader.read("Hola").intent()).isEqualTo(Reading.Intent.GREETING);
        assertThat(MessageReader.read("buenas tardes, ¿qué tal?").intent()).isEqualTo(Reading.Intent.GREETING);
        assertThat(MessageReader.read("¡Muchas gracias!").intent()).isEqualTo(Reading.Intent.THANKS);
        assertThat(MessageReader.read("mmm").intent()).isEqualTo(Reading.Intent.UNCLEAR);
        assertThat(MessageReader.read("...").intent()).isEqualTo(Reading.Intent.UNCLEAR);
        assertThat(MessageReader.read("no sé").intent()).isEqualTo(Reading.Intent.UNCLEAR);
        assertThat(MessageReader.read("Hoy pasó algo raro y me quedé pensando en eso")
                        .intent())
                .isEqualTo(Reading.Intent.GENERIC);
    }

    @Test
    void givenGreetingFollowedByTheme_whenReading_thenThemeAndGreetedFlag() {
        Reading reading = MessageReader.read("Hola, estoy muy triste");

        assertThat(reading.intent()).isEqualTo(Reading.Intent.THEME);
        assertThat(reading.greeted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ¿Podés creer que mi novia me dejó?           | ¿Puedes creer que mi novia me dejó?
            Vos no entendés lo triste que estoy          | Tú no entiendes lo triste que estoy
            Sabés que no puedo dormir hace días          | Sabes que no puedo dormir hace días
            Che, tengo mucha ansiedad, ¿me entendés?     | Oye, tengo mucha ansiedad, ¿me entiendes?
            Si vos supieras el estrés que tengo          | Si tú supieras el estrés que tengo
            """)
    void givenSameMessageWithVosAndWithTu_whenReading_thenSameReading(String vos, String tu) {
        assertThat(MessageReader.read(vos)).isEqualTo(MessageReader.read(tu));
    }
}
