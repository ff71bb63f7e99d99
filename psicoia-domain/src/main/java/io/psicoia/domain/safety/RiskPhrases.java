package io.psicoia.domain.safety;

/**
 * The phrases the triage looks for, by kind. Written in ordinary spelling in the syntax of {@link PhraseSet}; the
 * folding of {@link SafetyNormalizer} makes each one match its misspelled, unaccented and shortened variants.
 *
 * <p>Phrases are written from how people speak (Spanish in its regional forms, English second), never copied from
 * the evaluation set: that set measures the rules, it does not write them. None of them describes a method.
 */
final class RiskPhrases {

    private RiskPhrases() {}

    /** Ways of ending one's own life, first person, as objects of wanting, planning, trying. */
    static final String SELF_KILL = "(matarme|suicidarme|suicidar me|quitarme la vida|sacarme la vida"
            + "|terminar con mi vida|acabar con mi vida|terminar con todo|acabar con todo|terminar con esto"
            + "|acabar con esto|acabar con todo de una vez|morirme|darme un tiro|pegarme un tiro|ahorcarme|envenenarme"
            + "|cortarme las venas|hacerlo|volver a hacerlo|desvivirme|colgarme|darme un balazo|pegarme un balazo"
            + "|volarme la cabeza|volarme los sesos|dispararme|meterme un tiro|tomarme todas las pastillas"
            + "|tomarme todas mis pastillas|tomarme el frasco|tomarme la caja|quitarme de en medio|quitarme del medio"
            + "|(aventarme|lanzarme|arrojarme|tirarme) (de|del|desde|por) ~ (puente|balcón|ventana|edificio|piso|techo"
            + "|azotea|terraza|acantilado|cerro|barranco|último piso)"
            + "|(aventarme|lanzarme|arrojarme) (a|al|bajo|abajo del|debajo del|debajo de un) (tren|metro|subte|camión"
            + "|las vías|un tren|un camión|un carro|un auto|un bus)"
            + "|tirarme (de|del|desde|por) ~ (puente|balcón|ventana|edificio|piso|techo|azotea|terraza|acantilado)"
            + "|tirarme (a|al|bajo|abajo del|debajo del|debajo de un) (tren|subte|metro|auto|camión|colectivo|las vías"
            + "|un auto|un camión|un tren|un colectivo|un bus|bus|carro|un carro))";

    private static final String WANT = "(quiero|quisiera|quería|voy a|pienso|estoy pensando en|pensé en|pienso en"
            + "|he pensado en|ando pensando en|tengo ganas de|me dan ganas de|necesito|deseo|decidí|ya decidí"
            + "|me gustaría|planeo|estoy por|tengo que|estoy decidido a|estoy decidida a|quiero de verdad"
            + "|siento ganas de|prefiero|ya quiero|ya no quiero más que|solo quiero|sólo quiero|lo único que quiero es)";

    /** Euphemisms for dying or ending one's life. */
    static final String EUPHEMISM = "((irme|partir|descansar|dormir|dormirme|desaparecer|apagarme|borrarme|irme de"
            + " aquí|irme de acá) (para siempre|del todo|definitivamente|de una vez)|dejar de sufrir|dejar de sentir"
            + "|que (todo|esto|el dolor|el sufrimiento) (se )?(termine|acabe|pare|terminara|acabara)|ponerle (fin|punto"
            + " final) (a todo|a mi vida|a esto)|reunirme con (mi|mis|dios|él|ella)|estar con (dios|mi mamá|mi papá|mi"
            + " abuela|mi abuelo|mi mamá en el cielo)|irme (con|para donde está|a donde está) (mi|dios|diosito)|irme con (dios|mi mamá|mi papá|mi abuela|mi abuelo)|hacer una"
            + " (locura|tontería|tontera|pendejada|estupidez|cagada)|hacer algo (malo|grave|que no tiene vuelta|sin"
            + " vuelta atrás|irreversible|definitivo)|no (despertar|despertarme) más|no seguir (acá|aquí|más|en este"
            + " mundo)|no estar más|dejar de estar|cerrar los ojos para siempre|no volver a despertar|salir de este"
            + " mundo|dejar este mundo|descansar en paz|bajarme del mundo|bajar del mundo|apagar la luz yo|apagarme yo"
            + "|dejar de ser un problema|dejar de ser una carga|dejar de molestar|ir por mi propia mano|irme por mi"
            + " propia mano|(ponerle|poner) punto final a (mi historia|mi vida|todo)|que no haya un mañana|no despertar"
            + " mañana|asegurarme de no despertar|do something stupid|make sure i don't wake up|not wake up"
            + "|take myself out of the picture|stop being (everyone's|a|everyones) (problem|burden)|end things for"
            + " good|check out for good|go to sleep forever|not (be|being) around|end things|end it"
            + " all|stop the pain|make it stop for good|join my (mum|mom|dad|nan|gran|grandma|grandad))";

    private static final String RECENT = "(ayer|anoche|hoy|esta mañana|esta tarde|el otro día|el finde|el fin de"
            + " semana|la semana pasada|recién|hace (un rato|unas horas|poco|unos días|dos días|tres días|una semana"
            + "|un par de días))";

    private static final String ATTEMPTED = "(intenté|traté de|quise|estuve a punto de|casi) ~ " + SELF_KILL;

    private static final String PILLS = "(pastillas|píldoras|remedios|pastis|clonazepam|rivotril|paracetamol"
            + "|ibuprofeno|medicamentos|sertralina|comprimidos|somníferos|pastillas para dormir|pastillas de dormir"
            + "|insulina|alprazolam|diazepam|tafil|antidepresivos|pills|tablets|meds|sleeping pills)";

    private static final String PERSON = "(amig*|herman*|hij*|mamá|mama|mami|papá|papa|papi|madre|padre|novi*"
            + "|pareja|espos*|marido|mujer|prim*|compañer*|compa|alumn*|estudiante*|vecin*|tío|tía|abuel*|sobrin*|ex"
            + "|roommate|cuñad*|suegr*|jefe|colega|conocid*|chavo|chava|pana|cuate|parcero|parcera|pibe|piba|viejo"
            + "|vieja|polola|pololo|jeva|jevo|morra|morro|chamo|chama|carnal|bro|socio|socia|señora|pelado|pelada"
            + "|friend|best friend|brother|little brother|big brother|sister|little sister|big sister|son|daughter"
            + "|mom|mum|mam|dad|mother|father|boyfriend|girlfriend|husband|wife|partner|cousin|student|coworker"
            + "|flatmate|mate|kid|teen|client|nephew|niece)";

    static final PhraseSet IDIOMS = PhraseSet.of(
            "(me|te|se) (muero|moría|morí|muera|moriría|voy a morir|estoy muriendo|iba a morir|muere|murió) (de|del) ~"
                    + " (risa|vergüenza|hambre|sueño|frío|calor|ganas|envidia|amor|aburrimiento|miedo|susto|nervios"
                    + "|ternura|emoción|cansancio|sed|dolor de|lindo|celos|asco|gusto|curiosidad|intriga|alegría"
                    + "|felicidad|la risa|los nervios|bonito|bonita|linda|hermoso|hermosa|rico|rica|bueno|buena|tierno"
                    + "|tierna|precioso|preciosa|viejo|vieja)",
            "(me|te|se) (quiero|quise|quería|quiere) morir (de|del) (la )?(risa|vergüenza|ganas|amor|ternura|celos"
                    + "|envidia|asco|aburrimiento|hambre|sueño|frío|calor|emoción|nervios)",
            "(morirme|morir|muriendo|muerto|muerta|muertos|muertas|morirse|morirte) (de|del) ~ (risa|vergüenza|hambre"
                    + "|sueño|frío|calor|ganas|envidia|amor|aburrimiento|miedo|susto|nervios|pena|ternura|emoción"
                    + "|cansancio|sed|celos|asco|gusto|curiosidad|alegría)",
            "me muero por (verte|ver|ir|saber|probar|comer|conocer|que|tener|volver|contarte|un|una|el|la|los|las)",
            "(me|te|nos) (mata|matan|está matando|están matando|esta matando|va a matar|van a matar|iba a matar"
                    + "|iban a matar|mataron|matará|mataría|matarían|van a terminar matando)",
            "me mato (el|la|los|las|este|esta|ese|esa|mi) (partido|trabajo|laburo|calor|frío|examen|parcial|jefe|profe"
                    + "|viaje|día|tráfico|gimnasio|gym|entrenamiento|ejercicio|dolor|susto|cansancio|final|clásico)",
            "(va|van|iba|iban|quiere|quieren|querían|quería) a matarme",
            "(va|van|iba|iban|quiere|quieren|intentó|intentaron) matarme",
            "(me mato|me maté|me voy a matar|me estoy matando|me estaba matando|matarme) (estudiando|trabajando"
                    + "|laburando|entrenando|corriendo|de risa|a trabajar|a estudiar|en el gimnasio|en el gym"
                    + "|haciendo|practicando|limpiando)",
            "matar (el tiempo|el rato|la espera|las ganas|el hambre|la sed|el aburrimiento|un mosquito|una mosca"
                    + "|una cucaracha|las cucarachas|mosquitos|moscas|la conversación|dos pájaros)",
            "(ganas de|quiero|quisiera|voy a|lo voy a|la voy a) matar (a|al) ~",
            "(lo|la|los|las) (voy a|quiero|quisiera) matar",
            "(me|te|se) (corté|corto|corta|cortaste|cortaron|cortó|voy a cortar|he cortado|va a cortar) (el|la|las|los)"
                    + " (pelo|cabello"
                    + "|flequillo|uñas|barba|dedo|mano|puntas|rulos|pie)",
            "(cortarme|cortarte) (el|la|las|los) (pelo|cabello|flequillo|uñas|barba|puntas)",
            "me corté (haciendo|cocinando|pelando|picando|con (un|el|la|una) (cuchillo|papel|vidrio|lata|hoja))",
            "(me|se|te) (corté|cortó|cortaste) (jugando|afeitándome|afeitándose|afeitando|cocinando|pelando|picando"
                    + "|trabajando|en el trabajo|en la cocina)",
            "(cut|cutting) (myself|himself|herself) (chopping|cooking|shaving|slicing|peeling|on (a|the|some))",
            "(me|te) (tiré|tiro|voy a tirar|tiraba|tiramos|tiro de) (en|a|al|a la|en la) (cama|sillón|sofá|pileta"
                    + "|piscina|agua|pasto|suelo|playa|río|mar|alberca|colchón|hamaca|arena)",
            "(me|se|te) (lastimé|lastimo|lastimó|hice daño|hizo daño|he hecho daño|ha hecho daño|golpeé|golpeó|torcí"
                    + "|torció) ~ (jugando|entrenando|corriendo|en el partido|la rodilla|el tobillo|la espalda|la mano"
                    + "|el pie|el hombro|el dedo|la muñeca jugando|en el gym|en el gimnasio|cocinando|con la puerta|en la"
                    + " espalda|en la rodilla|en el tobillo|bailando|cargando|levantando|en el trabajo|en la mudanza)",
            // Putting up with something ordinary: venting, not a wish to die.
            "no (aguanto|soporto|puedo) (más|mas) (con )?(el|la|los|las|este|esta|estos|estas|ese|esa|a mi|a mis|a este"
                    + "|a esta|al) (tráfico|calor|frío|ruido|obra|lluvia|jefe|jefa|profe|profesor|profesora|vecino|vecina"
                    + "|vecinos|tarea|tareas|deberes|examen|exámenes|clima|música|olor|mosquitos|espera|fila|cola|dolor"
                    + "|tos|resfriado|gripe|gripa|colectivo|bondi|micro|metro|subte|humedad|ganas|suegra|suegro|dieta"
                    + "|uniforme|wifi|internet|compu|celular|teléfono|humo|polvo|tráfico de)",
            // "lo hago" said of something ordinary, not of a plan.
            "(por qué|porqué|para qué|por que|para que) lo hago",
            "(igual|siempre|a veces|a diario|todavía) lo hago",
            "lo hago (igual|bien|mal|siempre|todos los días|a diario|yo solo|yo sola|por gusto|cada vez)",
            // Leaps for fun.
            "(tirar|aventar|lanzar|tirarse|aventarse|lanzarse|tirarme|aventarme|lanzarme|tiro|tiré|tiró|avento|aventé"
                    + "|aventó|lanzo|lancé|lanzó) (del|de la|de un|de una|desde el|en|en el|al|a la) (trampolín|bungee"
                    + "|paracaídas|tobogán|tirolesa|canopy|piscina|pileta|agua|mar|río|lago|alberca|cascada|parapente)",
            // Medicine taken as prescribed.
            "todas (las|mis) pastillas (del|de la|de mi|de tu|que me) (tratamiento|antibiótico|antibiótica|receta"
                    + "|médico|doctor|doctora|recetó|dio el médico|dio la doctora)",
            // Ordinary ways of leaving a group or a chat.
            "ya no voy a estar en (el|la) (grupo|equipo|clase|oficina|empresa|chat|club|coro|taller|curso)",
            "(die|dies|died|dying) down",
            "(die|dying) (if|unless) (i|she|he|they|we) (don't|doesn't|can't|cant|dont|doesnt) (get|see|go)",
            "(se|me|te) (muere|muero|va a morir|voy a morir|muera) si no (la|lo|me|le|les|gana|ganan|consigo|consigue"
                    + "|dejan|viene|llega|sale)",
            "(not |never )?wake up (until|till) (summer|spring|the weekend|monday|noon|christmas|march|april|next week)",
            "(despertar|despertarme) hasta (el verano|la primavera|el lunes|el mediodía|mediodía|que (termine|pase"
                    + "|acabe) el invierno|navidad|marzo|abril|la semana que viene)",
            "(es|sería|fue|seria) (un|una) suicidio (salir|ir|hacer|manejar|cruzar|comprar|meterse|correr|entrar|pedir)",
            "suicidio (político|comercial|profesional|laboral|social|financiero|deportivo|económico)",
            "(es|sería|fue) un suicidio",
            "desaparecer (de las redes|de redes|del grupo|de whatsapp|de instagram|de internet|un tiempo|un rato"
                    + "|unos días|un mes|una semana|del trabajo|de la oficina|de la faena|de la ciudad|del mapa un)",
            "(is|are|was|it's|its|this|that|these|those|you're|you are|they're) killing me",
            "(killing|killed|kill|kills) (it|time|the game|the lights)",
            "(could|would|going to|might|almost|nearly) (just )?die (of|from) ~",
            "(i'm|im|i am|we're|literally) (so )?dead",
            "(dying|die) (to|for) (see|know|try|get|go|hear|meet|a|an|the|some|one)",
            "to die for",
            "dying (of|from) ~",
            "(will|going to|is going to) kill me",
            "(dead|bored|scared|worried|sick) (tired|to death)",
            "over my dead body",
            "hurt myself (playing|running|at the gym|lifting|at work|skiing|cooking)",
            "(disappear|vanish) (from social media|off social media|for a (bit|while|week|month))",
            // Ending a relationship or a task, not a life.
            "(terminar|terminé|termino|acabar|acabé|acabo|cortar|corté) (con|todo con) (mi|el|la) (novio|novia|pareja|ex"
                    + "|relación|chico|chica|pololo|polola|jeva|jevo|morra|vato|man)",
            "(terminar|acabar) con (todo )?(lo pendiente|los pendientes|el papeleo|la tarea|las tareas|la serie|el"
                    + " proyecto|la tesis|el informe|la limpieza|la mudanza)",
            "(terminar|acabar) con todo lo (que tengo pendiente|que me falta|pendiente)",
            "(end|ending|ended|break|breaking|broke) (it|things) (off )?with (my|him|her|them|the)",
            // A blessing or a wish to travel, not to die.
            "(me lleve|me lleves|llévame|llevame|nos lleve|llévanos) (con bien|por buen camino|de vacaciones|a la playa"
                    + "|a cancún|a la playa|a la costa|de viaje|lejos de (esta|este|la|el) (oficina|trabajo|ciudad|pueblo"
                    + "|escuela|facultad|reunión))",
            "(irme|ir|voy) con (mi|mis) ~ (al|a la|de) (campo|playa|pueblo|viaje|vacaciones|cine|mercado|compras|fiesta"
                    + "|casa de|finca|chacra|río)",
            // Sleep, literally: a long lie-in.
            "(dormir|dormirme|sleep) (para siempre|forever) (este|el|en esta|en este|hasta|this|on|in|until|till)",
            "(despertar|despertarme|wake up) (mañana|tomorrow) ~~ (feriado|es domingo|es sábado|día libre|libre|day off"
                    + "|off work|vacaciones|dormir hasta|sleeping till|sleep in|sleeping in)",
            "(despertar|despertarme|wake up) (de|from) (este|this) (sueño|dream)",
            // A timetable asked for a journey.
            "hora pasa (el|el último|el ultimo) (tren|metro|bus|colectivo|micro|camión) (a|para|hacia|de|los|en|rumbo)",
            // Things that "die": a phone, a car, a laptop.
            "(compu|computadora|celular|cel|teléfono|telefono|auto|carro|coche|laptop|batería|bateria|impresora|tele"
                    + "|moto|phone|car|battery|printer|router|wifi|nevera|heladera) ~ (se quiere morir|se está muriendo"
                    + "|se esta muriendo|se murió|se muere|is dying|died|wants to die)");

    /** Said when a message reports what a song, film or book says. */
    static final PhraseSet QUOTING = PhraseSet.of(
            "(keeps playing|stuck in my head|on repeat|en repeat|sonando|suena en mi cabeza)",
            "(canción|canciones|tema de|temazo|letra|letras|canta|cantaba|cantando|estribillo|verso|versos|poema|poesía"
                    + "|película|peli|serie|libro|novela|cuento|personaje|frase|cita|dice la|dijo el|dice el|escribió"
                    + "|song|lyrics|lyric|sings|singing|poem|quote|movie|book|character|line from)");

    /** Thinking of or wanting one's own death, actively. */
    static final PhraseSet SUICIDAL_INTENT = PhraseSet.of(
            WANT + " ~ " + SELF_KILL,
            "me (quiero|quisiera|voy a|vuelvo a querer|quería) (matar|suicidar|morir|quitar la vida)",
            "me (mato|suicido|quito la vida)",
            "(termino|acabo|terminaré|acabaré) con (todo|mi vida|esto)",
            WANT + " ~ " + EUPHEMISM,
            "(quiero|quisiera|voy a|necesito) (que|ponerle) ~ (termine|acabe|fin) ~ (todo|mi vida|esto|el dolor)",
            "(que )?dios me (perdone|va a perdonar|perdonará|entienda) ~~ (lo que voy a hacer|lo que pienso hacer|por"
                    + " irme|por lo que|por esto|si me voy|si lo hago)",
            "(no voy a|no creo que) (llegar|pasar) (a|de) (fin de año|navidad|mi cumpleaños|mañana|la semana)",
            // "Ya lo decidí" (the act left unnamed), not "ya decidí terminar con mi novio".
            "ya lo decidí",
            "ya decidí (que )?(me voy|irme|hacerlo|no seguir|ya no sigo|no sigo|que se acaba)",
            "(quiero|quisiera) (morir|morirme|estar muerto|estar muerta|estar muertx)",
            "(suicidarme|quitarme la vida|matarme|me suicido)",
            "me (hubiera|habría|hubiese) (matado|suicidado|quitado la vida)",
            "(dice|dicen|decirme|me dice|me dicen|voz|voces|mente|cabeza) ~ que me (mate|suicide|muera|tire)",
            "(pienso|pensando|pensé|pensaba|pienso mucho|pienso todo el tiempo|pienso todos los días) (en|en el) (el )?"
                    + "(suicidio|suicidarme|matarme|quitarme la vida|morirme|la muerte todo el tiempo)",
            "(tengo|me vienen|vuelven|tengo muchas|tengo muchos|volvieron|otra vez) ~ (ideas|pensamientos) (suicidas"
                    + "|de suicidio|de matarme|de morir|de muerte|de quitarme la vida)",
            "(soy|me siento|estoy) (muy )?suicida",
            "(ya )?no quiero (vivir|seguir viviendo) (más|mas)",
            "ya no quiero (vivir|seguir viviendo|seguir)",
            "(el )?suicidio (es lo único|es todo) (en lo que|lo que) (pienso|pienso últimamente)",
            "(want|wanna|going|plan|planning|need|decided|thinking|thought|think) (to |about |of )?(kill myself"
                    + "|killing myself|end my life|ending my life|end it all|ending it all|end it|ending it"
                    + "|take my own life|take my life|commit suicidio|die|suicidio|how i'd do it|how id do it"
                    + "|how i would do it|how to do it)",
            "(kill|killing) myself",
            "(i'm|im|i am|i feel|feeling) (so |really |very )?suicidal",
            "(i have|i've been having|having|i get|i keep having) suicidal (thoughts|ideation|feelings)",
            "(end|ending) my (own )?life",
            "(don't|dont|do not) want to (live|be alive) (anymore|any more)",
            "suicidio is all i think about",
            "me (voy a|quiero|pienso|quisiera|iba a) (tirar|aventar|lanzar|arrojar) (de|del|desde|por|al|a la|a las"
                    + "|bajo|debajo de) ~ (puente|balcón|ventana|edificio|techo|azotea|terraza|acantilado|último piso"
                    + "|tren|metro|subte|vías|camión)",
            "me (voy a|quiero|pienso|quisiera) (colgar|ahorcar|envenenar|desvivir|pegar un tiro|dar un tiro"
                    + "|volar la cabeza|cortar las venas)",
            "(quiero|quisiera|voy a|ganas de|pienso) (desvivirme|unalive)",
            "(want|wanna|going|gonna|plan|planning|thinking about|think about|thought about|decided) (to )?(jump"
                    + "|jumping) (off|from|in front of) ~ (bridge|building|roof|cliff|train|tracks|balcony|car park"
                    + "|parking garage|overpass)",
            "(want|wanna|going|gonna|plan|planning|thinking about|think about|decided) (to )?(overdose|od|hang myself"
                    + "|hanging myself|shoot myself|shooting myself|slit my wrists|drown myself|take all my pills"
                    + "|take all my meds|delete myself|uninstall myself|log off (for good|permanently))",
            "(delete|uninstall|unalive|unaliving) myself",
            "sewer slide",
            "me (mataría|mataria|suicidaría|suicidaria|quitaría la vida|quitaria la vida) ~~ (si|ahora|ya|hoy|mañana)",
            "(what if|y si) (i )?(just )?(killed|kill|ended|end) (myself|my life|it all)",
            "(el suicidio|morir|morirme|matarme|no estar) (es|sería|seria) (lo único|la única salida|la única opción|mi"
                    + " única salida|mi única opción|lo único que me queda)",
            "(suicide|dying|death) (is|feels like) (the only|my only) (way out|option|answer)",
            "por mi propia mano",
            "(irme|me voy|me iré|voy a irme|i'm going|im going|i'm leaving|im leaving|leave|go) ~~ (y no es|no es|no"
                    + " hablo de|and it's not|and its not|it's not|its not|not talking about) (un viaje|viajar|de viaje"
                    + "|vacaciones|a holiday|a trip|travel|travelling|a vacation)",
            "me (quito|saco|voy a quitar|voy a sacar) (del medio|de en medio|del camino)",
            "(take|taking) myself out of the (picture|way)",
            "by my own hand",
            "(sé|se) (cómo|como) y (dónde|donde|cuándo|cuando)",
            "i know (how|where) and (where|when|how)",
            "(solo|sólo|nomás|nada más|ya solo|ya nomás)? (me falta|falta|falta nada más) (decidir|elegir|escoger|ponerle)"
                    + " (cuándo|cuando|el día|la fecha|fecha)",
            "(just )?(need|have) to (decide|pick|choose) (when|the day|a date)",
            "(haven't|havent|have not|didn't) (picked|chosen|set) a (date|day)",
            "(es|ya es) (cuestión|cosa) de (días|tiempo|horas|semanas)",
            "(le di|le doy|me di|me doy|les di) (de )?plazo",
            "(giving|i'm giving|im giving|i'll give|ill give) (it|life|myself) (till|until|til) (friday|monday|the"
                    + " weekend|the end of the month|christmas|my birthday|tomorrow|next week)",
            "(won't|wont|will not|not going to|gonna not) make it (to|till|until|past) (my birthday|christmas|friday|the"
                    + " weekend|next week|new year|the new year|summer)",
            "(espero|aguanto|esperar|estoy esperando|waiting|wait|holding on) ~~ (para no arruinar*|so i don't ruin|so"
                    + " it doesn't ruin|not to ruin|para no amargar*|para no estropear*)",
            "(lo voy a hacer yo|voy a ir yo|voy a hacerlo yo|i'll do it myself|i will do it myself)",
            "(buscando|investigando|mirando|busqué|investigué|miré|he mirado|me he puesto a mirar|googleando|googleé"
                    + "|researching|looking up|googling|searching|searched|looked up) ~ (cómo|como|formas de|maneras de"
                    + "|métodos para|ways to|how to|methods to) (hacerlo|matarme|suicidarme|morir|quitarme de en medio|die"
                    + "|kill myself|do it|end it)",
            "(planning|planeando|planear|planeo) (my|mi) (suicide|suicidio|muerte|death)",
            "(pensar|thinking|pienso) en matarme ~~ (como|like) (pensar|planning|thinking)",
            "(i'm|im|i am) (going to|gonna) (end it|do it) ~ (tonight|today|this weekend|tomorrow|soon)",
            "all i (think|can think) about is (suicidio|dying|death|killing myself)");

    /** Wishing not to be alive, without a stated intent: passive ideation, being a burden. */
    static final PhraseSet PASSIVE_WISH = PhraseSet.of(
            "no quiero (despertar|despertarme|amanecer|abrir los ojos|levantarme nunca más)",
            "ojalá no (despertar|despertarme|amanecer|me despierte|despierte|despertara|me despertara)",
            "(dormir|dormirme|acostarme) (y|para) (ya )?no (despertar|despertarme|levantarme|volver|me despierte)",
            "(dormir|dormirme) y no (despertar|despertarme|levantarme) (nunca )?(más)?",
            "no (levantarme|despertarme|despertar) (nunca )?más",
            "dormirme para siempre",
            "ojalá (sea|fuera) (definitivo|para siempre|lo último)",
            "ojalá me (duerma|pase algo|muera|muriera|lleve|pise|atropelle|choque|agarre|caiga|pase un|toque)",
            "(quisiera|quiero|me gustaría|ojalá pudiera|ojalá) (desaparecer|no existir|no haber nacido|dejar de"
                    + " existir|estar muerto|estar muerta|morirme|me muriera|me muera|no estar)",
            "(mejor|preferiría|preferiria) (no haber nacido|no existir|estar muerto|estar muerta)",
            "desaparecer (para siempre|del mapa para siempre|de este mundo|y ya)",
            "(le pido|pido|rezo) (a dios )?~ que me (lleve|lleves|recoja|lleve ya)",
            "(sería|seria|todo sería|todo seria|sería más fácil|seria mas facil) ~~ (si|que) (yo )?(ya )?(no"
                    + " estuviera|no existiera|me muriera|desapareciera|no hubiera nacido|no estoy|me muero|me fuera"
                    + " para siempre|no esté|no exista)",
            "(si|que) (yo )?(ya )?(no estuviera|no existiera|me muriera|desapareciera|me fuera para siempre)",
            "(un )?alivio para todos",
            "(estarían|estarian|estarán|vivirían|andarían|andarian) ~ (mejor|más tranquilos|mas tranquilos|tranquilos)"
                    + " ~ sin mí",
            "mejor sin mí",
            "(igual|igualito|lo mismo) sin mí",
            "soy (una carga|un estorbo|un peso)",
            "(siento que )?estorbo en",
            "(ser|siendo) una carga",
            "(nadie|a nadie) (me )?(extrañaría|extrañarían|notaría|notarían|le importaría|le importaria|le va a importar"
                    + "|me va a extrañar|lo iba a notar|lo notaría|se daría cuenta) ~~ (si|que) ~ (muero|muriera"
                    + "|desaparezco|desapareciera|no estuviera|me mato|me voy|no estoy)",
            "nadie me (extrañaría|extrañaria|va a extrañar)",
            "(si me muero|morirme|si desaparezco|si no estoy) ~~ (no pasa nada|me da igual|no sería tan malo|nadie|mejor"
                    + "|favor|da lo mismo|da igual)",
            "me (da|daría|da a mí) (igual|lo mismo) (si )?(me muero|morir|morirme|vivir o morir|si me atropellan|si me"
                    + " pasa algo|dejar de estar|dejar de existir|que me pase algo|si me matan)",
            "(dejar de estar|dejar de existir)",
            EUPHEMISM,
            "(ya )?no (quiero|puedo) seguir( así| asi)?",
            "(quiero|necesito) (descansar|paz) (para siempre|de verdad|de todo)",
            "(quiero|quisiera) (que todo termine|que se acabe todo|que todo se acabe|que esto se acabe|que esto"
                    + " termine)",
            "(no|ya no) (le )?(veo|encuentro) (futuro|salida|la salida)",
            "(ya )?no (me )?queda (nada|nadie|nada por qué|nada para)",
            "(estoy|me siento) (de )?sobra",
            "(i|i'm|im) (just )?(want|wanna|need) (it|the pain|everything) to (stop|end)",
            "(can't|cant) (see|find) a way out",
            "(i'm|im|i am) (so )?done with (life|everything|it all)",
            "(everyone|everybody) would be (better|happier|fine) (off )?without me",
            "no (le )?tengo miedo a (morir|la muerte)",
            "no tiene sentido (seguir|vivir|seguir viviendo|que siga|estar vivo|estar viva)",
            "no (le )?(encuentro|veo) (sentido|razón|razones|motivos) (a|para|de) (la vida|vivir|seguir|seguir viviendo|mi"
                    + " vida)",
            "no tengo (razones|motivos|razón|ganas) (para|de) (vivir|seguir viviendo|seguir vivo|seguir viva)",
            "para qué (seguir|sigo) (viviendo|vivo|acá)",
            "(me cansé|harto|harta|cansado|cansada|agotado|agotada) (de )?(vivir|estar vivo|estar viva|existir)",
            "(ya )?no aguanto (más|mas) (esta vida|mi vida|vivir|así|nada|esto)",
            "ya no aguanto (más|mas)",
            "(ya )?no (puedo|doy) (más|mas) con (mi vida|esta vida|todo|la vida|vivir)",
            "no (quiero|quisiera) (seguir )?(vivir|viviendo)",
            "(ya )?no quiero estar (aquí|acá|en este mundo|más|vivo|viva)",
            "(me quiero|quiero|quisiera) (irme|ir) de este mundo",
            "(quiero|quisiera) irme para siempre",
            "(nada|no) (vale|valgo) la pena (vivir|seguir)",
            "(intenté|traté de|quise) ~ " + SELF_KILL,
            "(don't|dont|do not) (want|want to) (to )?(wake up|be here|exist|be alive|live)",
            "(wish|want) (i|to) (was|were|be|could be) (dead|gone)",
            "wish i (could )?(disappear|wasn't here|never woke up|was never born|had never been born|didn't exist)",
            "(go to sleep|sleep|fall asleep) and (never|not) wake up",
            "(want|wanna) to (not exist|disappear|stop existing)",
            "stop existing",
            "better off (without me|if i (was|were) gone|dead)",
            "(i'm|im|i am|i feel like) (just )?(a burden|such a burden)",
            "no (reason|point) (to live|in living|in going on|to keep going|to go on)",
            "can't go on",
            "(tired|sick) of (living|being alive|existing)",
            "(nobody|no one|noone) would (miss|notice|care) ~~ (if i (died|was gone|were gone|disappeared|wasn't here"
                    + "|weren't here|killed myself)|i'm gone|im gone)",
            "(hit|hits|killed) me ~~ (wouldn't mind|don't mind|would not mind|wouldn't care|be a relief)",
            "wouldn't mind (dying|not waking up|if i died)",
            "(i )?(tried|attempted) to (kill myself|end my life|end it)",
            "(estaría|estaria|viviría|viviria|sería|seria|serían|serian|andaría|andaria|quedaría|quedaria) ~"
                    + " (mejor|más feliz|mas feliz|más felices|mas felices|más tranquila|más tranquilo|más tranquilos|en paz)"
                    + " ~ sin mí",
            "(el mundo|mi familia|mi casa|todos|todo el mundo|mis hijos|mis papás|mis viejos) ~ (mejor|más felices|más tranquilos) sin mí",
            "(les|le) (haría|haria|hago|hacía) un favor ~~ (si )?(me muero|me muriera|desaparezco|desapareciera|no"
                    + " estuviera|me voy para siempre|me mato)",
            "(solo|sólo|nada más|nomás) (soy|doy|causo|traigo) (problemas|molestias|un problema|una molestia|un estorbo"
                    + "|una carga|lata)",
            "(no le hago falta|no hago falta|no le sirvo) a nadie",
            "(para qué|pa qué|para que|de qué sirve|de que sirve|qué sentido tiene|que sentido tiene) (seguir|sigo"
                    + "|vivir|estar vivo|estar viva|seguir viviendo|seguir acá|seguir aquí|despertar|levantarme)",
            "no tengo (nada|nadie) (por|para) (qué|que|quien|quién|lo que) (vivir|seguir)",
            "no (me )?(importaría|importaria|molestaría|molestaria) (morir|morirme|no despertar|que me pasara algo|si me"
                    + " muero|que me atropellaran|dejar de existir|no amanecer)",
            "(ganas de|quiero|quisiera|me gustaría|solo quiero|sólo quiero|necesito|tengo ganas de) (desaparecer"
                    + "|dejar de existir|no existir|no despertar|no despertarme)",
            "(dios|diosito|señor|virgencita|tata dios|papá dios|padre) ~ (llévame|llevame|recógeme|recogeme|me lleve"
                    + "|me recoja|me lleves|me recojas|llévame ya|llevame contigo|llévame contigo)",
            "(quiero|quisiera|ya quiero|me quiero ir a) (estar|descansar|irme) (con dios|con diosito|en el cielo|al"
                    + " cielo|con mi mamá en el cielo)",
            "(ojalá|ojala|ojalá que) ~ (me dé algo|me de algo|me diera algo|me dé un infarto|me diera un infarto|me"
                    + " atropellen|me atropellara|me caiga un rayo|no despierte|no amanezca|todo se acabe|se acabe todo)",
            "(what's|whats|what is) the point (of|in) (living|being alive|going on|carrying on|waking up|existing"
                    + "|anything anymore)",
            "why (do i|should i|am i|bother) (even )?(keep going|live|living|exist|existing|wake up|alive|still"
                    + " here|being alive)",
            "(i'd|id|i would) (rather|sooner) (be dead|die|not exist|not be here|not wake up)",
            "(hope|hoping|pray|praying|wish) (i|that i) (don't|dont|do not|won't|wont|never) wake up",
            "(life|living) (isn't|is not|isnt|ain't|aint) worth (it|living|living anymore)",
            "(nothing|no one|nobody) (left )?to live for",
            "(want|wanna|need) (it all|everything|the pain|this) to (be over|stop|end) (for good|forever|permanently)",
            "(i'm|im|i am) (just )?(a waste of space|a waste of oxygen|a waste of air)",
            "(everyone|everybody|they|my family|the world) ~ (better|happier) (off )?without me",
            "(morirme|morir|estar muerto|estar muerta|no despertar|no estar) (sería|seria|es|sería como) (un"
                    + " descanso|un alivio|lo mejor|una liberación|mejor)",
            "(estaría|estaria) bien (morirme|morir|no despertar|no estar|desaparecer)",
            "(dying|death|not waking up|being dead) (wouldn't|would not|won't|isn't) be (the worst|so bad|that bad)",
            "(dying|death|not waking up) (would be|sounds like) (a relief|peaceful|a rest|nice)",
            "(if i died|if i don't wake up|if i didn't wake up|si me muero|si no me despierto|si no despierto) ~~"
                    + " (wouldn't care|would not care|don't care|mejor|me da igual|no me importa|da igual|fine with that"
                    + "|a relief|un alivio)",
            "(ojalá|ojala|wish|quiero que|a veces quiero que) ~ (me (atropelle|atropellara|pise|pisara|choque|chocara)"
                    + "|me caiga|me cayera|un auto no frene|no frene|hit me|would hit me|crash)",
            "(no me importaría|no me importaria|wouldn't mind|don't care|no me importa) (si|que|if) ~ (un auto|un"
                    + " carro|la micro|el bus|a car|a bus|i crash|me choca|me atropella|no frena|no frene|me pasa algo"
                    + "|something happens|i die)",
            "(debí|debí haberme|debería haberme|debería haber) (haberme )?(muerto|morido) yo",
            "(should have|should've|shouldve) been me",
            "(wish|wished) (i'd|id|i had|i) (never been born|not been born|died|not woken up)",
            "(mi vida|my life|mi existencia|my existence) (fue|es|was|is) (un error|un estorbo|a mistake|a burden)",
            "(ni siquiera|ni) vivir",
            "(harta|harto|cansada|cansado|tired|sick) de (respirar|breathing)",
            "(don't|dont|do not) (think|see) (i'll|ill|i will|myself) (be )?(being )?(around|here|alive) (for|in|by|much"
                    + " longer|next)",
            "no (creo|pienso) (tener|que tenga|que haya) (un )?futuro",
            "(running out|me estoy quedando sin|quedando sin|out) (of )?(reasons|motivos|razones) (to|para) (keep"
                    + " going|live|go on|seguir|vivir)",
            "(sin mí|without me) ~~ (no cambiaría nada|nothing would change|no notarían|wouldn't notice|ya se"
                    + " acostumbr*)",
            "(nadie|nobody|no one) (notaría|notaria|notarían|would notice|se daría cuenta) ~~ (si|if) ~ (dejo de"
                    + " estar|no estoy|me voy|i was gone|i disappeared|i stopped)",
            "(a propósito|on purpose) ~~ (me da igual lo que me pase|no me importa lo que me pase|don't care what"
                    + " happens|si me pasa algo mejor)",
            "(no me importa|me da igual|don't care|dont care) (lo que me pase|what happens to me|si me pasa algo|if i"
                    + " crash|if i die|si me muero)",
            "(le pido|pido|le rezo|rezo|pray|praying|i pray|asking|keep asking|le ruego|ruego) ~~ (que me (lleve"
                    + "|lleves|llame|llames|recoja|quite la vida|deje morir|deje ir)|no (amanecer|despertar|me deje"
                    + " despertar)|(take|takes) me|let me die|to die)",
            "(por qué|por que|why) no me (llevas|llevaste|llevás|take me)",
            "(si me quieres contigo|take me home|llévame contigo|recíbeme|recibeme|recíbanme)",
            "(quedarme|quedara|quedase) (dormida|dormido) para siempre",
            "(mi funeral|my funeral) ~~ (alivio|relief|nadie|no one|nobody|ahorran|save)",
            "(at least|al menos|por lo menos) (if|si) (i'm|im|i am|me muero|estoy muerto|estoy muerta|i die|i was) ~~"
                    + " (dead|no tengo|won't have|no tendría|wouldn't have)",
            "(solo|sólo|nomás|nada más|only|just) (aguanto|sigo|estoy aquí|sigo aquí|sigo acá|still here|here|staying)"
                    + " (por|for) (mi|my|mis) ~",
            "(este|esta|this) (va a ser|será|es|will be|is going to be) (mi|my) (último|última|last) (cumpleaños"
                    + "|navidad|birthday|christmas|verano|summer|año|year)",
            "(no sé si|no creo que|dudo que|not sure i'll|don't think i'll|dont think ill) (llego|llegue|llegar|make it)"
                    + " (a|al|to) (fin de año|fin de mes|navidad|mi cumpleaños|el verano|christmas|my birthday|summer)",
            "(desearía|desearia|deseo|quisiera poder|me encantaría|me encantaria|me gustaria) (no haber nacido|no"
                    + " existir|dejar de existir|estar muerto|estar muerta|morirme|desaparecer|no despertar|dormir para"
                    + " siempre)",
            "(ojalá|ojala) (no )?(hubiera|hubiese) (nacido|muerto)",
            "(mejor|más vale|mas vale) (estar )?(muerto|muerta)",
            "(la vida|vivir|existir) me pesa",
            "me pesa (vivir|la vida|existir|estar vivo|estar viva)",
            "(ya )?no quiero (existir|estar viva|estar vivo)",
            "(nadie|a nadie) (me )?(echaría|echaria|echarían|va a echar) (de menos|en falta)",
            "(mi vida|vivir|la vida) no (vale|valdría|vale la pena) (nada|la pena)?",
            "(sin|perdí las|perdí|se me fueron las|se me quitaron las|he perdido las|ya no tengo) ganas de vivir",
            "no me importa si (vivo o muero|me muero|muero)",
            "(i )?(don't|dont|do not) care (if|whether) i live or die",
            "(lost|losing|have no) (the )?will to live",
            "(nobody|no one|noone) (would|will|is going to|gonna) (miss|notice) me",
            "(want|wanna|like) to (sleep|go to sleep) forever",
            "(rest|sleep|switch off|fade out|shut down|shut off) (forever|permanently|for good|like permanently)",
            "(go to sleep|fall asleep|sleep) and stay asleep",
            "(nice|easier|better|a relief) (to|if i) (not exist|didn't exist|wasn't here|weren't here|was gone|were"
                    + " gone|just disappeared|never woke up)",
            "(he dejado|dejé|deje|stopped|i've stopped|quit) (de tomar|taking) (la|mi|mis|my) (medicación|medicacion"
                    + "|medicamentos|pastillas|meds|medication) (a propósito|on purpose)");

    /** Hurting oneself without the intent to die. */
    static final PhraseSet SELF_HARM = PhraseSet.of(
            "me (corto|corté|cortaba|lastimé|lastimaba|golpeo|quemo|quemé|rasguño|araño|pego|muerdo|he cortado"
                    + "|he lastimado) (a propósito|los brazos|las piernas|las muñecas|el brazo|la pierna|la piel|la panza"
                    + "|los muslos|para|otra vez|de nuevo|cuando|todos los días|seguido|hasta|en la cabeza|contra"
                    + "|mucho esta vez|sin querer queriendo)",
            "me (lastimo|hago daño|hice daño|doy golpes|di golpes|he hecho daño|estoy haciendo daño|sigo haciendo daño"
                    + "|hago cortes|he vuelto a cortar|he vuelto a hacer daño)",
            "(volví a|vuelvo a|he vuelto a|quiero|ganas de|necesito|no puedo dejar de|tengo ganas de|empecé a|sigo|dejé"
                    + " de)"
                    + " (cortarme|lastimarme|hacerme daño|golpearme|quemarme|autolesionarme|rasguñarme)",
            "me (volví|vuelvo|he vuelto) a (cortar|lastimar|hacer daño|quemar|golpear)",
            "me (autolesiono|estoy autolesionando|autolesioné|autolesionaba)",
            "me (las|los|lo) hago yo",
            "me (rasco|araño|rasguño|clavo|quemo|pellizco) ~ (hasta sangrar|hasta que sangra|con (un|el|los) (cigarro"
                    + "|cigarrillo|encendedor|cuchillo|compás|sacapuntas|vidrio|las uñas|una hoja)|las uñas en)",
            "(hasta (sangrar|hacerme sangre|que sangre))",
            "(castigarme|me castigo) ~ (lastimándome|haciéndome daño|cortándome|golpeándome|con)",
            "lo que me hago",
            "(cutting|hurting|harming|burning|hitting|punching|scratching|cut|hurt|harm|burn|hit) myself",
            "i cut (again|myself|last night|yesterday|today)",
            "i (self harm|self harmed|have been self harming|relapsed)",
            "(been|was) clean for ~ (weeks|months|days|years)",
            "me (quemo|quemé|quemaba|corto|corté|cortaba|marco|marqué|rayo|rayé|hago cortes) (con|en) (cigarros"
                    + "|cigarrillos|el encendedor|un encendedor|una navaja|la navaja|una cuchilla|la cuchilla|el cúter"
                    + "|un cúter|una gillette|la gillette|tijeras|un compás|el compás|los brazos|las piernas|los muslos"
                    + "|las muñecas|la panza)",
            "(tengo|me hice|me hago|me vieron|me vio) ~ (cortes|heridas|marcas|quemaduras) (en|de) (los|mis|la|el)"
                    + " (brazos|muñecas|piernas|muslos|brazo|muñeca|pierna|panza|abdomen)",
            "(ganas|necesidad) (de|de volver a) (cortarme|lastimarme|hacerme daño|quemarme|golpearme)",
            "(recaí|volví a recaer|tuve una recaída) ~ (cortarme|cortes|lastimarme|autolesi*|me corté)",
            "(i've|ive|i have|i) (been|started|keep|kept|start) (cutting|burning|hurting|scratching|hitting|harming)"
                    + " (myself|again)",
            "(fresh|new|deep) (cuts|scars|burns) (on|in) (my )?(arms|wrists|thighs|legs|stomach|arm|wrist|thigh)",
            "(urge|urges|need|itch) to (cut|self harm|hurt myself|burn myself)",
            "(i )?(self harm|sh) (again|every (day|night)|when)",
            "me (golpeo|pego|castigo|muerdo|clavo las uñas|rasguño|araño|quemo) ~~ (hasta|cuando me|cuando estoy|cuando"
                    + " saco|físicamente|fisicamente|marcas|heridas|sangr*|el dolor)",
            "(castigarme|me castigo) (físicamente|fisicamente|con|dejando de comer)",
            "(dejé de comer|deje de comer|no como) (a propósito|para castigarme)",
            "(punching|punch|hitting|hit) (walls|the wall) ~~ (bleed|bleeding|till|until)",
            "(what i do to myself|lo que me hago)",
            "(long sleeves|manga larga|mangas largas) ~~ (no one sees|nadie vea|nadie me vea|hide|esconder|tapar|no se"
                    + " vean|las marcas|los cortes|scars|cuts)",
            "(recaí|relapsed|relapse) ~~ (sin hacerme daño|days clean|días limpia|días limpio|without cutting|self harm"
                    + "|cutting|nobody knows|nadie sabe|today|hoy|anoche|again)",
            "(tengo|hay|me vio|vieron|vio) ~ (marcas|cortes|cicatrices) (en|de) (las|mis|los) (piernas|brazos|muñecas"
                    + "|muslos)",
            "(i )?(cut|cutting) ~~ (won't stop bleeding|wont stop bleeding|keeps bleeding|too deep)",
            "(no para|no deja|no paraba) de sangrar",
            "me (merezco|lo merezco) (el dolor|sufrir|que me duela|lastimarme)",
            "(el dolor de afuera|physical pain) ~~ (el de adentro|the inside|emotional)");

    static final PhraseSet GIVING_AWAY = PhraseSet.of(
            "(regalé|estoy regalando|voy a regalar|regalando|repartí|estoy repartiendo|ya regalé|he regalado) ~ (mis"
                    + "|todo|todas mis|casi todo|lo que tengo|mis pertenencias|todo lo mío)",
            "(le di|les di|le dejé|les dejé|le he dado|les he dado|ya di|ya le di|ya les di) ~ (mis cosas|mi perro|mi"
                    + " perra|mi gato|mi gata|mi ropa|mis ahorros|mi bici|mis juegos|mi guitarra|mis libros|todo|mis"
                    + " tenis|mi compu|mis pertenencias|mis plantas|mi mascota)",
            "(ya )?no (los|las|lo|la|les) voy a (usar|necesitar)",
            "(hice|armé|escribí) una lista de ~ (quién|quien) ~ (cosa|cosas)",
            "(giving|gave|give|given) (away )?(all )?my (stuff|things|belongings)",
            "(gave|given) my ~ to",
            "(won't|wont|will not) be needing (them|it|anything)",
            "(ya )?no (me )?(van a hacer|hace|harán) falta",
            "(quédatelo|quedátelo|quédatela|quedátela|quédenselo|quédenselos) ~~ (ya no|yo no|a mí no|no lo voy"
                    + "|no la voy|no los voy)",
            "(keep|have) (it|them|my) ~ (i won't|i wont|i don't|i dont) (need|be needing)");

    /** Saying goodbye for good. */
    static final PhraseSet FAREWELL = PhraseSet.of(
            "adiós (a todos|para siempre|mundo)",
            "(chau|adiós) a todos",
            "ya no me (van|vas|vais) a (ver|tener|escuchar|molestar|aguantar)",
            "(cuiden|cuidá|cuida|cuidad|cuídenme|cuídenmela|cuídenmelo) (a|de) mi (perro|perra|gato|gata|mamá|mama"
                    + "|hijo|hija|hermanito|hermanita|familia|vieja|viejo)",
            "(perdónenme|perdóname|perdoname|perdonenme|perdonadme|perdón) por (todo|lo que voy a hacer|esto|lo que"
                    + " voy a)",
            "(esta|este) es mi (último|ultimo|última|ultima) (mensaje|noche|día|dia)",
            "(es )?(la|mi) (última|ultima) (vez|noche) (que|en que) (te|le|les|os) (escribo|hablo)",
            "(escribí|escribo|dejé|tengo|estoy escribiendo|ya hice|hice) ~ (carta|cartas|nota|notas) (de despedida"
                    + "|para mi|para mis|para cuando)",
            "(si|cuando) (lean|leas|leáis|lees|leés|alguien lee|algún día alguien lee) esto ~~ (perdón|perdóname"
                    + "|perdónenme|díganle|decile|dile|no fue|ya)",
            "cuando (la|lo|me) (lea|lean|encuentren|encuentre) ~ ya",
            "ya no voy a estar",
            "(díganle|dile|decile|decirle|decidle) a mi ~ que (la|lo|los|las) (quiero|quise|amo|amé|quería)",
            "no fue (su|tu|vuestra) culpa",
            "ya no (les|te|le|os) voy a (dar|causar) (más )?(problemas|molestias|lata|disgustos)",
            "me despedí de (todos|mi|mis)",
            "(me voy|irme|me iré) de este mundo",
            "ya no voy a necesitar (escribir|nada|más|esto|hablar)",
            "(el|mi) (último|ultimo) adiós",
            "(les|te|le) (dejé|dejo) (una carta|un mensaje|una nota|todo escrito)",
            "(ya )?(organicé|dejé organizado|arreglé|dejé arreglado|ordené) (todo|mis papeles|mis cosas) ~~ (por si"
                    + "|cuando|para que|para cuando|no tengan problemas)",
            "(las contraseñas|mi contraseña|la clave del banco|el seguro de vida|mi testamento|el testamento)",
            "(goodbye|bye) (everyone|forever|world|all)",
            "no (se olviden|te olvides|os olvidéis|me olviden|me olvides) de mí",
            "(don't|dont|do not) forget (about )?me",
            "no (lloren|llores|lloréis|se pongan tristes|estén tristes) por mí",
            "(don't|dont|do not) (cry|be sad) (for|about|over) me",
            "(ya )?me (habré ido|habre ido)",
            "(i'll|ill|i will) (be gone|already be gone)",
            "(by the time|when) (anyone|someone|somebody|you|u) (sees|reads|finds|see|read|find) this",
            "(cuando|si) (encuentren|encuentres|lean|leas|alguien encuentre|alguien lea) esto ~~ (sepan|sepas|ya|perdón"
                    + "|no fue|lo intenté)",
            "fue (un placer|lindo|bonito) (conocerlos|conocerte|conoceros|mientras duró|gente)",
            "(final|last) (goodbye|message|note)",
            "this is (my )?(the )?last (message|night|time)",
            "by the time (you|u) read this",
            "(take care of|look after) my (dog|cat|mom|mum|mam|kids|son|daughter)",
            "(won't|wont|will not) be (around|here) (anymore|much longer|tomorrow)",
            "you (won't|wont|will not) (hear|see) (from )?me again",
            "(i'm|im|i am) sorry for everything",
            "tell my ~ (i love|that i love|i loved)",
            "none of this (was|is) (her|his|your|their|anyone's) fault",
            "cuando (yo )?(ya )?no (esté|este|estés) ~~ (cuiden|cuida|cuidá|díganle|diles|decile|dile|quiero que"
                    + "|no llores|no lloren|sean felices|sé feliz)",
            "(me despido|me estoy despidiendo|quería despedirme|quiero despedirme|vengo a despedirme) (para siempre"
                    + "|de todos por última vez|por última vez|de este mundo|de la vida)",
            "esta es mi despedida",
            "(ya )?no (van|vas|vais) a (saber|tener noticias) (más )?de mí",
            "(perdón|perdónenme|perdóname|perdoname|perdonenme|sorry) (por|for) (no (haber sido|ser)|not being) ~"
                    + " (suficiente|más fuerte|mas fuerte|enough|stronger|better|mejor)",
            "(when|after|once) (i'm|im|i am) gone ~~ (take care|look after|tell|don't|dont|please|look after|you)",
            "this is (goodbye|my goodbye)",
            "goodbye for (good|ever)",
            "no me (busquen|busques|busquéis|esperen) (nunca más|más|nunca)?",
            "(don't|dont|do not) (look for|come looking for|wait for) me",
            "nos vemos en (otra vida|la otra vida|el cielo|el más allá)",
            "see you (in another life|on the other side)",
            "(este|esta) es mi (último|ultimo|última|ultima) (post|publicación|historia|story|tuit|tweet|video)",
            "(my|this is my) (last|final) (post|story|tweet|video)",
            "(ya no voy a ser|no voy a ser más|dejo de ser) (tu|su|vuestro|un) (problema|carga|estorbo)",
            "(won't|wont|will not) be (your|a) (problem|burden) (anymore|any more|much longer)",
            "(te|les|os) (dejo|dejé) (todo|mis cosas|mi música|mis libros|mi ropa|lo mío) ~~ (sé feliz|sed felices|sean"
                    + " felices|yo ya no|cuídalo|cuidalo|perdón|lo siento|no puedo)",
            "(leaving|left|writing|wrote) (letters|notes|a letter|a note) (for|to) (my|everyone)",
            "(good place|buen lugar|buen sitio|qué vista|que vista|nice view|what a view) ~~ (to say bye|to say"
                    + " goodbye|para despedirse|para despedirme|para decir adiós|to end it|to jump)",
            "(if you're reading this|if you are reading this|si estás leyendo esto|si estas leyendo esto) ~~ (too"
                    + " late|tarde|gone|ya no estoy|ya me fui|i'm gone)",
            "(i )?(just )?(wanted|want) to say (goodbye|bye) (to everyone|before i go|one last time|for good)");

    /** Asking forgiveness or taking the blame off others: half of a farewell ({@link #FAREWELL_LOVE} the other). */
    static final PhraseSet FAREWELL_SORRY = PhraseSet.of(
            "(perdóname|perdoname|perdónenme|perdonenme|perdonadme|perdóneme|perdón por todo|lo siento mucho|lo siento"
                    + " por todo|i'm sorry|im sorry|i am sorry|forgive me)",
            "no (es|fue) (tu|su|vuestra) culpa",
            "no (es|fue) culpa (tuya|suya|vuestra|de ustedes|de nadie)",
            "(it's|its|it is|it was) not (your|anyone's|anyones|anybody's) fault",
            "(it|it's|its) (isn't|wasn't|isnt|wasnt) (your|anyone's|anyones) fault");

    /** Love, thanks, "be happy": the other half of a farewell. */
    static final PhraseSet FAREWELL_LOVE = PhraseSet.of(
            "(te|los|las|os|la|lo|les) (quiero|quise|amo|amé|quería|he querido|quiso|quisimos) ~ (mucho|siempre|más|a"
                    + " todos)?",
            "(sé|sean|sed) (feliz|felices)",
            "(i|we) (love|loved) (you|them|her|him)",
            "love (you|ya) (all|guys|so much|always)",
            "(be|stay) happy",
            "gracias por (todo|intentarlo|estar|haberme)",
            "(thank you|thanks) for (everything|trying|being there)");

    /** Thanks and a goodbye: ordinary, unless said after risk (the conversation state decides). */
    static final PhraseSet GOODBYE = PhraseSet.of(
            "(adiós|chau|chao|bye|goodbye)",
            "gracias por (todo|escucharme|leerme|todo lo que)",
            "(thank you|thanks) for (everything|listening)");

    /** A decision to act, with or without saying what. */
    static final PhraseSet PLAN_ACT = PhraseSet.of(
            "lo (voy a|pienso|vamos a) hacer",
            "(esta noche|hoy|mañana|ahora|el sábado|el domingo|el viernes|el lunes|esta madrugada|a las) ~ lo hago",
            "lo hago (esta noche|hoy|mañana|el|cuando|en un rato|a las)",
            "(esta noche|hoy|mañana|esta madrugada) (me voy|se acaba todo|se termina todo|se acaba)",
            "se (acaba|termina) todo",
            "lo hago",
            "me (las|los) (tomo|voy a tomar|trago|tomaré|tomo todas|tomo todos)",
            "(hoy|esta noche|ahora|mañana) me (mato|suicido|tiro)",
            "me (mato|suicido) (hoy|esta noche|ahora|mañana)",
            "(i'm|im|i am) (going|going to) (to )?do it (tonight|today|now|tomorrow)",
            "doing it (tonight|today|tomorrow|after)",
            "(then|and then) (it's|its|it is) over",
            "(i'm|im|i am) done",
            "tonight's the night");

    /** Being ready: the decision taken, a date set, what is needed at hand. */
    static final PhraseSet READY = PhraseSet.of(
            "(tengo|ya tengo|hice|armé) (un|el|todo un) plan",
            "ya (lo )?(tengo|está|esta) (todo )?(planeado|pensado|decidido|preparado|listo)",
            "ya (lo )?tengo (todo )?decidido",
            "ya (sé|se|decidí) (cómo|cuándo|dónde|como|cuando|donde)",
            "(tengo|dejé|está|esta|dejé ya) todo (listo|preparado|organizado)",
            "ya (tengo|lo tengo) todo",
            "tengo todo (acá|aquí|listo)",
            "(tengo|ya tengo|conseguí|ya conseguí|compré|ya compré) (lo que necesito|lo que necesitaba|con qué|lo"
                    + " necesario|todo)",
            "(tengo|ya tengo|puse|ya puse|elegí|ya elegí) (una|la|el) (fecha|día)",
            "hoy es el día",
            "ya sé lo que voy a hacer",
            "esperando (a )?que ~ (se duerman|se duerma|se vayan|se vaya|no haya nadie|todos duerman|se acueste|se acuesten)",
            "cuando (todos )?(se duerman|se vayan|salgan|se acuesten|no haya nadie)",
            "(i have|i've got|ive got|i made|i've made) a plan",
            "(i've|ive|i have) (planned|decided) (how|when|where)",
            "(i've|ive|i have) (got|bought) what i need",
            "i bought what i need",
            "(i've|ive|i have) (picked|chosen|set) a date",
            "everything is ready",
            "(everything's|everythings|everything is) sorted",
            "(it all|everything) planned",
            "notes are written",
            "once the house is asleep",
            "(tengo|lo tengo|ya tengo|ya lo tengo) todo (pensado|calculado|planeado|resuelto|decidido)",
            "ya (sé|se|pensé|tengo pensado|elegí|investigué|busqué) (cómo|como|cuándo|cuando|dónde|donde|el día|la"
                    + " fecha) (lo voy a hacer|hacerlo|lo hago|va a ser)",
            "(vengo juntando|he estado juntando|estoy juntando|he juntado|estoy guardando|he guardado|vengo guardando"
                    + "|estoy acumulando|he acumulado) ~ (pastillas|píldoras|remedios|medicamentos|pastis)",
            "(i've|ive|i have) made up my mind",
            "i know (how|when|where) (i'm|im|i am) (going to|gonna) do it",
            "(it's|its|it is|i've got it|i have it|ive got it) all planned (out)?",
            "(i've|ive|i have) been (saving|stockpiling|hoarding|collecting) (up )?(my )?(pills|meds|tablets"
                    + "|sleeping pills|painkillers)",
            "(wrote|written|writing) (the|my) (notes|letters|note|goodbye letters)",
            "(tengo|ya tengo) todo (juntado|comprado|escondido|guardado)",
            "(everything's|everythings|everything is|it's all|its all) (sorted|ready|bought|set)",
            "(i have|i've got|ive got|got) (everything|it all|what i need) (hidden|ready|sorted|in my)");

    /**
     * Waiting to be alone or unseen, what is needed hidden: beside a time or a plan, it makes a plan imminent even
     * without a word of death.
     */
    static final PhraseSet CONCEALMENT = PhraseSet.of(
            "(tengo|ya tengo|lo tengo) (todo|lo que necesito|lo necesario) ~ (escondido|escondida|guardado|juntado"
                    + "|comprado|debajo de la cama|en el placard|en el armario|en el coche|en la pieza|en mi cuarto|en el"
                    + " auto|en la mochila)",
            "(everything|it all) (is )?hidden",
            "(esperando|espero|waiting) (a )?(que|for) ~ (se duerman|se duerma|se vayan|se vaya|se acueste|se acuesten"
                    + "|everyone to sleep|them to leave|the house to)",
            "cuando (todos )?(se duerman|se vayan|salgan|se acuesten|no haya nadie|se acueste|me dejen sola|me dejen solo)",
            "once the house is asleep",
            "(la casa|house|the house) (va a estar|está|esta|estará|is|will be) (vacía|vacia|sola|empty)",
            "(me quedé|me quedo|me dejan|me dejen|i'm|im|i'll be) (solo|sola|alone) ~~ (finde|noche|tarde|weekend"
                    + "|tonight|aprovechar)",
            "(while|when) (i'm|im|i am) alone",
            "(nada|nadie) me va a (frenar|parar|detener)",
            "(nothing|no one|nobody) (will|is going to|can) stop me",
            "antes de que (se levante|se despierte|se despierten|se levanten) (nadie|alguien|todos)");

    /** What one could use, at hand, or seeking it. */
    static final PhraseSet MEANS = PhraseSet.of(
            "(dónde|donde|cómo|como) (se )?(consigo|consiguen|compro|venden|puedo conseguir|consigo|conseguir) ~ "
                    + PILLS,
            "(tengo|junté|compré|guardé|conseguí|acumulé|tengo guardadas|tengo guardados|tengo las|ya tengo) ~ "
                    + "(pastillas|píldoras|remedios|medicamentos|clonazepam|rivotril|soga|cuerda|arma|pistola|revólver"
                    + "|veneno|cuchilla|gillette|navaja|hojas de afeitar)",
            "(me tomé|me he tomado|tomé|ya me tomé) (unas|unos|algunas|las|mis) " + PILLS,
            "(have|saved|bought|got|stockpiled) ~ (pills|rope|gun|razor|razors|blades)",
            "(tengo|ya tengo|conseguí|ya conseguí|compré|ya compré) (una|la|el|un) (soga|cuerda|arma|pistola|revólver"
                    + "|fierro|veneno|cuchilla|navaja)",
            "(where|how) (can i|do i|to|could i) (get|buy) ~ (pills|sleeping pills|a gun|rope|poison) ~~ (without"
                    + " a prescription|no prescription|without anyone|quickly|fast)",
            "(dónde|donde|cómo|como) (consigo|compro|puedo conseguir|puedo comprar|se consigue|se compra) (una|un)"
                    + " (pistola|arma|soga|veneno) ~~ (sin que|rápido|rapido|sin receta|sin papeles)");

    /** A time close at hand. */
    static final PhraseSet TIMING = PhraseSet.of(
            "(esta|hoy a la) noche",
            "(hoy|ahora) mismo",
            "en (un rato|unos minutos|una hora|un ratito|media hora|dos horas)",
            "mañana (temprano|a la mañana|mismo)",
            "este (finde|fin de semana)",
            "esta madrugada",
            "antes de que (amanezca|vuelvan|lleguen|vuelva|llegue)",
            "(es|será) mi (última|ultima) noche",
            "hoy es el día",
            "(tonight|right now|tomorrow morning)",
            "(hoy a la noche|hoy en la noche|hoy por la noche|esta misma noche|hoy mismo|mañana a primera hora|mañana"
                    + " temprano|it's today|its today|today's the day|todays the day|this weekend|este finde|este fin de"
                    + " semana|cuando oscurezca|when it gets dark|at ten|a las diez|a las once|a las doce)",
            "(esta noche|tonight) (es|is) (la noche|the night)",
            "antes de (fin de mes|que termine la semana|mi cumpleaños|navidad|año nuevo|que acabe el año|que vuelvan)",
            "(este|el|el próximo|este mismo) (viernes|sábado|domingo|lunes|martes|miércoles|jueves) (es el día|lo"
                    + " hago|me voy|se acaba)",
            "(this|on|next) (friday|saturday|sunday|monday|tuesday|wednesday|thursday|weekend) (is the day|i'll do"
                    + " it|it ends|it's over)",
            "in (a few minutes|an hour|a bit)");

    /** Standing at a height or on the tracks. */
    static final PhraseSet PLACE = PhraseSet.of(
            "(estoy|ando|me subí|subí|estoy parado|estoy parada|estoy sentado|estoy sentada) (en|arriba de|arriba del"
                    + "|subido a|subida a|parado en|parada en|sentado en|sentada en|al borde de|en el borde de|asomado a"
                    + "|asomada a|a la|sobre) (la|el|las|los|) (azotea|techo|tejado|puente|terraza|cornisa|balcón|vías"
                    + "|barranco|acantilado|precipicio|ventana|baranda|borde|orilla del puente)",
            "(estoy|ando|aquí estoy|acá estoy|ya estoy|me subí|subí|estoy parado|estoy parada|estoy sentado|estoy"
                    + " sentada|sentado|sentada|parado|parada) ~ (en|a|al|sobre|arriba de|arriba del) (el|la|los|las)? (borde|orilla|baranda|barandal|barandilla|cornisa|precipicio|acantilado|viaducto|último piso"
                    + "|piso 1*|piso 2*|piso 3*|piso 4*|piso 5*|piso 6*|piso 7*|piso 8*|piso 9*|puente peatonal|malecón"
                    + "|escollera|andén|vías|rieles)",
            "(estoy|ya estoy|aquí estoy|acá estoy) ~ (en|sobre|arriba de) (el|la) (puente|azotea|terraza|techo|tejado"
                    + "|balcón|ventana) ~~ (mirando (para|hacia) abajo|mirando el agua|es ahora|ya voy|soltarme|no me"
                    + " quiero bajar|ya decidí|despedirse|despedirme)",
            "(i'm|im|i am) (standing |sitting |up |out )?(on|at) (the|a) (edge|ledge|railing|roof|cliff|cliff edge"
                    + "|bridge|tracks|top floor|platform)",
            "(on|up on|from) the (1*|2*|3*|4*|5*|6*|7*|8*|9*|top) (floor|storey|story) ~~ (bye|goodbye|view|jump|edge)",
            "(i'm|im|i am) (on|at|standing on|sitting on|up on) (the|a) (roof|bridge|ledge|edge|tracks|cliff|railing)");

    /** What someone at a place like that says that makes it a crisis, not sightseeing. */
    static final PhraseSet PLACE_CONTEXT = PhraseSet.of(
            "ya no me importa",
            "no sé (ni )?(por qué|para qué) (te )?escribo",
            "no sé (ni )?(por qué|para qué) te",
            "(solo|sólo) (quería|quiero) (escribirle|hablar|decirle|escribirte|contarle|que alguien)",
            "esperando",
            "no (pienso|voy a) volver",
            "no tengo miedo",
            "(not sure|no idea|don't know) why (i'm|im|i am) (typing|writing|telling)",
            "right now",
            "(voy a|quiero|me voy a|estoy por|estoy a punto de) (saltar|tirarme|tirar)",
            "me (voy a tirar|tiro|tiraré)",
            "(going|about|want) to jump",
            "(mirando|looking) (para abajo|hacia abajo|down|el agua|al agua|el vacío|at the water)",
            "(es ahora|ya voy|it's now|its now|it's time|its time|now or never|ahora o nunca)",
            "(soltarme|let go|me voy a soltar|i'm letting go)",
            "(no me quiero bajar|no voy a bajar|not coming down|not getting down)",
            "(ya decidí|ya lo decidí|i've decided|i decided|ya está decidido)",
            "(not scared|no me da miedo|ya no tengo miedo|not afraid)",
            "(despedirse|despedirme|say bye|say goodbye)",
            "(mis viejos no saben|nadie sabe|no one knows|nobody knows|nadie sabe que estoy)");

    static final PhraseSet PLACE_BENIGN = PhraseSet.of(
            "(hotel|restaurante|bar|rooftop|crucero|vértigo|vertigo|parapente*|surf*|playa|fuegos artificiales|fireworks"
                    + "|con los socios|con los panas|con los pibes|con las chicas|con mi familia|con mis primos|brisa"
                    + "|vacaciones|turist*|mirador|tobogán|piscina|pileta|swim*|holiday|vacation)",
            "(arreglando|limpiando|tomando sol|con amigos|con mis amigos|sacando fotos|mirando el atardecer|de paseo"
                    + "|turistas|asado|tendiendo|colgando la ropa|antena|tanque|gotera|fiesta|vista|selfie|paseando"
                    + "|fixing|cleaning|photos|sunset|party|view|tourists|repairing|atardecer|tomando mate|mate|café"
                    + "|cerveza|birra|fotos|foto|paisaje|qué lindo|que lindo|qué bonito|que bonito|qué hermoso|hermosa"
                    + "|concierto|beautiful|amazing|pretty|gorgeous|picnic|mirador turístico|paseo|excursión"
                    + "|lunch|almuerzo|comiendo|leyendo|trabajando)");

    /** An act under way: pills taken, bleeding. */
    static final PhraseSet ACT_IN_PROGRESS = PhraseSet.of(
            "(me tomé|me he tomado|me tome|me tragué|me he tragado|tragué|tomé|me bebí|me acabo de tomar|acabo de"
                    + " tomarme|ya me tomé|me metí) (todas|todo|todos|un frasco|una caja|el frasco|la caja|un montón"
                    + "|muchas|demasiadas|un blíster|dos cajas|varias cajas|un puñado|dos frascos|media caja|todo lo"
                    + " que|lo que (tenía|había|tenia|tenía guardado))",
            "(estoy|me estoy) (sangrando mucho|desangrando)",
            "no (para|deja) de sangrar",
            "ya (está hecho|lo hice|empecé|lo empecé|no hay vuelta atrás)",
            "no hay vuelta atrás",
            "(tengo|estoy con) (la soga|el cuchillo|la navaja|el arma|la pistola|las pastillas|la cuchilla) (en la"
                    + " mano|aquí|acá|conmigo|lista|listas|preparada|preparadas)",
            "(estoy|ando) (en el andén|esperando el tren|en las vías)",
            "(it's|its|it is) (done|too late)",
            "(already )?(started|did it)",
            "me (corté|corte|acabo de cortar) (las venas|muy profundo|muy fuerte)",
            "(took|swallowed|taken) (all|a bottle of|a whole bottle of|too many|the whole|a handful of|all of|the lot"
                    + "|everything)",
            "(i )?(already )?(took|swallowed) (all of them|them all|the lot)",
            "(i'm|im|i am) bleeding (a lot|badly|so much)",
            "(me tomé|me tome|tomé|me tragué|me he tomado|me acabo de tomar) (1*|2*|3*|4*|5*|6*|7*|8*|9*|diez"
                    + "|quince|veinte|treinta|cuarenta|cincuenta|un puñado de|varias|un montón de|un chingo de|un"
                    + " resto de|una bocha de|un pocotón de|una pila de|todas mis|todas las) ~ (pastillas|píldoras"
                    + "|remedios|pastis|comprimidos|tabletas|grageas|medicamentos|pepas)",
            "(just |already )?(took|swallowed|taken|downed) (1*|2*|3*|4*|5*|6*|7*|8*|9*|a bunch of|a lot of|loads"
                    + " of|heaps of|all my|all of my|my whole|every one of my|every) ~ (pills|tablets|meds|medication"
                    + "|sleeping pills|painkillers)",
            "(ya )?(empecé a|estoy empezando a) (sentir|sentirme) ~ (el efecto|mareado|mareada|raro|rara|sueño)"
                    + " ~~ (pastillas|remedios|lo que tomé|lo que me tomé)",
            "(they're|theyre|it's|its) (starting|beginning) to (kick in|work)",
            "(ya )?(empezó|empieza|está empezando|esta empezando|comenzó|ya está) (a )?hacer efecto",
            "(lo )?(he hecho|hice|acabo de hacer) hace (un rato|unos minutos|diez minutos|media hora|una hora|nada)",
            "(i )?(did it|have done it|just did it) (about |like )?(a few|ten|five|twenty|an hour|minutes) ~ ago",
            "(me tomé|me tome|me acabo de tomar|me he tomado|tomé|me tragué) (el|la|un|una) (bote|frasco|caja|blíster"
                    + "|blister|tira|tarro|paquete) (entero|entera|completo|completa)",
            "(ya )?(me las tomé|me los tomé|me las tome|me las he tomado|me las trague|me las tragué)",
            "(already|just) (took|taken|swallowed) (them|it all|everything)",
            "(i )?(already )?took them ~~ (forgive|sorry|bye|goodbye|it's done|too late)");

    /** Asking how: methods, doses, heights, how long it takes. Matching these never produces an answer. */
    static final PhraseSet METHOD_QUESTION = PhraseSet.of(
            "(cuántas|cuantas|cuánto|cuanto|qué cantidad de|que cantidad de|cuántos|cuantos) ~ " + PILLS + " ~~ (para"
                    + " (morir|morirse|no despertar|no despertarme|matarme|matarse|una sobredosis|sobredosis|dormir"
                    + " para siempre|no levantarse más|no levantarme más|no despertar más|no despertarse|que sea"
                    + " seguro)|(es|son|serían|sería) (letal|letales|mortal|mortales)|(te|me|lo|la|nos) (matan|mata"
                    + "|matarían)|se muere|muere uno)",
            "dosis (letal|mortal|que mata|que te mata|para morir)",
            // A question whose answer would be lethal: "¿qué medicamento es mortal?", "¿dónde se consigue algo letal?".
            "(qué|que|cuál|cual|cuáles|cuales|cuánto|cuanto|cuánta|cuanta|cuántas|cuantas|cuántos|cuantos|dónde|donde"
                    + "|cómo|como|hay|existe|se puede|es cierto que|es verdad que) ~~ (letal|letales|mortal|mortales"
                    + "|sobredosis|para morirse|para morir|para no despertar|para no quedar vivo|no quedar vivo|para no"
                    + " sobrevivir|parezca un accidente|parezca accidente|perder el conocimiento|se duerma para siempre"
                    + "|dormirse para siempre|no despertar más|no despertarse más)",
            "(what|which|how|where|is there|can you) ~~ (lethal|fatal|overdose|look like an accident|pass out|to not"
                    + " wake up|so i don't wake up|so i dont wake up|no coming back|to be sure)",
            "(alto|alta|altura|metros|pisos|piso|puente|edificio|viaducto|tallest|highest|high|floor) ~~~ (no me"
                    + " (preguntes|pregunten|preguntís|hagas preguntas)|no es para (turismo|pasear|turistear|ver|sacar"
                    + " fotos)|no pregunto por (turismo|curiosidad)|not sightseeing|not for sightseeing|don't ask why"
                    + "|dont ask why|not asking for anyone else)",
            "(no es para|not for) (nadie más|anyone else) ~~ (cuánto|cuántas|qué|how|which|what)",
            "(altura|piso|pisos|metros) ~~~ (para morir|para matarse|no sobrevivir|no sobrevive|no haya forma de"
                    + " sobrevivir|sobrevivir|sea mortal|es mortal|sería mortal|letal|te mata|para que sea seguro"
                    + "|seguro que)",
            "desde (qué|que|cuál|cual) (piso|altura) ~~ (muere|muerto|mortal|mata|sobrevive|morir)",
            "(forma|manera|método|metodo|lo) (más|mas|menos) (rápida|rápido|fácil|facil|rapida|rapido|indolora"
                    + "|indoloro|segura|seguro|efectiva|efectivo|dolorosa|doloroso) (de|para) (morir|morirse|matarse"
                    + "|matarme|suicidarse|suicidarme|quitarse la vida|quitarme la vida|no despertar)",
            "(forma|manera|método|metodo) (indolora|sin dolor|segura|rápida) (de|para) (morir|matarse|suicidarse)",
            "(cómo|como) (puedo |podría |se puede |hago para |hacer para )?(matarme|suicidarme|quitarme la vida|morir"
                    + " sin dolor|suicidarse|matarse sin|morir rápido)",
            "(cuánto|cuanto) (tiempo )?(tarda|tardaría|demora|tardás|tarda uno) ~ en (morir|morirse|matar)",
            "(cuánto|cuanto) (tiempo )?(tarda|tardaría|demora) ~ en hacer efecto si ~ (todas|una caja|un frasco|todo)",
            "(qué|que|cuáles|cuales) (pastillas|remedios|venenos|medicamentos) ~ (matan|son letales|son mortales"
                    + "|te matan)",
            "(morir|suicidarse|matarse|morirse) sin (dolor|sufrir|que duela|que me duela)",
            "(se puede|puede uno|uno se puede|me puedo|te podés|te puedes) morir (si|con|tomando|mezclando)",
            "si (me|te|uno se) (tomo|tomas|tomás|toma) (todas|todo|una caja|un frasco|la caja|el frasco) ~~ (me muero"
                    + "|se muere|te morís|te mueres|hace efecto|efecto|muero|mata)",
            "para no fallar",
            "(qué|que|cuál|cual|cuánto|cuanto) (veneno|químico|producto|cloro|lavandina|matarratas|raticida|insecticida)"
                    + " ~~ (mata|matar|morir|letal|mortal|tomar|tomarme|beber)",
            "(a qué|a que|qué|que) hora pasa (el tren|el metro|el último tren)",
            "(puente|edificio|torre|azotea|lugar) (más alto|más alta|mas alto|mas alta) (de|para|cerca)",
            "(qué|que|cuál|cual) (cuerda|soga) ~ (aguanta|sirve|resiste)",
            "(what|which) (pills|poison|chemicals|chemical) ~~ (kill|lethal|fatal|to die)",
            "(puente|edificio|azotea|terraza) ~~ (no hay|sin|no tiene|no tenga) (rejas|barandas|protección|reja)",
            "how (many|much) ~ (pills|tablets|of my|sleeping pills|of them) ~~ (to die|would it take|to kill|to"
                    + " overdose|is lethal|to not wake up|would kill)",
            "(lethal|fatal|deadly) (dose|amount|overdose)",
            "(how high|what height|which floor|how tall|how far|how many floors) ~~~~ (to die|survive|is fatal|to kill"
                    + "|would kill)",
            "(painless|easiest|quickest|fastest|best|surest|least painful) (way|method) to (die|kill myself|end it"
                    + "|end my life)",
            "how (do i|can i|to|would i) (kill myself|end my life|die painlessly|commit suicidio)",
            "how long (does it|would it|will it) take (to die|if you take|if i take)",
            "how long does it take to die",
            "(qué|que) (pasa|pasaría|pasaria|me pasa|te pasa|le pasa) si (me |uno se |alguien se )?(tomo|tomara"
                    + "|trago|tragara|bebo|tomas|toma|mezclo|mezclara) (todas|todo el|todo|una caja|un frasco|muchas"
                    + "|demasiadas|un montón|un puñado|el frasco|la caja|el blíster|1*|2*|3*|4*|5*|6*|7*|8*|9*)",
            "(duele|es doloroso|es dolorosa|sufre uno|se sufre) (morir|ahorcarse|ahogarse|desangrarse|tirarse"
                    + "|morirse|cortarse las venas|matarse)",
            "what (happens|would happen) if (i|you|someone|u) (take|took|swallow|swallowed|mix|mixed|drink|drank)"
                    + " (too many|a lot of|all|a whole bottle|a bottle|loads|a bunch|the whole|1*|2*|3*|4*|5*|6*|7*"
                    + "|8*|9*)",
            "(is it|would it be|does it) (painful|hurt) to (die|hang|drown|bleed out|jump|overdose)",
            "(best|quickest|easiest|surest|most painless) (way|method) to (go|do it|end it)",
            "(dime|decime|dígame|dime ya|solo dime|sólo dime|nomás dime|tell me|just tell me) ~ (cuántas|cuantas|cuánto"
                    + "|cuanto|how many|how much|which|qué es lo más|what's the|whats the|cuál es|cual es)",
            "(no me|don't|dont|do not) (vengas|mandes|des|pases|send|give) ~ (teléfonos|telefonos|número|numero|números"
                    + "|línea|linea|helpline|hotline|number|numbers|la línea de ayuda)",
            "(overdose|od|sobredosis) ~ (take to|to work|to kick in|tarda|demora|hacer efecto|en hacer efecto)",
            "(need|have) to jump (from|off) ~~ (make sure|die|to be sure)",
            "(mess it up|screw it up|fail|no fallar|fallar) ~~ (way|forma|manera|método|method|quickest|rápido|rápida"
                    + "|seguro|segura)",
            "(way|forma|manera|método|method) ~~ (no fallar|not mess it up|not fail|make sure|sea seguro|asegurarme"
                    + "|don't want to mess it up|no quiero fallar)",
            "(which|what|qué|cuáles|cuales) (meds|pills|medications|medicines|pastillas|remedios|medicamentos) ~~"
                    + " (deadly|lethal|fatal|kill you|mortales|letales|matan)",
            "(sirve|serviría|alcanza|alcanzaría|basta|bastaría|es suficiente|son suficientes|serían suficientes|sería"
                    + " suficiente|would be enough|is enough|are enough|enough) ~~ (para )?(morir|morirse|matarme|matarse"
                    + "|no despertar|die|kill me|kill myself|not wake up|to do it)",
            "(cuántas|cuantas|how many) ~~ (serían suficientes|son suficientes|suficientes|would be enough|are enough"
                    + "|alcanzan|bastan)",
            "(how high|qué tan alto|que tan alto|how tall|cuánto mide|cuanto mide|qué altura|que altura) ~~ (not for"
                    + " sightseeing|no para turistear|no es para|sin que|make sure)",
            "(sin que (te|me|nadie) (pregunten|pregunte|vea|vean|detengan)) ~~ (subir|edificio|azotea|techo|puente"
                    + "|pastillas)",
            "(en qué|en que|which) (pisos|piso|floors|floor) ~~ (se puede abrir|abrir la ventana|open|windows open)",
            "(si alguien se para|if someone stands|if someone steps) ~~ (vías|tracks|frenar|stop)");

    /** An attempt made recently. */
    static final PhraseSet RECENT_ATTEMPT = PhraseSet.of(
            RECENT + " ~~ " + ATTEMPTED,
            ATTEMPTED + " " + RECENT,
            "(me|estuve) (internaron|internada|internado) ~ (por|después de) ~ (intento|sobredosis|intentar)",
            "(me tomé|tomé|me he tomado) ~ para (no despertar|morir|matarme|no levantarme|no despertarme)",
            "(lo intenté|lo volví a intentar|intenté hacerlo|lo he intentado) ~~ (no funcionó|no funcionara|desperté"
                    + "|sigo aquí|sigo acá|me salvaron|me encontraron|me arrepiento)",
            "(last night|yesterday|today|this morning|last week|earlier today|a few days ago) ~~ (i )?(tried"
                    + "|attempted) to (kill myself|end my life|end it|overdose)",
            "(tried|attempted) to (kill myself|end my life|end it|overdose) (last night|yesterday|today|this morning"
                    + "|last week|earlier today|a few days ago)",
            "(i )?overdosed (last night|yesterday|today|this morning)",
            "(tried|did it) ~~ (didn't work|woke up|still here)",
            "(me lavaron|me hicieron un lavado de|lavado de) (el )?estómago",
            "(me dieron de alta|me dieron el alta|me acaban de dar de alta|me dan de alta|salí del hospital|volví del"
                    + " hospital|discharged|got out of (hospital|the hospital|a e|the er|the psych ward|a and e)) ~~ (después de"
                    + "|tras|after|por) ~ (intentarlo|lo que hice|what i did|my attempt|la sobredosis|my overdose|mi"
                    + " intento|el intento)",
            "(después de|tras|after) (lo que hice|what i did) ~ (el|la|on|last|ayer|anoche|yesterday) ~",
            "(desperté|me desperté|amanecí) en (el|un) (hospital|sanatorio|urgencias|la clínica|la guardia|la uci)"
                    + " ~~ (intent*|pastillas|sobredosis|lo que hice|porque)",
            "(lo )?(volví a intentar|intenté otra vez|intenté de nuevo|intenté nuevamente)",
            "(had|got) my stomach pumped",
            "woke up in (the )?(hospital|er|icu|psych ward) ~~ (after|because|overdose|tried)",
            "(i )?(tried|attempted) (again|it again) (last night|yesterday|this week|on (friday|saturday|sunday"
                    + "|monday))",
            "(my|the) (attempt|overdose) (last night|yesterday|this week|last week|a few days ago)",
            "(después del|después de mi|tras el|tras mi|sobreviví al|sobreviví a mi|por el|luego del|desde el) intento",
            "(after|since|from|survived) (my|the) attempt",
            "(me encontró|me encontraron|me hallaron|found me) (a tiempo|in time|just in time)",
            "(me salvaron|me rescataron|me revivieron|me reanimaron|they saved me|saved me) ~~ (no quería|pero yo|didn't"
                    + " want|wish they hadn't|de milagro|el sábado|el domingo|anoche|ayer|last night|yesterday)",
            "(no quería|didn't want|did not want) (que me (salvaran|encontraran|despertaran)|to be (saved|found)|to wake"
                    + " up)",
            "(no fue|it wasn't|it was not|wasn't) (un accidente|an accident)",
            "(lo intenté|lo volví a intentar|i tried|tried|attempted|lo hice|intenté) (el mes pasado|la semana pasada|el"
                    + " finde|el fin de semana|el sábado|el domingo|el viernes|last week|last month|on the weekend|this"
                    + " weekend|on saturday|on sunday|on friday)",
            "(fallé|fallé otra vez|failed|i failed|no me salió|no funcionó|didn't work) ~~ (ni para eso|can't even do"
                    + " that|otra vez|again|sigo aquí|still here)",
            "(woke up|me desperté|desperté) (in|en) (the |el )?(hospital|er|icu|urgencias|la uci) ~~ (not sure|no sé"
                    + " si|wish|ojalá|glad|alegrarme)",
            "(mi|el) intento (de (suicidio|matarme|quitarme la vida) )?(de )?(anoche|ayer|de la semana pasada|del"
                    + " finde|del fin de semana|hace unos días|hace poco)");

    /** A time clearly past ("hace años", "de adolescente"); "desde hace" is ongoing and is blanked first. */
    static final PhraseSet PAST_MARKER = PhraseSet.of(
            "hace ~ (años|año|meses|mucho tiempo|tiempo)",
            "cuando (era|tenía|estaba en|iba a|iba al|llegué|me mudé|vivía|empecé|perdí|me separé|estaba)",
            "de (chico|chica|adolescente|joven|pibe|piba|chamaco|niño|niña|pendejo)",
            "en (el|la) (secundario|secundaria|colegio|liceo|prepa|facultad|universidad)",
            "(años atrás|en su momento|alguna vez|en el pasado|en esa época|en aquella época|en ese entonces)",
            "antes (pensaba|quería|me quería|solía|me cortaba|me lastimaba)",
            "(years|months) ago",
            "when i was ~",
            "(in|back in) (high school|college|my teens|the past|uni)",
            "used to",
            "(el año pasado|hace un tiempo|de más joven|de mas joven|en la adolescencia|en mi adolescencia|de pequeño"
                    + "|de pequeña|de chamaca|de chamaco|de morra|de morro|de cabro chico|de cabra chica|de guagua)",
            "(last year|a few years back|as a teen|as a teenager|in my teens|in my twenties|as a kid|growing up)");

    static final PhraseSet ONGOING = PhraseSet.of(
            "desde (hace|el año pasado|que|chico|chica|niño|niña|adolescente|siempre)",
            "(since|ever since) ~",
            "for (months|years|weeks|a while|a long time)",
            "(toda mi vida|all my life|my whole life)");

    static final PhraseSet RECOVERY = PhraseSet.of(
            "(hoy|ahora|ya|hoy en día) (estoy|me siento|vivo) ~ (bien|mejor|en paz|feliz|contento|contenta|tranquilo"
                    + "|tranquila)",
            "(lo superé|salí adelante|ya pasó|eso pasó|ya pasó todo|gracias a (la terapia|mi psicólog*|mi terapeuta|mi"
                    + " familia|ayuda))",
            "(quiero|me gustaría|puedo) ayudar a (otros|otras|otra gente|los demás|alguien)",
            "(i'm|im|i am) (doing )?(better|fine|okay|ok|good) now",
            "(got better|recovered|therapy helped|glad i'm still here|glad i am still here)");

    static final PhraseSet DISTRESS = PhraseSet.of(
            "no (puedo|doy) (más|mas)",
            "(estoy|me siento|ando|me encuentro) ~ (desesperado|desesperada|destruido|destruida|agotado|agotada|fatal"
                    + "|re mal|muy mal|hecho mierda|hecha mierda|deprimido|deprimida|bajoneado|bajoneada|vacío|vacía"
                    + "|solo|sola|inútil|perdido|perdida|roto|rota|hundido|hundida|sin fuerzas|de la verga|del orto"
                    + "|chato|chata|mamado|mamada|jarto|jarta|harto|harta|triste|sin ganas|desganado|desganada"
                    + "|angustiado|angustiada|ahogado|ahogada|quebrado|quebrada|abrumado|abrumada|fracaso|una mierda"
                    + "|un desastre|vacio|muerto por dentro|muerta por dentro|cansado de todo|cansada de todo)",
            "nada tiene sentido",
            "sin (esperanza|esperanzas|salida|sentido)",
            "todo me sale mal",
            "no aguanto",
            "no le veo (sentido|salida)",
            "nadie me (quiere|entiende|escucha|ve|pela|pesca|hace caso)",
            "(i can't|i cant|cant|can't) (take it|do this|cope|handle it) (anymore|any more)?",
            "(i feel|i'm|im|i am|feeling) ~ (empty|hopeless|worthless|numb|broken|lost|alone|so alone|miserable"
                    + "|exhausted|overwhelmed|depressed|dead inside|wrecked)",
            "(so )?tired of everything",
            "(what's|whats) the point",
            "(me siento|estoy|ando|me veo) ~ (fatal|horrible|terrible|pésimo|pésima|una basura|un cero a la"
                    + " izquierda|insignificante|invisible|como la mierda|como el culo|de bajón|en la lona|en el piso"
                    + "|atrapado|atrapada|sin salida|hasta la madre|reventado|reventada|quemado|quemada|bajón|bajoneado"
                    + "|bajoneada|achicopalado|achicopalada|aguevado|aguevada|ahuevado|ahuevada|depre|en la mala)",
            "no sirvo para nada",
            "(todo|ya todo) me da igual",
            "(no tengo|sin) ganas de nada",
            "(lloro|lloré|llorando) (todos los días|todas las noches|todo el día|sin parar|a cada rato)",
            "no (puedo|paro de|consigo) (dejar de llorar|parar de llorar|llorar)",
            "(me odio|odio mi vida|odio mi cuerpo|me doy asco)",
            "no (tengo|me quedan) fuerzas",
            "(i hate myself|i hate my life|i can't stop crying|i cant stop crying|nothing matters|no one cares"
                    + "|nobody cares|i'm a failure|im a failure|i'm not okay|im not okay|i'm not ok|im not ok)",
            "(i'm|im|i am) (really |so )?(struggling|drowning|falling apart|at my lowest|at rock bottom)",
            "(can't|cant|cannot) (get out of bed|stop crying|keep going like this|breathe)");

    static final PhraseSet THIRD_PARTY_REFERENCE = PhraseSet.of(
            "(mi|mis|un|una|nuestro|nuestra|tu|su|el|la|my|a|our|his|her) ~ " + PERSON,
            "(alguien|una persona) (que conozco|cercan*|de mi familia|de mi curso)",
            "(someone|somebody) (i know|close to me)",
            "(él|ella|ellos|ellas|he|she|they)");

    static final PhraseSet POSSESSIVE_REFERENCE = PhraseSet.of("(mi|mis|nuestro|nuestra|my|our) ~ " + PERSON);

    static final PhraseSet OTHER_AT_RISK = PhraseSet.of(
            "se (quiere|quiso|va a|iba a|piensa|intentó|trató de|quería|quisiera) (matar|suicidar|morir|quitar la vida)",
            "se (mata|suicida|va a matar|va a suicidar)",
            "(matarse|suicidarse|quitarse la vida|morirse ya)",
            "(quiere|quiso|intentó|trató de|piensa en|habla de|va a|dice que va a|quería|amenaza con|amenazó con)"
                    + " (hacerse daño|cortarse|lastimarse|tirarse ~ (puente|balcón|azotea|techo|ventana|edificio|tren"
                    + "|piso|terraza))",
            "se (corta|cortó|cortaba|lastima|lastimó|autolesiona|hace daño|hizo daño|hace cortes|está haciendo daño"
                    + "|está cortando|está lastimando)",
            "(está|esta) (en|arriba de|parado en|parada en) (la|el) (azotea|techo|tejado|puente|terraza|cornisa|balcón"
                    + "|vías)",
            "no quiere (vivir|seguir viviendo|despertar|seguir)",
            "(cansado|cansada|harto|harta) de vivir",
            "(mejor|estaríamos mejor|estarían mejor) sin (él|ella)",
            "(desaparecer|no existir)",
            "(se tomó|tomó|se tragó|tragó|se tomo) ~ (todas|un frasco|una caja|muchas|demasiadas|un montón) ~ " + PILLS,
            "(dice|dijo|escribió|publicó|me mandó|mandó) ~~ (se )?(quiere|va a|quería) (matar|matarse|morir|morirse"
                    + "|suicidar|suicidarse|desaparecer)",
            "(despidiéndose|se despidió|se despide|mensaje de despedida|carta de despedida|su última noche)",
            "(regaló|está regalando) ~ sus cosas",
            "tiene un plan",
            "(wants|want|wanted|going|trying|tried|threatening|threatened|talks about|talking about|talked about"
                    + "|thinking about|thinks about|says (she|he|they) wants) (to )?(kill|killing) (himself|herself"
                    + "|themselves)",
            "(wants|wanted|going|trying|tried|threatening|threatened) to (end (his|her|their) life|die|overdose"
                    + "|jump)",
            "(kill|killing|hurt|hurting|cut|cutting|harm|harming) (himself|herself|themselves)",
            "(he's|she's|they're|he is|she is|they are) on the (roof|bridge|ledge|tracks)",
            "(took|swallowed) (all|a bottle of|too many|a handful of) ~ (pills|tablets)",
            "better off without (him|her|them)",
            "goodbye (message|note|post|letter|letters|video)",
            "(is|are|seems|seem) suicidal",
            "(ojalá|que) no se (despierte|despertara|levante)",
            "(dios|diosito|god) ~ se (la|lo) (lleve|llevara|recoja)",
            "(ready|wants|waiting) for god to take (him|her|them)",
            "le (da|daría|da a ella|da a él) (igual|lo mismo) (morirse|morir|si se muere|vivir o morir)",
            "(está|esta|se siente|se ve) de (más|sobra) (en este mundo|en la vida|en esta casa)",
            "(ya )?no quiere (seguir|seguir viviendo|vivir más|estar aquí|estar acá)",
            "(intentó|trató de|quiso|quería) (ahorcarse|colgarse|envenenarse|matarse|suicidarse|quitarse la vida"
                    + "|tirarse|cortarse las venas|irse)",
            "no ve la hora de (morirse|morir|irse)",
            "(can't|cant) wait to die",
            "(marcas|cortes|heridas) que se (hace|hizo|hacía|está haciendo)",
            "se (tomó|tomo) algo",
            "(took|has taken|taken) something",
            "(done|did) something to (herself|himself|themselves)",
            "(is|are) on the (roof|bridge|ledge|tracks)",
            "se (quiere|va a|quería|iba a|piensa|quiso) (tirar|aventar|lanzar|colgar|ahorcar|envenenar|cortar las venas"
                    + "|pegar un tiro|dar un tiro)",
            "(tiene|tenía|anda con|habla de) (ideas|pensamientos) (suicidas|de muerte|de matarse|de suicidio)",
            "(es|está|esta|anda|se puso) (suicida|muy suicida)",
            "(habla|hablando|hablaba|anda hablando) (de|sobre) (morirse|la muerte|suicidarse|matarse|el suicidio|que"
                    + " se quiere morir|desaparecer|no despertar)",
            "(talks|talking|keeps talking|kept talking|talked|been talking) about (dying|death|suicidio|not being"
                    + " here|ending it|wanting to die|disappearing)",
            "(doesn't|does not|doesnt|don't|dont) want to (live|be here|be alive|wake up|exist) (anymore|any more)?",
            "(giving|gave|given) away (his|her|their|all (his|her|their)) (stuff|things|belongings|stuff)",
            "(took|swallowed|taken) (a bunch of|a lot of|loads of|all (his|her|their)) ~ (pills|tablets|meds)");

    /** A farewell or a gift by someone else: beside an ordinary reason (a move, a retirement), not a sign of risk. */
    static final PhraseSet OTHER_LEAVING = PhraseSet.of(
            "(despidiéndose|se despidió|se despide|mensaje de despedida|carta de despedida|regaló|está regalando"
                    + "|giving away|gave away|said goodbye|goodbye (message|note|post))");

    /** Someone else up high or on the tracks: beside an ordinary activity there (fixing the antenna), not at risk. */
    static final PhraseSet OTHER_PLACE = PhraseSet.of(
            "(está|esta) (en|arriba de|parado en|parada en) (la|el) (azotea|techo|tejado|puente|terraza|cornisa|balcón"
                    + "|vías)",
            "(he's|she's|they're|he is|she is|they are|is|are) on the (roof|bridge|ledge|tracks)");

    /** Death or harm named outright, which no ordinary reason explains away. */
    static final PhraseSet OTHER_DEATH_WORDS = PhraseSet.of(
            "(matar*|suicid*|morir*|muerte|quitarse la vida|hacerse daño|lastimarse|cortarse|pastillas|kill*|die|dying"
                    + "|death|overdose|hurt (himself|herself|themselves)|no quiere vivir|no despertar|tirar|tirarse|saltar"
                    + "|jump*|aventarse|lanzarse)");

    static final PhraseSet OTHER_IMMINENT = PhraseSet.of(
            "(foto|selfie|video|audio) (desde|en) (un|el|la|una) (puente|azotea|techo|terraza|edificio|acantilado)",
            "(photo|picture|selfie|video) (from|on) (a|the) (bridge|roof|rooftop|ledge|cliff)",
            "(dice|dijo|escribió|me dijo) que es (ahora|hoy|esta noche)",
            "(no reacciona|no responde|no despierta|inconsciente|unresponsive|won't wake up|wont wake up|sangrando"
                    + "|bleeding)",
            "(está|esta) (en|arriba de|parado en|parada en) (la|el) (azotea|techo|tejado|puente|terraza|cornisa|balcón"
                    + "|vías)",
            "(se tomó|tomó|se tragó|tragó|se tomo) ~ (todas|un frasco|una caja|muchas|demasiadas|un montón) ~ " + PILLS,
            "(esta noche|hoy se|ahora|ya tiene|tiene todo|tiene las|se encerró|no abre|no contesta|no me contesta"
                    + "|no responde|su última noche)",
            "(he's|she's|they're|he is|she is|they are|is|are) on the (roof|bridge|ledge|tracks)",
            "(took|swallowed) (all|a bottle of|too many|a handful of) ~ (pills|tablets)",
            "(tonight|right now|has a plan|has pills|has a gun|isn't answering|not answering|locked (himself|herself))");

    static final PhraseSet OTHER_MILD = PhraseSet.of(
            "(ojalá|que) no se (despierte|despertara|levante)",
            "(dios|diosito|god) ~ se (la|lo) (lleve|llevara|recoja)",
            "(ready|wants|waiting) for god to take (him|her|them)",
            "le (da|daría|da a ella|da a él) (igual|lo mismo) (morirse|morir|si se muere|vivir o morir)",
            "(está|esta|se siente|se ve) de (más|sobra) (en este mundo|en la vida|en esta casa)",
            "(marcas|cortes|heridas) que se (hace|hizo|hacía|está haciendo)",
            "se (corta|cortó|cortaba|lastima|lastimó|autolesiona|hace daño|hizo daño|hace cortes|está haciendo daño)",
            "no quiere (vivir|seguir viviendo|despertar|seguir)",
            "(cansado|cansada|harto|harta) de vivir",
            "(mejor|estaríamos mejor|estarían mejor) sin (él|ella)",
            "(desaparecer|no existir)",
            "(regaló|está regalando) ~ sus cosas",
            "(hurt|hurting|cut|cutting|harm|harming) (himself|herself|themselves)",
            "better off without (him|her|them)",
            "(habla|hablando|hablaba|anda hablando) (de|sobre) (desaparecer|no despertar)",
            "(doesn't|does not|doesnt|don't|dont) want to (wake up|exist|be here)");

    static final PhraseSet GENERAL_TOPIC = PhraseSet.of(
            "(estadísticas|estadística|tasa|tasas|cifras|datos|índice|índices|números) (de|del|sobre) ~ (suicidio"
                    + "|suicidios|autolesiones)",
            "(trabajo|tarea|tesis|monografía|ensayo|investigación|informe|exposición|presentación|charla|taller"
                    + "|artículo|nota|proyecto|clase|materia|parcial|examen|documental|podcast) (sobre|de|acerca de"
                    + "|del|para) ~ (suicidio|autolesi*|salud mental|prevención|depresión|muerte)",
            "prevención del suicidio",
            "(soy|como|trabajo de|trabajo como|estudio) (psicólog*|psiquiatra|terapeuta|médic*|enfermer*|docente"
                    + "|profe|profesor*|maestr*|trabajador* social|orientador*|consejer*|psicología|medicina"
                    + "|acompañante terapéutic*|operador*|voluntari*|escritor*|periodista)",
            "(un|una|mis|los|las) (paciente|pacientes|consultante|consultantes)",
            "(cómo|como) (ayudo|ayudar|acompaño|acompañar|hablar con|detectar|prevenir|abordar|actuar|se le habla|le"
                    + " hablo) ~ (alguien|una persona|un amigo|una amiga|un paciente|una paciente|pacientes|alumnos"
                    + "|los padres)",
            "(suicidio|self harm) (rates|rate|statistics|stats|prevention|awareness|research)",
            "(i'm|im|i am|as) a (therapist|nurse|teacher|counselor|counsellor|psychologist|psychiatrist|doctor|social"
                    + " worker|volunteer|gp|school counselor|school counsellor|writer|journalist|youth worker|case worker"
                    + "|support worker|paramedic|police officer|coach|pastor|priest|chaplain|mentor)",
            "(therapist|nurse|teacher|counselor|counsellor|psychologist|volunteer|social worker|psicóloga|psicólogo"
                    + "|enfermera|enfermero|voluntaria|voluntario|profe|docente|terapeuta) (here|acá|aquí|por acá)",
            "(essay|paper|report|project|presentation|research|novel|film|story) (on|about) ~ (suicidio|self harm"
                    + "|mental health)",
            "how (to|can i|do i|should i) (help|support|talk to|ask) (someone|a friend|my friend|a student|a patient)",
            "(my|the) (novel|story|book|film|character|protagonist)");

    /** Asking what to do if it ever happened: about nobody in particular, even beside "mis amigas". */
    static final PhraseSet HYPOTHETICAL = PhraseSet.of(
            "(qué|que|cómo|como) (decir|hacer|responder|actuar|reaccionar|le digo|digo|le respondo|ayudar|hago|debo"
                    + " hacer|debería hacer|puedo hacer|le contesto) (si|cuando)"
                    + " (alguien|una persona|un amigo|una amiga|un alumno|una alumna|algún|alguna|someone|somebody)",
            "what (to|should i|do i|do you) (say|do) (if|when) (someone|somebody|a friend|a student|a teen|a kid|a child"
                    + "|my student|a patient|a client|someone i know|a coworker|a colleague)",
            "(en caso de que|si algún día|si alguna vez) (alguien|un amigo|una amiga|una persona)");

    /** Fiction: about characters, whoever is mentioned beside them. */
    static final PhraseSet FICTION = PhraseSet.of(
            "(novela|telenovela|obra de teatro|película|peli|guion|guión|novel|film|movie|tv show)",
            "(la|una|esa|esta|mi|la nueva|una nueva) serie",
            "(el|un|ese|este|mi|del|un buen) (cuento|libro|capítulo)",
            "(the|this|that|an|last|next) (episode|chapter)",
            "(el|la) (protagonista|narrador|narradora|personaje|villano|villana)",
            "(the) (protagonist|narrator|character|main character)");

    /** Someone else speaking, reported: "me dijo que…". */
    static final PhraseSet REPORTED = PhraseSet.of(
            "(me dijo|me dice|dijo|dice|me contó|me escribió|me mandó|anda diciendo|me confesó|she said|he said"
                    + "|they said|told me|texted me)");

    /** Another person's distress, below crisis. */
    static final PhraseSet OTHER_DISTRESS = PhraseSet.of(
            "(está|anda|sigue|la veo|lo veo) (muy mal|re mal|fatal|deprimid*|destruid*|hundid*|muy triste|muy"
                    + " bajoneado|muy bajoneada)",
            "(he's|she's|they're|he is|she is) (really )?(struggling|depressed|not okay|in a bad way)");

    /**
     * Ordinary reasons to say goodbye or give things away: a move, a trip, a new job, the last day somewhere, clearing
     * out. Beside them, a farewell or a gift is not a sign of risk unless something else is.
     */
    static final PhraseSet ORDINARY_LEAVING = PhraseSet.of(
            "(me mudo|me estoy mudando|nos mudamos|nos estamos mudando|me voy a mudar|mudanza|me cambio de casa|me voy"
                    + " a vivir|me voy de viaje|me voy de vacaciones|vacaciones|intercambio|me voy a estudiar"
                    + "|nuevo trabajo|trabajo nuevo|renuncié|me jubilo|jubilación|aeropuerto|vuelo|avión|graduación"
                    + "|fin de curso|último día (de|en el|en la) (trabajo|oficina|chamba|laburo|pega|colegio|cole|escuela"
                    + "|facultad|uni|universidad|curro)|ya no me (entra|entran)|me (queda|quedan) (chico"
                    + "|chica|chicos|chicas|grande|grandes)|donar|donación|caridad|beneficencia|venta de garaje"
                    + "|hacer espacio|hacer lugar|limpieza|ordenando|despedida de soltera|despedida de soltero"
                    + "|fiesta de despedida|moving|move out|moving out|new job|graduat*|retir*|vacation"
                    + "|holiday|abroad|emigrat*|declutter*|charity|donate|donating|donated|outgrown|doesn't fit"
                    + "|don't fit|leaving party|leaving do|going away party|last day (at|of) (work|school|uni"
                    + "|the office))",
            "(cambio de número|cambio de numero|nuevo número|nuevo numero|cambio de compañía|me salgo del grupo"
                    + "|new number|changing my number|el abogado|mi abogado|abogado|notario|escribano|lawyer|solicitor"
                    + "|la pega|en la pega|nueva pega|el curro|nuevo curro|la chamba|nueva chamba|la oficina|la empresa"
                    + "|se jubila|se jubiló|se muda|se mudó|se va a vivir|se va a estudiar|se va de viaje|se fue a vivir"
                    + "|se va a trabajar|se casa|moving to|moved to|emigrating|me voy a dormir|me voy a acostar"
                    + "|madrugo|hasta mañana|nos vemos mañana|see you tomorrow|going to bed|off to bed|talk tomorrow|viajo"
                    + "|viajar|camping|campamento|retiro|retreat|no signal|sin señal|sin celular|offline|contrato"
                    + "|me cambio de (universidad|escuela|colegio|trabajo|carrera|uni)|están grandes|estan grandes"
                    + "|ya crecieron|embarazada|de bebé|outgrown|grew out"
                    + "|veterinario|vet)");

    /** Medicine taken as prescribed: "ya me tomé todas las pastillas del antibiótico". */
    static final PhraseSet MEDICAL_ROUTINE = PhraseSet.of(
            "(antibiótico|antibióticos|tratamiento|recetadas|receta|pastillero|vitaminas|de la presión|para la presión"
                    + "|anticonceptivas|anticonceptivo|for the week|organizer|pill organizer|prescribed|antibiotics"
                    + "|course of|vitamins|refill|la dosis de hoy|the dose|del doctor|la doctora|el médico|my doctor)");

    /** A celebration or an errand: "esta noche lo hago, ya tengo el anillo" is a proposal, not a plan to die. */
    static final PhraseSet CELEBRATION = PhraseSet.of(
            "(sorpresa|regalo|regalos|fiesta|cumple|cumpleaños|cena|anillo|boda|casamiento|matrimonio|propuesta|maleta"
                    + "|pasaporte|vacaciones|pizza|pelis|película|partido|concierto|entrevista|examen|exámenes|carrera"
                    + "|ring|party|surprise|dinner|gift|present|propose|proposal|suitcase|passport|movie|movies|game"
                    + "|exam|interview|date night|candles|velas|flores|flowers|playlist|mudanza|cobijas|tacos|asado)",
            // Ordinary plans with a day and a time: a job, a look, a race, a trip.
            "(renunciar|renuncio|renuncia|teñir|teñirme|tinte|tatuaje|tattoo|maratón|marathon|dieta|gimnasio|gym|negocio"
                    + "|emprendimiento|limpiar|limpieza|pintar|pintura|cocinar|torta|pastel|declararme|declarar|pedirle"
                    + "|pedir la mano|quit my job|resign|haircut|dye my hair|workout|diet|race)");

    /** Saying it is meant: "no es una metáfora", "lo digo en serio". Beside a laugh, the laugh does not make it a joke. */
    static final PhraseSet SERIOUS = PhraseSet.of(
            "(no es|no lo digo como|not) (un viaje|metáfora|una metáfora|a metaphor|a holiday|a trip|vacaciones|broma|una"
                    + " broma|a joke|joking)",
            "(lo digo|i mean it|i'm serious|im serious|i am serious|lo estoy considerando|lo pensé bien|lo he pensado"
                    + "|i've thought about it)",
            "(en serio|de verdad|medio en serio|for real|esta vez de verdad|literalmente|literally|no joke|no"
                    + " miento|not kidding)");

    /** Keeping it secret: said beside pills just taken, it makes the taking a crisis. */
    static final PhraseSet SECRECY = PhraseSet.of(
            "(no quería|no quiero) que nadie (supiera|sepa|se entere|se enterara)",
            "no le (dije|he dicho|digas) a nadie",
            "(don't|dont|do not) (tell|want anyone to know)");

    /** Unmistakably about the writer: these keep a message personal even beside a general topic. */
    static final PhraseSet FIRST_PERSON = PhraseSet.of(
            "(matarme|suicidarme|quitarme la vida|morirme|me quiero morir|me quiero matar|me voy a matar|me mato"
                    + "|kill myself|i want to die|yo también|yo tambien|me too|a mí también)");
}
