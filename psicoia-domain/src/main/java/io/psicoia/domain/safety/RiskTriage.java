package io.psicoia.domain.safety;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one message and says how much risk of suicide or self-harm it shows, and whose: deterministic, no model, a few
 * microseconds per message, so it works offline, under load and when every provider is down.
 *
 * <p>Spanish first, in its regional forms, English second. The text is folded first ({@link SafetyNormalizer}: case,
 * accents, repeated letters, digits for letters, spelled-out words, shorthands). Then:
 *
 * <ol>
 *   <li>lines of songs and quoted sentences are set aside when the message says it is quoting;
 *   <li>idioms that use death words for something else ("me muero de risa", "me mata este trabajo") are blanked out;
 *   <li>phrases are looked for by kind ({@link RiskSignal}); a first-person phrase right after "no", "nunca"… counts
 *       as negated, and a crisis told as past (with its time: "hace años") counts as past;
 *   <li>the level follows from the combination: an act in progress, or intent with a plan, means, a time or a place,
 *       is imminent; intent, method questions, a recent attempt or a farewell are high; passive wishes, self-harm
 *       and giving things away are medium; distress alone is low.
 * </ol>
 *
 * <p>When nothing points at the writer but someone else is described at risk, the subject is {@link
 * RiskSubject#OTHER} with that person's level; questions in general terms are {@link RiskSubject#GENERAL}, level none.
 *
 * <p>Thread-safe and stateless; the conversation-level view is {@link RiskState}.
 */
public final class RiskTriage {

    // Ways of ending one's own life, in the first person (the triage never explains any of them).
    private static final String SELF_KILL = "(matarme|suicidarme|suicidar me|quitarme la vida|sacarme la vida"
            + "|terminar con mi vida|acabar con mi vida|terminar con todo|acabar con todo|terminar con esto"
            + "|acabar con esto|morirme|darme un tiro|pegarme un tiro|ahorcarme|envenenarme|cortarme las venas"
            + "|tirarme (de|del|desde|por) ~ (puente|balcón|ventana|edificio|piso|techo|azotea|terraza|acantilado)"
            + "|tirarme (a|al|bajo|abajo del|debajo del|debajo de un) (tren|subte|metro|auto|camión|colectivo|las vías"
            + "|un auto|un camión|un tren|un colectivo|un bus|bus))";

    private static final PhraseSet IDIOMS = PhraseSet.of(
            "(me|te|se) (muero|moría|morí|muera|moriría|voy a morir|estoy muriendo|iba a morir|muere|murió) (de|del) ~"
                    + " (risa|vergüenza|hambre|sueño|frío|calor|ganas|envidia|amor|aburrimiento|miedo|susto|nervios"
                    + "|ternura|emoción|cansancio|sed|dolor de|lindo|celos|asco|gusto|curiosidad|intriga|alegría"
                    + "|felicidad)",
            "(me|te|se) (quiero|quise|quería|quiere) morir (de|del) (la |)(risa|vergüenza|ganas|amor|ternura|celos"
                    + "|envidia|asco|aburrimiento|hambre|sueño|frío|calor|emoción|nervios)",
            "(morirme|morir|muriendo|muerto|muerta|muertos|muertas|morirse|morirte) (de|del) ~ (risa|vergüenza|hambre"
                    + "|sueño|frío|calor|ganas|envidia|amor|aburrimiento|miedo|susto|nervios|pena|ternura|emoción"
                    + "|cansancio|sed|celos|asco|gusto|curiosidad|alegría)",
            "me muero por (verte|ver|ir|saber|probar|comer|conocer|que|tener|volver|contarte|un|una|el|la|los|las)",
            "(me|te|nos) (mata|matan|está matando|están matando|esta matando|va a matar|van a matar|iba a matar"
                    + "|iban a matar|mató|mataron|matará|mataría|matarían|van a terminar matando)",
            "(va|van|iba|iban|quiere|quieren|querían|quería) a matarme",
            "(va|van|iba|iban|quiere|quieren|intentó|intentaron) matarme",
            "(me mato|me maté|me voy a matar|me estoy matando|me estaba matando|matarme) (estudiando|trabajando"
                    + "|laburando|entrenando|corriendo|de risa|a trabajar|a estudiar|en el gimnasio|en el gym"
                    + "|haciendo|practicando|limpiando|por (el|la|los|las|un|una|este|esta|mi|mis))",
            "matar (el tiempo|el rato|la espera|las ganas|el hambre|la sed|el aburrimiento|un mosquito|una mosca"
                    + "|una cucaracha|las cucarachas|mosquitos|moscas|la conversación|dos pájaros)",
            "(ganas de|quiero|quisiera|voy a|lo voy a|la voy a) matar (a|al) ~",
            "(lo|la|los|las) (voy a|quiero|quisiera) matar",
            "(me|te) (corté|corto|corta|cortaste|cortaron|cortó|voy a cortar) (el|la|las|los) (pelo|cabello|flequillo"
                    + "|uñas|barba|dedo|mano|puntas|rulos)",
            "(cortarme|cortarte) (el|la|las|los) (pelo|cabello|flequillo|uñas|barba|puntas)",
            "(me|te) (tiré|tiro|voy a tirar|tiraba|tiramos|tiro de) (en|a|al|a la|en la) (cama|sillón|sofá|pileta"
                    + "|piscina|agua|pasto|suelo|playa|río|mar|pileta|alberca|colchón|hamaca|arena)",
            "(es|sería|fue|seria) (un|una) suicidio (salir|ir|hacer|manejar|cruzar|comprar|meterse|correr|entrar|pedir)",
            "suicidio (político|comercial|profesional|laboral|social|financiero|deportivo|económico)",
            "(es|sería|fue) un suicidio",
            "(is|are|was|it's|its|this|that|these|those|you're|you are|they're) killing me",
            "(killing|killed|kill|kills) (it|time|the game|the lights)",
            "(could|would|gonna|going to|might|almost|nearly) (just )?die (of|from) ~",
            "(i'm|im|i am|we're|literally) (so )?dead",
            "(dying|die) (to|for) (see|know|try|get|go|hear|meet|a|an|the|some|one)",
            "to die for",
            "dying (of|from) ~",
            "(will|gonna|going to|is going to|is gonna) kill me",
            "(dead|bored|scared|worried|sick) (tired|to death)",
            "over my dead body");

    private static final PhraseSet QUOTING = PhraseSet.of(
            "(canción|canciones|tema de|temazo|letra|letras|canta|cantaba|cantando|estribillo|verso|versos|poema|poesía"
                    + "|película|peli|serie|libro|novela|cuento|personaje|frase|cita|dice la|dijo el|dice el|escribió"
                    + "|song|lyrics|lyric|sings|singing|poem|quote|movie|book|character|line from)");

    private static final PhraseSet SUICIDAL_INTENT = PhraseSet.of(
            "(quiero|quisiera|quería|voy a|pienso|estoy pensando en|pensé en|pienso en|he pensado en|ando pensando en"
                    + "|tengo ganas de|me dan ganas de|necesito|deseo|decidí|ya decidí|me gustaría|planeo|estoy por"
                    + "|tengo que|estoy decidido a|estoy decidida a|quiero de verdad|siento ganas de|prefiero) ~ "
                    + SELF_KILL,
            "me (quiero|quisiera|voy a|vuelvo a querer|quería) (matar|suicidar|morir|quitar la vida)",
            "me (mato|suicido) (hoy|esta noche|ya|mañana|ahora|de una vez)",
            "(quiero|quisiera) (morir|morirme|estar muerto|estar muerta|estar muertx)",
            "(suicidarme|quitarme la vida|matarme|me suicido)",
            "(pienso|pensando|pensé|pensaba|pienso mucho|pienso todo el tiempo|pienso todos los días) (en|en el) (el )?"
                    + "(suicidio|suicidarme|matarme|quitarme la vida)",
            "(tengo|me vienen|vuelven|tengo muchas|tengo muchos|volvieron|otra vez) ~ (ideas|pensamientos) (suicidas"
                    + "|de suicidio|de matarme|de morir|de muerte|de quitarme la vida)",
            "(soy|me siento|estoy) (muy )?suicida",
            "(ya )?no quiero (vivir|seguir viviendo) (más|mas)",
            "ya no quiero (vivir|seguir viviendo|seguir)",
            "(want|wanna|going|gonna|plan|planning|need|decided|thinking|thought|think|thinkin) (to |about |of )?"
                    + "(kill myself|killing myself|end my life|ending my life|end it all|ending it all|end it"
                    + "|take my own life|take my life|commit suicide|die)",
            "(kill|killing) myself",
            "(i'm|im|i am|i feel|feeling) (so |really |very )?suicidal",
            "suicidal (thoughts|ideation|feelings)",
            "(end|ending) my (own )?life",
            "(don't|dont|do not) want to (live|be alive) (anymore|any more)");

    private static final PhraseSet PASSIVE_WISH = PhraseSet.of(
            "no quiero (despertar|despertarme|amanecer|abrir los ojos|levantarme nunca más)",
            "ojalá no (despertar|despertarme|amanecer|me despierte|despierte)",
            "(quisiera|quiero|me gustaría|ojalá pudiera) (dormir|dormirme) (y no|para no) (despertar|despertarme|volver)",
            "dormirme para siempre",
            "(quisiera|quiero|me gustaría|ojalá pudiera|ojalá) (desaparecer|no existir|no haber nacido|dejar de existir"
                    + "|estar muerto|estar muerta|morirme|me muriera|me muera|no estar)",
            "desaparecer (para siempre|del mapa para siempre|de este mundo)",
            "ojalá me (pise|atropelle|choque|agarre|caiga) ~",
            "(sería|seria|todo sería|todo seria) mejor (si|que) (yo )?(no estuviera|no existiera|me muriera"
                    + "|desapareciera|no hubiera nacido|no estoy|me muero)",
            "mejor sin mí",
            "soy (una carga|un estorbo|un peso)",
            "(ser|siendo) una carga",
            "(nadie|a nadie) (me )?(extrañaría|extrañarían|notaría|notarían|le importaría|le importaria|le va a importar"
                    + "|me va a extrañar) ~",
            "no tiene sentido (seguir|vivir|seguir viviendo|que siga|estar vivo|estar viva)",
            "no (le )?(encuentro|veo) (sentido|razón|razones|motivos) (a|para|de) (la vida|vivir|seguir|seguir viviendo|mi vida)",
            "no tengo (razones|motivos|razón|ganas) (para|de) (vivir|seguir viviendo|seguir vivo|seguir viva)",
            "para qué (seguir|sigo) (viviendo|vivo|acá)",
            "(estoy|me siento|ando) ~ (cansado|cansada) de (vivir|estar vivo|estar viva|existir)",
            "(ya )?no aguanto (más|mas) (esta vida|mi vida|vivir|así|nada|esto)",
            "ya no aguanto (más|mas)",
            "(ya )?no (puedo|doy) (más|mas) con (mi vida|esta vida|todo|la vida|vivir)",
            "no (quiero|quisiera) (seguir )?(vivir|viviendo)",
            "(me quiero|quiero|quisiera) (irme|ir) de este mundo",
            "(quiero|quisiera) irme para siempre",
            "(nada|no) (vale|valgo) la pena (vivir|seguir)",
            "(intenté|traté de|quise) ~ " + SELF_KILL,
            "(don't|dont|do not) want to (wake up|be here|exist|be alive|live)",
            "(wish|want) (i|to) (was|were|be|could be) (dead|gone)",
            "wish i (could )?(disappear|wasn't here|never woke up|was never born|had never been born|didn't exist)",
            "better off (without me|if i (was|were) gone|dead)",
            "(i'm|im|i am|i feel like) (just )?(a burden|such a burden)",
            "no (reason|point) (to live|in living|in going on|to keep going|to go on)",
            "can't go on",
            "(tired|sick) of (living|being alive|existing)",
            "(nobody|no one|noone) would (miss|notice|care)",
            "(i )?(tried|attempted) to (kill myself|end my life|end it)");

    private static final PhraseSet SELF_HARM = PhraseSet.of(
            "me (corto|corté|cortaba|lastimo|lastimé|lastimaba|hago daño|hice daño|golpeo|quemo|quemé|rasguño|araño"
                    + "|pego|muerdo) (a propósito|los brazos|las piernas|las muñecas|el brazo|la pierna|la piel|la panza"
                    + "|los muslos|para|otra vez|de nuevo|cuando|todos los días|seguido|con|hasta)",
            "(volví a|vuelvo a|quiero|ganas de|necesito|no puedo dejar de|tengo ganas de|empecé a|sigo|dejé de)"
                    + " (cortarme|lastimarme|hacerme daño|golpearme|quemarme|autolesionarme|rasguñarme)",
            "me (autolesiono|estoy autolesionando|autolesioné|autolesionaba)",
            "me hago (cortes|daño)",
            "tengo (cortes|marcas|cicatrices) (en|de) ~ (brazos|piernas|muñecas|muslos|cortarme)",
            "(urge|urges|want|wanna|started|keep|been|again|relapsed|stop) ~ (cutting|hurting|harming|burning|cut|hurt"
                    + "|harm|burn) myself",
            "(i )?(self harm|self harmed|self harming|relapsed)");

    private static final PhraseSet GIVING_AWAY = PhraseSet.of(
            "(regalé|estoy regalando|voy a regalar|regalando|repartí|estoy repartiendo|regalo) ~ (mis cosas|todas mis"
                    + " cosas|mi ropa|mis libros|mi guitarra|mis juegos|lo que tengo|mis pertenencias|todo lo mío)",
            "(giving|gave|give) away (all )?my (stuff|things|belongings|stuff)");

    private static final PhraseSet FAREWELL = PhraseSet.of(
            "adiós (a todos|para siempre|mundo)",
            "ya no me (van|vas|vais) a (ver|tener|escuchar|molestar|aguantar)",
            "(cuiden|cuidá|cuida|cuidad|cuídenme) (a|de) mi (perro|perra|gato|gata|mamá|mama|hijo|hija|hermanito"
                    + "|hermanita|familia|vieja|viejo)",
            "(perdónenme|perdóname|perdoname|perdonenme|perdonadme|perdón) por (todo|lo que voy a hacer|esto|lo que"
                    + " voy a)",
            "(esta|este) es mi (último|ultimo|última|ultima) (mensaje|noche|día|dia)",
            "(carta|cartas|nota|notas) de despedida",
            "cuando (lean|leas|leáis) esto ~",
            "ya no voy a estar (más|para|acá|aquí|con ustedes)",
            "gracias por todo ~ (adiós|no me|perdón|ya no|los quiero|chau)",
            "ya no (los|las|lo|la) voy a necesitar",
            "les dejo (mis|todo|todas)",
            "(goodbye|bye) (everyone|forever|world|all)",
            "this is (my )?(the )?last (message|night|time)",
            "by the time (you|u) read this",
            "take care of my (dog|cat|mom|mum|kids|son|daughter)",
            "(won't|wont|will not) be (around|here) (anymore|much longer|tomorrow)",
            "(i'm|im|i am) sorry for everything");

    private static final PhraseSet PLAN = PhraseSet.of(
            "(tengo|ya tengo|hice|armé) (un|el|todo un) plan",
            "ya (lo )?(tengo|está|esta) (todo )?(planeado|pensado|decidido|preparado|listo)",
            "ya (sé|se|decidí) (cómo|cuándo|dónde|como|cuando|donde) (lo voy a hacer|hacerlo|va a ser)",
            "(tengo|dejé|está|esta) todo (listo|preparado|organizado)",
            "lo (voy a|pienso|vamos a) hacer (esta noche|hoy|mañana|el|cuando|en un rato)",
            "(esta noche|hoy|mañana|ahora) lo hago",
            "(hoy|esta noche|ahora|mañana) me (mato|suicido|tiro)",
            "me (mato|suicido) (hoy|esta noche|ahora|mañana)",
            "(i have|i've got|ive got|i made) a plan",
            "(i've|ive|i have) (planned|decided) (how|when|where)",
            "(i'm|im|i am) (going|gonna) (to )?do it (tonight|today|now|tomorrow)",
            "everything is ready");

    private static final PhraseSet MEANS = PhraseSet.of(
            "(tengo|junté|compré|guardé|conseguí|acumulé|tengo guardadas|tengo guardados) ~ (pastillas|píldoras|remedios"
                    + "|medicamentos|clonazepam|rivotril|soga|cuerda|arma|pistola|revólver|veneno|cuchilla|gillette"
                    + "|navaja|hojas de afeitar)",
            "(have|saved|bought|got|stockpiled) ~ (pills|rope|gun|razor|razors|blades)");

    private static final PhraseSet TIMING = PhraseSet.of(
            "(esta|hoy a la) noche",
            "hoy mismo",
            "ahora mismo",
            "en (un rato|unos minutos|una hora|un ratito|media hora)",
            "mañana (temprano|a la mañana|mismo)",
            "este (finde|fin de semana)",
            "antes de que (amanezca|vuelvan|lleguen|vuelva|llegue)",
            "(tonight|right now|today|tomorrow morning)",
            "in (a few minutes|an hour|a bit)");

    private static final PhraseSet PLACE = PhraseSet.of(
            "(estoy|ando|me subí|subí) (en|arriba de|subido a|subida a|parado en|parada en|sentado en|sentada en|al borde"
                    + " de|en el borde de|asomado a|asomada a|a la) (la|el|las|los|) (azotea|techo|puente|terraza|cornisa"
                    + "|balcón|vías|barranco|acantilado|precipicio|ventana|baranda)",
            "(i'm|im|i am) (on|at|standing on) the (roof|bridge|ledge|edge|tracks|cliff)");

    private static final PhraseSet JUMP = PhraseSet.of(
            "(voy a|quiero|me voy a|estoy por|estoy a punto de) (saltar|tirarme)", "(going|gonna|about) to jump");

    private static final PhraseSet ACT_IN_PROGRESS = PhraseSet.of(
            "(me tomé|me tome|me tragué|tragué|tomé|me bajé|me acabo de tomar|acabo de tomar) (todas|todo|todos|un frasco"
                    + "|una caja|el frasco|la caja|un montón|muchas|demasiadas|un blíster|dos cajas|varias cajas|un"
                    + " puñado|dos frascos|media caja) ~ (pastillas|píldoras|remedios|pastis|clonazepam|rivotril"
                    + "|paracetamol|ibuprofeno|medicamentos|sertralina|comprimidos|de mis)",
            "(estoy|me estoy) (sangrando mucho|desangrando)",
            "me (corté|corte|acabo de cortar) (las venas|muy profundo|muy fuerte)",
            "ya (me )?(tomé|tome|tragué) (las|todas las) pastillas",
            "(took|swallowed|taken) (all|a bottle of|a whole bottle of|too many|the whole|a handful of|all of) ~"
                    + " (pills|tablets|meds)",
            "(i'm|im|i am) bleeding (a lot|badly|so much)");

    private static final PhraseSet METHOD_QUESTION = PhraseSet.of(
            "(cuántas|cuantas|cuánto|cuanto|qué cantidad de|que cantidad de|cuántos|cuantos) ~ (pastillas|píldoras"
                    + "|comprimidos|remedios|clonazepam|rivotril|paracetamol|ibuprofeno|pastis|gotas|medicamentos"
                    + "|insulina|sertralina|alprazolam|pastillas para dormir|somníferos) ~~ (para (morir|morirse"
                    + "|no despertar|no despertarme|matarme|matarse|una sobredosis|sobredosis|dormir para siempre)|(es"
                    + "|son|serían|sería) (letal|letales|mortal|mortales)|(te|me|lo|la|nos) (matan|mata|matarían)"
                    + "|se muere|muere uno)",
            "dosis (letal|mortal)",
            "(qué|que|cuánta|cuanta|cuál|cual) (altura|piso|distancia) ~~ (para (morir|matarse|no sobrevivir|que sea"
                    + " mortal|matarme)|(es|sería|seria) (mortal|letal|segura)|no (se )?sobrevive|sobrevive|te mata"
                    + "|mata)",
            "desde (qué|que|cuál|cual) (piso|altura) ~~ (muere|muerto|mortal|mata|sobrevive|morir)",
            "(forma|manera|método|metodo) (más|mas|) (rápida|rápido|fácil|facil|rapida|rapido|indolora|indoloro|segura"
                    + "|seguro|efectiva|efectivo|sin dolor|) (de|para) (morir|matarse|matarme|suicidarse|suicidarme"
                    + "|quitarse la vida|quitarme la vida|no despertar)",
            "(cómo|como) (puedo |podría |se puede |hago para |hacer para )?(matarme|suicidarme|quitarme la vida|morir"
                    + " sin dolor|suicidarse|matarse sin|morir rápido)",
            "(cuánto|cuanto) (tarda|tardaría|demora|tardás|tarda uno) ~ en (morir|morirse|matar|hacer efecto para morir)",
            "(qué|que|cuáles|cuales) (pastillas|remedios|venenos|medicamentos) ~ (matan|son letales|son mortales"
                    + "|te matan)",
            "(morir|suicidarse|matarse|morirse) sin (dolor|sufrir)",
            "how (many|much) ~ (pills|tablets|of my|sleeping pills) ~~ (to die|would it take|to kill|to overdose|is"
                    + " lethal|to not wake up|would kill)",
            "(lethal|fatal|deadly) (dose|amount|overdose)",
            "(how high|what height|which floor|how tall|how far) ~~ (to die|survive|is fatal|to kill|would kill)",
            "(painless|easiest|quickest|fastest|best|surest) (way|method) to (die|kill myself|end it|end my life)",
            "how (do i|can i|to|would i) (kill myself|end my life|die painlessly|commit suicide)",
            "how long does it take to die");

    private static final PhraseSet PAST_MARKER = PhraseSet.of(
            "hace ~ (años|año|meses|mucho tiempo|tiempo)",
            "cuando (era|tenía|estaba en|iba a|iba al) ~",
            "de (chico|chica|adolescente|joven|pibe|piba|chamaco|niño|niña|pendejo)",
            "en (el|la) (secundario|secundaria|colegio|liceo|prepa|facultad|universidad)",
            "(antes|años atrás|en su momento|una vez|alguna vez|en el pasado)",
            "(years|months) ago",
            "when i was ~",
            "(in|back in) (high school|college|my teens|the past)",
            "(once|used to)");

    private static final PhraseSet RECOVERY = PhraseSet.of(
            "(hoy|ahora|ya|hoy en día) (estoy|me siento|vivo) ~ (bien|mejor|en paz|feliz|contento|contenta|tranquilo"
                    + "|tranquila)",
            "(lo superé|salí adelante|ya pasó|ya pasó todo|gracias a (la terapia|mi psicólog*|mi terapeuta|mi familia"
                    + "|ayuda))",
            "(quiero|me gustaría|puedo) ayudar a (otros|otras|otra gente|los demás|alguien)",
            "(i'm|im|i am) (doing )?(better|fine|okay|ok|good) now",
            "(got better|recovered|therapy helped|glad i'm still here|glad i am still here)");

    private static final PhraseSet DISTRESS = PhraseSet.of(
            "no (puedo|doy) (más|mas)",
            "(estoy|me siento|ando|me encuentro) ~ (desesperado|desesperada|destruido|destruida|agotado|agotada|fatal"
                    + "|re mal|muy mal|hecho mierda|hecha mierda|deprimido|deprimida|bajoneado|bajoneada|vacío|vacía"
                    + "|solo|sola|inútil|perdido|perdida|roto|rota|hundido|hundida|sin fuerzas|de la verga|del orto"
                    + "|chato|chata|mamado|mamada|jarto|jarta|harto|harta|triste|sin ganas|desganado|desganada"
                    + "|angustiado|angustiada|ahogado|ahogada|quebrado|quebrada|abrumado|abrumada|fracaso|una mierda"
                    + "|un desastre|vacio|muerto por dentro|muerta por dentro)",
            "nada tiene sentido",
            "sin (esperanza|esperanzas|salida|sentido)",
            "todo me sale mal",
            "no aguanto",
            "no le veo (sentido|salida)",
            "nadie me (quiere|entiende|escucha|ve)",
            "(i can't|i cant|cant|can't) (take it|do this|cope|handle it) (anymore|any more)?",
            "(i feel|i'm|im|i am|feeling) ~ (empty|hopeless|worthless|numb|broken|lost|alone|so alone|miserable"
                    + "|exhausted|overwhelmed|depressed|dead inside)",
            "(so )?tired of everything",
            "(what's|whats) the point");

    private static final PhraseSet THIRD_PARTY_REFERENCE = PhraseSet.of(
            "(mi|mis|un|una|nuestro|nuestra|tu|su|el|la) (amig*|herman*|hij*|mamá|mama|papá|papa|madre|padre|novi*"
                    + "|pareja|espos*|marido|mujer|prim*|compañer*|compa|alumn*|estudiante*|vecin*|tío|tía|abuel*"
                    + "|sobrin*|ex|roommate|cuñad*|suegr*|jefe|colega|conocid*|paciente*|chavo|chava|pana|cuate"
                    + "|parcero|parcera|pibe|piba|viejo|vieja)",
            "(alguien|una persona) (que conozco|cercan*|de mi familia|de mi curso)",
            "(my|a|our|his|her) (friend|best friend|brother|sister|son|daughter|mom|mum|dad|mother|father|boyfriend"
                    + "|girlfriend|husband|wife|partner|cousin|student|coworker|roommate|patient|kid|teen|client)",
            "(someone|somebody) (i know|close to me)",
            "(él|ella|ellos|ellas|he|she|they)");

    private static final PhraseSet OTHER_AT_RISK = PhraseSet.of(
            "se (quiere|quiso|va a|iba a|piensa|intentó|trató de|quería|quisiera) (matar|suicidar|morir|quitar la vida)",
            "(quiere|quiso|intentó|trató de|piensa en|habla de|va a|dice que va a|quería|amenaza con|amenazó con)"
                    + " (matarse|suicidarse|morirse|quitarse la vida|hacerse daño|cortarse|lastimarse|tirarse ~"
                    + " (puente|balcón|azotea|techo|ventana|edificio|tren|piso|terraza))",
            "se (corta|cortó|cortaba|lastima|lastimó|autolesiona|hace daño|hizo daño|hace cortes)",
            "(está|esta) (en|arriba de|parado en|parada en) (la|el) (azotea|techo|puente|terraza|cornisa|balcón|vías)",
            "no quiere (vivir|seguir viviendo|despertar|seguir)",
            "(se tomó|tomó|se tragó|tragó|se tomo) ~ (todas|un frasco|una caja|muchas|demasiadas) ~ (pastillas"
                    + "|remedios|pastis|medicamentos)",
            "(dice|dijo|escribió|publicó) que (se )?(quiere|va a|quería) (matar|matarse|morir|morirse|suicidar"
                    + "|suicidarse|desaparecer)",
            "(se )?(despidió|despide) de todos",
            "(wants|want|wanted|going|trying|tried|threatening|threatened|talks about|talking about|talked about"
                    + "|thinking about|thinks about) (to )?(kill|killing) (himself|herself|themselves)",
            "(wants|wanted|going|trying|tried|threatening|threatened) to (end (his|her|their) life|die|overdose)",
            "(kill|killing|hurt|hurting|cut|cutting|harm|harming) (himself|herself|themselves)",
            "(he's|she's|they're|he is|she is|they are) on the (roof|bridge|ledge|tracks)",
            "(took|swallowed) (all|a bottle of|too many|a handful of) ~ (pills|tablets)",
            "(is|are|seems|seem) suicidal");

    private static final PhraseSet OTHER_IMMINENT = PhraseSet.of(
            "(está|esta) (en|arriba de|parado en|parada en) (la|el) (azotea|techo|puente|terraza|cornisa|balcón|vías)",
            "(se tomó|tomó|se tragó|tragó|se tomo) ~ (todas|un frasco|una caja|muchas|demasiadas) ~ (pastillas"
                    + "|remedios|pastis|medicamentos)",
            "(esta noche|hoy|ahora|ya tiene|tiene todo|tiene las|tiene un plan|se despidió|se despide)",
            "(he's|she's|they're|he is|she is|they are) on the (roof|bridge|ledge|tracks)",
            "(took|swallowed) (all|a bottle of|too many|a handful of) ~ (pills|tablets)",
            "(tonight|right now|has a plan|has pills|has a gun)");

    private static final PhraseSet OTHER_MILD = PhraseSet.of(
            "se (corta|cortó|cortaba|lastima|lastimó|autolesiona|hace daño|hizo daño|hace cortes)",
            "no quiere (vivir|seguir viviendo|despertar|seguir)",
            "(kill|killing|hurt|hurting|cut|cutting|harm|harming) (himself|herself|themselves)");

    private static final PhraseSet GENERAL_TOPIC = PhraseSet.of(
            "(estadísticas|estadística|tasa|tasas|cifras|datos|índice|índices|números) (de|del|sobre) ~ (suicidio"
                    + "|suicidios|autolesiones)",
            "(trabajo|tarea|tesis|monografía|ensayo|investigación|informe|exposición|presentación|charla|taller"
                    + "|artículo|nota|proyecto|clase|materia|parcial|examen|documental|podcast) (sobre|de|acerca de"
                    + "|del|para) ~ (suicidio|autolesi*|salud mental|prevención|depresión|muerte)",
            "prevención del suicidio",
            "(soy|como|trabajo de|trabajo como|estudio) (psicólog*|psiquiatra|terapeuta|médic*|enfermer*|docente"
                    + "|profe|profesor*|maestr*|trabajador* social|orientador*|consejer*|psicología|medicina"
                    + "|acompañante terapéutic*|operador*|voluntari*)",
            "(un|una|mis|los|las) (paciente|pacientes|consultante|consultantes)",
            "(cómo|como) (ayudo|ayudar|acompaño|acompañar|hablar con|detectar|prevenir|abordar|actuar) ~ (alguien"
                    + "|una persona|un amigo|una amiga|un paciente|una paciente|pacientes|alumnos)",
            "(suicide|self harm) (rates|rate|statistics|stats|prevention|awareness|research)",
            "(i'm|im|i am|as) a (therapist|nurse|teacher|counselor|counsellor|psychologist|psychiatrist|doctor|social"
                    + " worker|volunteer)",
            "(essay|paper|report|project|presentation|research) (on|about) ~ (suicide|self harm|mental health)",
            "how (to|can i|do i|should i) (help|support|talk to) (someone|a friend|my friend|a student|a patient)");

    /** Words allowed between a negation and the phrase it negates ("no es que me quiera…", "nunca pensé en…"). */
    private static final Set<String> NEGATION_FILLERS = foldAll(
            "me",
            "te",
            "se",
            "lo",
            "la",
            "es",
            "que",
            "ya",
            "de",
            "en",
            "a",
            "voy",
            "vas",
            "va",
            "pienso",
            "tengo",
            "realmente",
            "verdad",
            "para",
            "nada",
            "eso",
            "hacer",
            "haría",
            "estoy",
            "pensando",
            "he",
            "pensado",
            "quiero",
            "quisiera",
            "pero",
            "en serio",
            "jamás",
            "i",
            "am",
            "m",
            "to",
            "going",
            "gonna",
            "want",
            "would",
            "ever",
            "will",
            "really",
            "do",
            "not",
            "t",
            "never",
            "planning",
            "plan",
            "intención",
            "ganas",
            "tenía",
            "tendría",
            "sería",
            "capaz",
            "de",
            "mi",
            "vida");

    private static final Set<String> NEGATIONS =
            foldAll("no", "nunca", "jamás", "tampoco", "ni", "never", "not", "dont", "don", "wont", "won", "wouldn");

    private static final Pattern QUOTED = Pattern.compile("[\"“”«»„].*?[\"“”«»„]|'[^']{12,}'");

    private static final Pattern MUSIC = Pattern.compile("[♪♫🎵🎶🎤🎸]");

    /** Triage of one message. */
    public RiskAssessment assess(String text) {
        Objects.requireNonNull(text, "text");
        String padded = PhraseSet.pad(SafetyNormalizer.normalize(text));
        EnumSet<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);

        if (QUOTING.foundIn(padded) || MUSIC.matcher(text).find()) {
            String unquoted = withoutQuotes(text);
            if (!unquoted.equals(text)) {
                signals.add(RiskSignal.IDIOM);
                padded = PhraseSet.pad(SafetyNormalizer.normalize(unquoted));
            }
        }
        String cleaned = IDIOMS.blankOut(padded);
        if (!cleaned.equals(padded)) {
            signals.add(RiskSignal.IDIOM);
        }

        boolean pastTold = PAST_MARKER.foundIn(cleaned);
        boolean recovered = RECOVERY.foundIn(cleaned);

        boolean intent = found(SUICIDAL_INTENT, cleaned, signals);
        boolean passive = found(PASSIVE_WISH, cleaned, signals);
        boolean selfHarm = found(SELF_HARM, cleaned, signals);
        boolean givingAway = found(GIVING_AWAY, cleaned, signals);
        boolean farewell = found(FAREWELL, cleaned, signals);
        boolean plan = found(PLAN, cleaned, signals);
        boolean means = found(MEANS, cleaned, signals);
        boolean method = METHOD_QUESTION.foundIn(cleaned);
        boolean inProgress = ACT_IN_PROGRESS.foundIn(cleaned);
        boolean place = PLACE.foundIn(cleaned);
        boolean jump = found(JUMP, cleaned, signals);
        boolean timing = TIMING.foundIn(cleaned);
        boolean distress = found(DISTRESS, cleaned, signals);
        boolean recentAttempt = RECENT_ATTEMPT.foundIn(cleaned);
        if (spelledOutIntent(cleaned)) {
            intent = true;
        }

        if (pastTold && (recovered || !timing) && !inProgress && !method && !recentAttempt) {
            // A crisis told as past ("hace años intenté…", "de adolescente pensaba en…"): history, not now.
            if (intent || passive || selfHarm) {
                signals.add(RiskSignal.PAST_RESOLVED);
                intent = false;
                passive = false;
                selfHarm = false;
                if (recovered) {
                    distress = false;
                }
            }
        }

        RiskLevel level = RiskLevel.NONE;
        if (distress) {
            level = RiskLevel.LOW;
            signals.add(RiskSignal.DISTRESS);
        }
        if (signals.contains(RiskSignal.PAST_RESOLVED)) {
            level = RiskLevel.max(level, RiskLevel.LOW);
        }
        if (passive || selfHarm || givingAway) {
            level = RiskLevel.MEDIUM;
            add(signals, passive, RiskSignal.PASSIVE_WISH);
            add(signals, selfHarm, RiskSignal.SELF_HARM);
            add(signals, givingAway, RiskSignal.GIVING_AWAY);
        }
        if (givingAway && (passive || distress)) {
            level = RiskLevel.HIGH;
        }
        if (passive && means) {
            level = RiskLevel.HIGH;
        }
        if (intent || method || farewell || recentAttempt) {
            level = RiskLevel.HIGH;
            add(signals, intent, RiskSignal.SUICIDAL_INTENT);
            add(signals, method, RiskSignal.METHOD_QUESTION);
            add(signals, farewell, RiskSignal.FAREWELL);
            add(signals, recentAttempt, RiskSignal.RECENT_ATTEMPT);
        }
        boolean deathRelated = intent || farewell || passive || method || selfHarm;
        if (deathRelated && plan) {
            level = RiskLevel.IMMINENT;
        }
        if ((intent || farewell) && (timing || means || place)) {
            level = RiskLevel.IMMINENT;
        }
        if (place && (jump || intent || passive || farewell)) {
            level = RiskLevel.IMMINENT;
        }
        if (inProgress) {
            level = RiskLevel.IMMINENT;
            signals.add(RiskSignal.ACT_IN_PROGRESS);
        }
        add(signals, plan, RiskSignal.PLAN);
        add(signals, means && level.isCrisis(), RiskSignal.MEANS);
        add(signals, timing && level.isCrisis(), RiskSignal.TIMING);
        add(signals, place, RiskSignal.PLACE);

        if (level.isCrisis()) {
            return new RiskAssessment(level, RiskSubject.SELF, signals);
        }
        if (OTHER_AT_RISK.foundIn(cleaned) && THIRD_PARTY_REFERENCE.foundIn(cleaned)) {
            signals.add(RiskSignal.THIRD_PARTY);
            RiskLevel other = OTHER_IMMINENT.foundIn(cleaned)
                    ? RiskLevel.IMMINENT
                    : OTHER_MILD.foundIn(cleaned) && !otherHigh(cleaned) ? RiskLevel.MEDIUM : RiskLevel.HIGH;
            return new RiskAssessment(other, RiskSubject.OTHER, signals);
        }
        if (GENERAL_TOPIC.foundIn(cleaned)) {
            signals.add(RiskSignal.GENERAL_TOPIC);
            return new RiskAssessment(level, RiskSubject.GENERAL, signals);
        }
        return new RiskAssessment(level, RiskSubject.SELF, signals);
    }

    private static boolean otherHigh(String cleaned) {
        return OTHER_HIGH.foundIn(cleaned);
    }

    private static final PhraseSet OTHER_HIGH = PhraseSet.of("se (quiere|quiso|va a|iba a) (matar|suicidar|morir)");

    /** Words spelled out letter by letter ("m e q u i e r o m a t a r") that spell a first-person intent. */
    private static boolean spelledOutIntent(String padded) {
        int at = padded.indexOf(" " + SafetyNormalizer.SPELLED_OUT);
        while (at >= 0) {
            int end = padded.indexOf(' ', at + 1);
            String word = padded.substring(at + 2, end);
            for (String keyword : SPELLED_KEYWORDS) {
                if (word.contains(keyword) && !negated(padded, at + 1)) {
                    return true;
                }
            }
            at = padded.indexOf(" " + SafetyNormalizer.SPELLED_OUT, end);
        }
        return false;
    }

    private static final List<String> SPELLED_KEYWORDS = List.of(
                    "me quiero matar",
                    "quiero morir",
                    "suicidarme",
                    "matarme",
                    "quitarme la vida",
                    "me voy a matar",
                    "me mato",
                    "kill myself",
                    "want to die",
                    "suicide",
                    "suicidio")
            .stream()
            .map(phrase -> SafetyNormalizer.normalize(phrase).replace(" ", ""))
            .toList();

    private static final String RECENT = "(ayer|anoche|hoy|esta mañana|esta tarde|el otro día|el finde|el fin de semana"
            + "|la semana pasada|recién|hace (un rato|unas horas|poco|unos días|dos días|tres días|una semana|un par de"
            + " días))";

    private static final String ATTEMPTED = "(intenté|traté de|quise|estuve a punto de|casi) ~ " + SELF_KILL;

    private static final PhraseSet RECENT_ATTEMPT = PhraseSet.of(
            RECENT + " ~~ " + ATTEMPTED,
            ATTEMPTED + " " + RECENT,
            "(me|estuve) (internaron|internada|internado) ~ (por|después de) ~ (intento|sobredosis|intentar)",
            "(last night|yesterday|today|this morning|last week|earlier today|a few days ago) ~~ (i )?(tried|attempted)"
                    + " to (kill myself|end my life|end it|overdose)",
            "(tried|attempted) to (kill myself|end my life|end it|overdose) (last night|yesterday|today|this morning"
                    + "|last week|earlier today|a few days ago)",
            "(i )?overdosed (last night|yesterday|today|this morning)");

    /** True when the set matches somewhere not negated; a negated match only marks the message. */
    private static boolean found(PhraseSet set, String padded, Set<RiskSignal> signals) {
        List<int[]> spans = set.spans(padded);
        boolean negatedOnly = false;
        for (int[] span : spans) {
            if (!negated(padded, span[0])) {
                return true;
            }
            negatedOnly = true;
        }
        if (negatedOnly) {
            signals.add(RiskSignal.NEGATED);
        }
        return false;
    }

    /** Whether a negation stands before {@code start} with only filler words between ("no me quiero…"). */
    private static boolean negated(String padded, int start) {
        int end = start - 1; // the space before the match
        int words = 0;
        while (end > 0 && words < 5) {
            int begin = padded.lastIndexOf(' ', end - 1) + 1;
            String word = padded.substring(begin, end);
            if (NEGATIONS.contains(word)) {
                return true;
            }
            if (!NEGATION_FILLERS.contains(word)) {
                return false;
            }
            end = begin - 1;
            words++;
        }
        return false;
    }

    private static void add(Set<RiskSignal> signals, boolean present, RiskSignal signal) {
        if (present) {
            signals.add(signal);
        }
    }

    /** The text without quoted passages and lines with music notes (quoted lyrics, lines from a film). */
    private static String withoutQuotes(String text) {
        String unquoted = QUOTED.matcher(text).replaceAll(" ");
        StringBuilder out = new StringBuilder(unquoted.length());
        for (String line : unquoted.split("\n", -1)) {
            if (!MUSIC.matcher(line).find()) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static Set<String> foldAll(String... words) {
        java.util.HashSet<String> folded = new java.util.HashSet<>();
        for (String word : words) {
            folded.add(SafetyNormalizer.normalize(word));
        }
        return Set.copyOf(folded);
    }
}
