package io.psicoia.domain.safety;

import static io.psicoia.domain.safety.RiskPhrases.ACT_IN_PROGRESS;
import static io.psicoia.domain.safety.RiskPhrases.CELEBRATION;
import static io.psicoia.domain.safety.RiskPhrases.CONCEALMENT;
import static io.psicoia.domain.safety.RiskPhrases.DISTRESS;
import static io.psicoia.domain.safety.RiskPhrases.FAREWELL;
import static io.psicoia.domain.safety.RiskPhrases.FAREWELL_LOVE;
import static io.psicoia.domain.safety.RiskPhrases.FAREWELL_SORRY;
import static io.psicoia.domain.safety.RiskPhrases.FICTION;
import static io.psicoia.domain.safety.RiskPhrases.FIRST_PERSON;
import static io.psicoia.domain.safety.RiskPhrases.GENERAL_TOPIC;
import static io.psicoia.domain.safety.RiskPhrases.GIVING_AWAY;
import static io.psicoia.domain.safety.RiskPhrases.GOODBYE;
import static io.psicoia.domain.safety.RiskPhrases.HYPOTHETICAL;
import static io.psicoia.domain.safety.RiskPhrases.IDIOMS;
import static io.psicoia.domain.safety.RiskPhrases.MEANS;
import static io.psicoia.domain.safety.RiskPhrases.MEDICAL_ROUTINE;
import static io.psicoia.domain.safety.RiskPhrases.METHOD_QUESTION;
import static io.psicoia.domain.safety.RiskPhrases.ONGOING;
import static io.psicoia.domain.safety.RiskPhrases.ORDINARY_LEAVING;
import static io.psicoia.domain.safety.RiskPhrases.OTHER_AT_RISK;
import static io.psicoia.domain.safety.RiskPhrases.OTHER_DEATH_WORDS;
import static io.psicoia.domain.safety.RiskPhrases.OTHER_DISTRESS;
import static io.psicoia.domain.safety.RiskPhrases.OTHER_IMMINENT;
import static io.psicoia.domain.safety.RiskPhrases.OTHER_LEAVING;
import static io.psicoia.domain.safety.RiskPhrases.OTHER_MILD;
import static io.psicoia.domain.safety.RiskPhrases.OTHER_PLACE;
import static io.psicoia.domain.safety.RiskPhrases.PASSIVE_WISH;
import static io.psicoia.domain.safety.RiskPhrases.PAST_MARKER;
import static io.psicoia.domain.safety.RiskPhrases.PLACE;
import static io.psicoia.domain.safety.RiskPhrases.PLACE_BENIGN;
import static io.psicoia.domain.safety.RiskPhrases.PLACE_CONTEXT;
import static io.psicoia.domain.safety.RiskPhrases.PLAN_ACT;
import static io.psicoia.domain.safety.RiskPhrases.POSSESSIVE_REFERENCE;
import static io.psicoia.domain.safety.RiskPhrases.QUOTING;
import static io.psicoia.domain.safety.RiskPhrases.READY;
import static io.psicoia.domain.safety.RiskPhrases.RECENT_ATTEMPT;
import static io.psicoia.domain.safety.RiskPhrases.RECOVERY;
import static io.psicoia.domain.safety.RiskPhrases.REPORTED;
import static io.psicoia.domain.safety.RiskPhrases.SECRECY;
import static io.psicoia.domain.safety.RiskPhrases.SELF_HARM;
import static io.psicoia.domain.safety.RiskPhrases.SERIOUS;
import static io.psicoia.domain.safety.RiskPhrases.SUICIDAL_INTENT;
import static io.psicoia.domain.safety.RiskPhrases.THIRD_PARTY_REFERENCE;
import static io.psicoia.domain.safety.RiskPhrases.TIMING;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one message and says how much risk of suicide or self-harm it shows, and whose: deterministic, offline (the
 * learned model is a small table shipped in this module), a few microseconds per message, so it works under load and
 * when every provider is down.
 *
 * <p>Spanish first, in its regional forms, English second. The text is folded first ({@link SafetyNormalizer}: case,
 * accents, repeated letters, digits for letters, spelled-out words, shorthands). Then:
 *
 * <ol>
 *   <li>quoted lines are set aside when the message says it quotes a song, a film or a book;
 *   <li>idioms that use death words for something else ("me muero de risa", "me mata este trabajo") are blanked out;
 *   <li>phrases are looked for by kind ({@link RiskPhrases}); a first-person phrase right after "no", "nunca"…
 *       counts as negated, and a crisis told as past ("hace años", with "hoy estoy bien") as history;
 *   <li>the level follows from the combination: an act in progress, or intent with a plan, means, a time or a
 *       place, is imminent; intent, method questions, a recent attempt or a farewell are high; passive wishes,
 *       self-harm and giving things away are medium; distress alone is low;
 *   <li>a small learned model ({@link RiskModel}), given the words and what the phrases found, may raise the level
 *       where the phrases missed (never lower it, never where the risk words were negated), and then says whose
 *       risk it read when the message names someone.
 * </ol>
 *
 * <p>When nothing points at the writer but someone else is described at risk, the subject is {@link
 * RiskSubject#OTHER} with that person's level; questions in general terms (statistics, fiction, professionals) are
 * {@link RiskSubject#GENERAL}, level none.
 *
 * <p>Thread-safe and stateless; the conversation-level view is {@link RiskState}.
 */
public final class RiskTriage {

    /** The fewest words a message needs before the learned model may raise its level. */
    private static final int MIN_WORDS_FOR_MODEL = 3;

    /** Words allowed between a negation and the phrase it negates ("no es que me quiera…", "nunca pensé en…"). */
    private static final Set<String> NEGATION_FILLERS = SafetyNormalizer.foldedWords(
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
            "pensaría",
            "broma",
            "loca",
            "loco",
            "ideas",
            "pensamientos",
            "intenciones",
            "thinking",
            "about",
            "of",
            "he",
            "pensado",
            "quiero",
            "quisiera",
            "pero",
            "jamás",
            "i",
            "am",
            "m",
            "to",
            "going",
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
            "mi",
            "vida",
            "pa",
            "yo");

    /** After "no sé", these make it "I don't know why/what…", not a negation: "no sé para qué sigo". */
    private static final Set<String> QUESTION_WORDS = SafetyNormalizer.foldedWords(
            "para", "por", "qué", "cómo", "si", "cuándo", "dónde", "quién", "cuál", "cuánto", "hasta", "ni");

    private static final Set<String> QUESTION_OPENERS = SafetyNormalizer.foldedWords("para", "pa", "de", "y", "a");

    private static final Set<String> KEEPS_ON =
            SafetyNormalizer.foldedWords("para", "paro", "paran", "deja", "dejo", "dejan", "paras");

    private static final String KNOW = SafetyNormalizer.normalize("sé");

    private static final Set<String> NEGATIONS = SafetyNormalizer.foldedWords(
            "no", "nunca", "jamás", "tampoco", "ni", "never", "not", "dont", "don", "wont", "won", "wouldn", "didn",
            "doesn", "isn", "wasn", "aren", "haven", "couldn", "shouldn", "cannot");

    private static final Pattern QUOTED = Pattern.compile("[\"“”«»„].*?[\"“”«»„]|'[^']{12,}'");

    private static final Pattern MUSIC = Pattern.compile("[♪♫🎵🎶🎤🎸]");

    private static final Pattern LAUGHTER = Pattern.compile(
            "(?i)(?:\\b(?:ja|je|ha|he){2,}|\\bjsjs|\\bjaj|\\blol\\b|\\blmao\\b|\\bxd\\b|😂|🤣|😹|😆|😅)");

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
                    "suicidio")
            .stream()
            .map(phrase ->
                    SafetyNormalizer.foldWord(SafetyNormalizer.normalize(phrase).replace(" ", "")))
            .toList();

    private final RiskModel model;

    /** The triage with the model shipped in this module. */
    public RiskTriage() {
        this(RiskModel.load());
    }

    RiskTriage(RiskModel model) {
        this.model = model;
    }

    /**
     * The words of a message as the rules and the model see them: folded, without quoted lyrics when the message says
     * it quotes, idioms blanked out. Adds {@link RiskSignal#IDIOM} when something was set aside.
     */
    static String[] prepare(String text, Set<RiskSignal> signals) {
        return read(text, signals).words;
    }

    /** A message's words and their numbers in {@link #VOCABULARY}, as {@link #prepare} leaves them. */
    private record Prepared(String[] words, int[] ids) {}

    private static Prepared read(String text, Set<RiskSignal> signals) {
        String[] words = words(text);
        int[] ids = ASIDE.ids(words);
        PhraseSet.Matches set = ASIDE.match(words, ids);
        if (set.found(0) || hasMusic(text)) {
            String unquoted = withoutQuotes(text);
            if (!unquoted.equals(text)) {
                signals.add(RiskSignal.IDIOM);
                words = words(unquoted);
                ids = ASIDE.ids(words);
                set = ASIDE.match(words, ids);
            }
        }
        // Idioms, blanked out: each match becomes one neutral word, so no other phrase can see it.
        if (set.found(1)) {
            for (int[] span : set.spans(1)) {
                for (int i = span[0]; i < span[1]; i++) {
                    words[i] = "_";
                    PhraseSet.Index.forget(ids, i);
                }
                signals.add(RiskSignal.IDIOM);
            }
        }
        return new Prepared(words, ids);
    }

    /**
     * The words of every phrase, numbered once for both indexes ({@link #ASIDE}, {@link #INDEX}): a message's words
     * are looked up once.
     */
    private static final Map<String, Integer> VOCABULARY = new HashMap<>();

    /** What {@link #prepare} looks for in one pass: 0, words saying the message quotes; 1, idioms (where kept). */
    private static final PhraseSet.Index ASIDE = new PhraseSet.Index(VOCABULARY, 1L << 1, QUOTING, IDIOMS);

    /** Whether the text has a music note (a line of a song), without a regular expression. */
    private static boolean hasMusic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '♪' || c == '♫') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                int point = text.codePointAt(i);
                if (point == 0x1F3B5 || point == 0x1F3B6 || point == 0x1F3A4 || point == 0x1F3B8) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Triage of one message. */
    public RiskAssessment assess(String text) {
        return assess(text, null);
    }

    /** What the model is given for a message, shown to {@code RiskModelTrainer} so it trains on the same. */
    interface Probe {
        /**
         * @param words the message's words as the model reads them
         * @param context what the rules saw ({@link RiskModel.Context} bits)
         * @param blocked whether the model is kept from raising the level of this message
         */
        void seen(String[] words, long context, boolean blocked);
    }

    /** Triage of one message; {@code probe}, when not null, is shown what the model is given. */
    RiskAssessment assess(String text, Probe probe) {
        Objects.requireNonNull(text, "text");
        EnumSet<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
        Prepared prepared = read(text, signals);
        String[] words = prepared.words;

        Found found = new Found(words, prepared.ids, signals);
        boolean intent = found.any(SUICIDAL_INTENT) || spelledOutIntent(words);
        boolean passive = found.any(PASSIVE_WISH);
        boolean selfHarm = found.any(SELF_HARM);
        boolean givingAway = found.any(GIVING_AWAY);
        boolean farewell = found.any(FAREWELL);
        boolean planAct = found.any(PLAN_ACT);
        boolean ready = found.any(READY);
        boolean means = found.any(MEANS);
        boolean method = found.has(METHOD_QUESTION);
        boolean inProgress = found.has(ACT_IN_PROGRESS);
        boolean placeContext = found.has(PLACE_CONTEXT);
        boolean place = found.has(PLACE)
                && (!found.has(PLACE_BENIGN) || placeContext || intent || passive || farewell || method);
        boolean timing = found.has(TIMING);
        boolean distress = found.anyNotNegated(DISTRESS);
        boolean recentAttempt = found.has(RECENT_ATTEMPT);
        boolean goodbye = found.has(GOODBYE);
        boolean concealed = found.any(CONCEALMENT);
        if (!farewell && found.has(FAREWELL_SORRY) && found.has(FAREWELL_LOVE)) {
            // "Perdónenme… los quiero", "I'm sorry, it's not your fault, I love you": a farewell when it is more than a
            // lovers' apology: said twice over, with despair, to family, or with a goodbye.
            farewell = found.count(FAREWELL_SORRY) >= 2
                    || distress
                    || passive
                    || goodbye
                    || found.has(POSSESSIVE_REFERENCE);
        }
        if (!intent && !passive && !selfHarm && !farewell && !method && found.has(CELEBRATION)) {
            // "Esta noche lo hago: le pido casamiento, ya tengo el anillo": a plan, a time, nothing of death.
            planAct = ready = concealed = timing = false;
        }
        if (!intent
                && !passive
                && !selfHarm
                && !farewell
                && !distress
                && (found.has(MEDICAL_ROUTINE) || found.has(ORDINARY_LEAVING))) {
            // "Ya me tomé todas las pastillas del antibiótico": a course of treatment finished; "voy camino al
            // aeropuerto, ya no hay vuelta atrás": a trip.
            inProgress = means = false;
        }
        if ((givingAway || farewell) && !intent && !passive && !selfHarm && found.has(ORDINARY_LEAVING)) {
            // "Me despedí de todos, me mudo a Madrid", "regalé la ropa que ya no me queda": leaving, not dying.
            givingAway = farewell = false;
        }
        boolean pastCrisis = false;

        if ((intent || passive || selfHarm || farewell)
                && !inProgress
                && !method
                && !recentAttempt
                && !timing
                && found.toldAsPast()) {
            // A crisis told as past ("hace años intenté…", "de adolescente me cortaba… hoy estoy bien"). Checked
            // last: most messages have nothing to tell as past, and this one needs another pass over the words.
            signals.add(RiskSignal.PAST_RESOLVED);
            pastCrisis = true;
            intent = passive = selfHarm = farewell = false;
            if (found.has(RECOVERY)) {
                distress = false;
            }
        }
        boolean fiction = found.has(FICTION) || found.has(HYPOTHETICAL);
        if (!intent && !farewell && !method && !inProgress && (found.has(GENERAL_TOPIC) || fiction)) {
            // Fiction, school work, a professional asking in general terms: about nobody in danger, unless the
            // writer speaks of someone of their own ("mi alumno…") or of themselves.
            if ((fiction || !found.has(POSSESSIVE_REFERENCE)) && !found.has(FIRST_PERSON)) {
                signals.add(RiskSignal.GENERAL_TOPIC);
                return new RiskAssessment(RiskLevel.NONE, RiskSubject.GENERAL, signals);
            }
        }

        RiskLevel level = RiskLevel.NONE;
        if (distress) {
            level = RiskLevel.LOW;
            signals.add(RiskSignal.DISTRESS);
        }
        if (pastCrisis) {
            // A crisis told as past and over is still worth a gentle word: low, never crisis.
            level = RiskLevel.LOW;
        }
        if (passive || selfHarm || givingAway) {
            level = RiskLevel.MEDIUM;
            add(signals, passive, RiskSignal.PASSIVE_WISH);
            add(signals, selfHarm, RiskSignal.SELF_HARM);
            add(signals, givingAway, RiskSignal.GIVING_AWAY);
        }
        if ((givingAway && (passive || distress || goodbye)) || (passive && means)) {
            level = RiskLevel.HIGH;
        }
        if (intent || method || farewell || recentAttempt) {
            level = RiskLevel.HIGH;
            add(signals, intent, RiskSignal.SUICIDAL_INTENT);
            add(signals, method, RiskSignal.METHOD_QUESTION);
            add(signals, farewell, RiskSignal.FAREWELL);
            add(signals, recentAttempt, RiskSignal.RECENT_ATTEMPT);
        }
        boolean deathRelated = intent || farewell || passive || method || selfHarm || givingAway;
        boolean preparing = planAct || ready || concealed;
        if (concealed && (timing || planAct || ready)) {
            // "Esta noche, cuando todos se duerman; ya tengo todo escondido": a time or what is needed, kept hidden.
            level = RiskLevel.IMMINENT;
        }
        if (deathRelated && preparing) {
            level = RiskLevel.IMMINENT;
        }
        if ((intent || farewell) && (timing || means)) {
            level = RiskLevel.IMMINENT;
        }
        if (planAct && (ready || timing || means)) {
            // "Esta noche lo hago, ya tengo todo": a decision with a time or what is needed, said to a support line.
            level = RiskLevel.IMMINENT;
        }
        if (place) {
            level = RiskLevel.max(
                    level,
                    placeContext || deathRelated || distress || preparing || goodbye
                            ? RiskLevel.IMMINENT
                            : RiskLevel.MEDIUM);
            signals.add(RiskSignal.PLACE);
        }
        if (means && found.has(SECRECY)) {
            // Pills just taken, and nobody must know.
            inProgress = true;
        }
        if (means && ready) {
            level = RiskLevel.IMMINENT;
        }
        if (inProgress) {
            level = RiskLevel.IMMINENT;
            signals.add(RiskSignal.ACT_IN_PROGRESS);
        }
        if (preparing && level == RiskLevel.NONE) {
            // A plan without words of death is ambiguous alone; after risk it is not (RiskState).
            level = RiskLevel.LOW;
        }
        // The model does not read negations: where the phrases saw the risk words negated ("no me quiero matar"),
        // it does not get to raise the level. Nor does it judge a message of one or two words ("si me"): too little
        // for its weights to mean anything, and the phrases catch the short crises ("quiero morir").
        // Nor does it tell whose risk it reads: it was trained on messages about the writer, so where the phrases
        // found someone else at risk ("mi hermano se encerró con las pastillas"), that reading stands.
        // Someone else's farewell or gifts beside an ordinary reason ("se despidió de todos, se va a vivir a Madrid"),
        // or someone on a roof fixing the antenna, with no word of death or harm, is not someone at risk.
        boolean otherAtRisk = found.has(OTHER_AT_RISK)
                && !((found.has(OTHER_LEAVING) && found.has(ORDINARY_LEAVING)
                                || found.has(OTHER_PLACE) && found.has(PLACE_BENIGN))
                        && !found.has(OTHER_DEATH_WORDS));
        boolean someoneElseAtRisk = otherAtRisk && (found.has(THIRD_PARTY_REFERENCE) || found.has(REPORTED));
        boolean blocked = signals.contains(RiskSignal.NEGATED)
                || words.length < MIN_WORDS_FOR_MODEL
                || (someoneElseAtRisk && !level.isCrisis());
        long context = 0;
        if (!blocked || probe != null) {
            context = bit(intent, RiskModel.Context.INTENT)
                    | bit(passive, RiskModel.Context.PASSIVE)
                    | bit(selfHarm, RiskModel.Context.SELF_HARM)
                    | bit(givingAway, RiskModel.Context.GIVING_AWAY)
                    | bit(farewell, RiskModel.Context.FAREWELL)
                    | bit(planAct, RiskModel.Context.PLAN)
                    | bit(ready, RiskModel.Context.READY)
                    | bit(means, RiskModel.Context.MEANS)
                    | bit(method, RiskModel.Context.METHOD)
                    | bit(inProgress, RiskModel.Context.IN_PROGRESS)
                    | bit(place, RiskModel.Context.PLACE)
                    | bit(found.has(PLACE_BENIGN), RiskModel.Context.PLACE_BENIGN)
                    | bit(placeContext, RiskModel.Context.PLACE_CONTEXT)
                    | bit(timing, RiskModel.Context.TIMING)
                    | bit(distress, RiskModel.Context.DISTRESS)
                    | bit(recentAttempt, RiskModel.Context.RECENT_ATTEMPT)
                    | bit(goodbye, RiskModel.Context.GOODBYE)
                    | bit(concealed, RiskModel.Context.CONCEALED)
                    | bit(found.has(CELEBRATION), RiskModel.Context.CELEBRATION)
                    | bit(found.has(MEDICAL_ROUTINE), RiskModel.Context.MEDICAL_ROUTINE)
                    | bit(found.has(ORDINARY_LEAVING), RiskModel.Context.ORDINARY_LEAVING)
                    | bit(pastCrisis, RiskModel.Context.PAST)
                    | bit(found.has(GENERAL_TOPIC), RiskModel.Context.GENERAL)
                    | bit(fiction, RiskModel.Context.FICTION)
                    | bit(found.has(THIRD_PARTY_REFERENCE), RiskModel.Context.THIRD_PARTY)
                    | bit(found.has(REPORTED), RiskModel.Context.REPORTED)
                    | bit(otherAtRisk, RiskModel.Context.OTHER_AT_RISK)
                    | bit(found.has(FIRST_PERSON), RiskModel.Context.FIRST_PERSON)
                    | bit(found.has(POSSESSIVE_REFERENCE), RiskModel.Context.POSSESSIVE)
                    | bit(found.has(FAREWELL_SORRY), RiskModel.Context.FAREWELL_SORRY)
                    | bit(found.has(FAREWELL_LOVE), RiskModel.Context.FAREWELL_LOVE)
                    | bit(found.has(SERIOUS), RiskModel.Context.SERIOUS)
                    | bit(signals.contains(RiskSignal.IDIOM), RiskModel.Context.IDIOM);
        }
        if (probe != null) {
            probe.seen(words, context, blocked);
        }
        boolean learnedOther = false;
        if (!blocked) {
            double[] scores = model.logits(words, context);
            RiskLevel learned = model.level(scores);
            if (learned.compareTo(level) > 0) {
                // What the phrases missed and the model, trained on labelled messages, recognises; whose risk it is
                // the model says too, when the message names someone ("mi hermano ya no quiere…").
                level = learned;
                signals.add(RiskSignal.LEARNED);
                learnedOther = model.aboutOther(scores)
                        && (found.has(THIRD_PARTY_REFERENCE) || found.has(REPORTED))
                        && !found.has(FIRST_PERSON);
            }
        }
        if (level == RiskLevel.HIGH
                && onlyLaughingIntent(signals, text, intent, method, farewell, recentAttempt, found.has(SERIOUS))) {
            // "Me quiero morir, se me olvidó el cumple 😂": said laughing, with nothing else, it is a figure of speech.
            level = RiskLevel.LOW;
            signals.add(RiskSignal.IDIOM);
        }
        add(signals, planAct || ready, RiskSignal.PLAN);
        add(signals, means, RiskSignal.MEANS);
        add(signals, timing && level.isCrisis(), RiskSignal.TIMING);
        add(signals, goodbye, RiskSignal.GOODBYE);

        if (learnedOther) {
            signals.add(RiskSignal.THIRD_PARTY);
            return new RiskAssessment(level, RiskSubject.OTHER, signals);
        }
        if (level.isCrisis()) {
            return new RiskAssessment(level, RiskSubject.SELF, signals);
        }
        boolean someoneElse = found.has(THIRD_PARTY_REFERENCE) || found.has(REPORTED);
        if (otherAtRisk && someoneElse) {
            signals.add(RiskSignal.THIRD_PARTY);
            RiskLevel other;
            if (found.has(OTHER_IMMINENT)) {
                other = RiskLevel.IMMINENT;
            } else if (found.has(OTHER_MILD) && !found.has(OTHER_AT_RISK_HIGH) && !found.has(METHOD_QUESTION)) {
                other = RiskLevel.MEDIUM;
            } else {
                other = RiskLevel.HIGH;
            }
            return new RiskAssessment(other, RiskSubject.OTHER, signals);
        }
        if (level == RiskLevel.NONE && someoneElse && found.has(OTHER_DISTRESS)) {
            signals.add(RiskSignal.THIRD_PARTY);
            return new RiskAssessment(RiskLevel.LOW, RiskSubject.OTHER, signals);
        }
        return new RiskAssessment(level, RiskSubject.SELF, signals);
    }

    private static final PhraseSet PAST_TENSE = PhraseSet.of(
            "(pensé en|pensaba en|quise|quería|intenté|llegué a pensar|estuve a punto de|me cortaba|me lastimaba"
                    + "|escribí|i thought about|i tried|i used to)");

    private static boolean onlyLaughingIntent(
            Set<RiskSignal> signals,
            String text,
            boolean intent,
            boolean method,
            boolean farewell,
            boolean recentAttempt,
            boolean serious) {
        return intent
                && !method
                && !farewell
                && !recentAttempt
                && !signals.contains(RiskSignal.PASSIVE_WISH)
                && !signals.contains(RiskSignal.DISTRESS)
                && !serious
                && LAUGHTER.matcher(text).find();
    }

    private static final PhraseSet OTHER_AT_RISK_HIGH = PhraseSet.of(
            "se (quiere|quiso|va a|iba a|mata|suicida) (matar|suicidar|morir)?",
            "(matarse|suicidarse|quitarse la vida)",
            "(despidiéndose|se despidió|se despide|mensaje de despedida|carta de despedida|tiene un plan)",
            "(kill|killing) (himself|herself|themselves)",
            "goodbye (message|note|post)");

    /** Every phrase set looked for after {@link #prepare}, matched in one pass ({@link PhraseSet.Index}). */
    private static final PhraseSet[] SETS = {
        SUICIDAL_INTENT,
        PASSIVE_WISH,
        SELF_HARM,
        GIVING_AWAY,
        FAREWELL,
        PLAN_ACT,
        READY,
        MEANS,
        METHOD_QUESTION,
        ACT_IN_PROGRESS,
        PLACE,
        PLACE_BENIGN,
        PLACE_CONTEXT,
        TIMING,
        DISTRESS,
        RECENT_ATTEMPT,
        GOODBYE,
        GENERAL_TOPIC,
        FICTION,
        POSSESSIVE_REFERENCE,
        FIRST_PERSON,
        SECRECY,
        OTHER_AT_RISK,
        THIRD_PARTY_REFERENCE,
        REPORTED,
        OTHER_IMMINENT,
        OTHER_MILD,
        OTHER_AT_RISK_HIGH,
        OTHER_DISTRESS,
        OTHER_LEAVING,
        OTHER_PLACE,
        OTHER_DEATH_WORDS,
        RECOVERY,
        ORDINARY_LEAVING,
        HYPOTHETICAL,
        FAREWELL_SORRY,
        FAREWELL_LOVE,
        CELEBRATION,
        SERIOUS,
        CONCEALMENT,
        MEDICAL_ROUTINE,
        ONGOING,
        PAST_MARKER,
        PAST_TENSE
    };

    /** The sets whose matches are looked at by position (negations, counts, what is ongoing), not just found. */
    private static final List<PhraseSet> POSITIONED = List.of(
            SUICIDAL_INTENT,
            PASSIVE_WISH,
            SELF_HARM,
            GIVING_AWAY,
            FAREWELL,
            PLAN_ACT,
            READY,
            MEANS,
            CONCEALMENT,
            DISTRESS,
            FAREWELL_SORRY,
            RECOVERY,
            ONGOING,
            PAST_MARKER,
            PAST_TENSE);

    private static final PhraseSet.Index INDEX = new PhraseSet.Index(VOCABULARY, positioned(), SETS);

    private static long positioned() {
        long bits = 0;
        for (int i = 0; i < SETS.length; i++) {
            if (POSITIONED.contains(SETS[i])) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** The number of each set in {@link #INDEX}, by {@link PhraseSet#serial} (-1: not in the index). */
    private static final int[] SET_NUMBERS = numbers();

    private static int[] numbers() {
        int largest = 0;
        for (PhraseSet set : SETS) {
            largest = Math.max(largest, set.serial);
        }
        int[] numbers = new int[largest + 1];
        Arrays.fill(numbers, -1);
        for (int i = 0; i < SETS.length; i++) {
            numbers[SETS[i].serial] = i;
        }
        return numbers;
    }

    private static int number(PhraseSet set) {
        int number = set.serial < SET_NUMBERS.length ? SET_NUMBERS[set.serial] : -1;
        if (number < 0) {
            throw new IllegalArgumentException("set not in the index");
        }
        return number;
    }

    /** The phrases of a message, leaving aside those right after a negation where that matters. */
    private static final class Found {
        private final String[] words;
        private final Set<RiskSignal> signals;
        private final PhraseSet.Matches matches;

        Found(String[] words, int[] ids, Set<RiskSignal> signals) {
            this.words = words;
            this.signals = signals;
            this.matches = INDEX.match(words, ids);
        }

        /**
         * Whether the message tells a crisis as past: a past marker ("hace años"), or a recovery with a past tense,
         * that does not start inside something ongoing ("desde hace meses").
         */
        boolean toldAsPast() {
            if (!has(PAST_MARKER) && !has(RECOVERY)) {
                return false;
            }
            List<int[]> ongoing = has(ONGOING) ? matches.spans(number(ONGOING)) : List.of();
            return startsOutside(PAST_MARKER, ongoing)
                    || (startsOutside(RECOVERY, ongoing) && startsOutside(PAST_TENSE, ongoing));
        }

        private boolean startsOutside(PhraseSet set, List<int[]> spans) {
            int number = number(set);
            if (!matches.found(number)) {
                return false;
            }
            for (int start = 0; start < words.length; start++) {
                if (matches.endAt(number, start) > start && !inside(start, spans)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean inside(int word, List<int[]> spans) {
            for (int[] span : spans) {
                if (word >= span[0] && word < span[1]) {
                    return true;
                }
            }
            return false;
        }

        boolean has(PhraseSet set) {
            return matches.found(number(set));
        }

        /** How many separate matches the set has. */
        int count(PhraseSet set) {
            return matches.spans(number(set)).size();
        }

        /**
         * True when the set matches somewhere not negated; a negated match only marks the message ({@link
         * RiskSignal#NEGATED}: risk words said to be absent, which keeps the model from raising the level).
         */
        boolean any(PhraseSet set) {
            if (anyNotNegated(set)) {
                return true;
            }
            if (matches.found(number(set))) {
                signals.add(RiskSignal.NEGATED);
            }
            return false;
        }

        /**
         * As {@link #any}, but a negation marks nothing: for words that are not risk words ("no estoy tan mal"). Every
         * start counts, so a shorter match inside a negated one still does: in "no quiero nada, solo quiero
         * desaparecer", "solo quiero desaparecer" follows a negation and its fillers, "quiero desaparecer" does not.
         */
        boolean anyNotNegated(PhraseSet set) {
            int number = number(set);
            if (!matches.found(number)) {
                return false;
            }
            for (int start = 0; start < words.length; start++) {
                if (matches.endAt(number, start) > start && !negated(words, start)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String[] words(String text) {
        return SafetyNormalizer.fold(text);
    }

    /** Words spelled out letter by letter ("m e q u i e r o m a t a r") that spell a first-person intent. */
    private static boolean spelledOutIntent(String[] words) {
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty() || word.charAt(0) != SafetyNormalizer.SPELLED_OUT) {
                continue;
            }
            for (String keyword : SPELLED_KEYWORDS) {
                if (word.contains(keyword) && !negated(words, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a negation stands before word {@code start} with only filler words between ("no me quiero…"). "No para
     * de", "no deja de" are not negations: they mean "keeps on".
     */
    private static boolean negated(String[] words, int start) {
        if (start + 1 < words.length
                && QUESTION_OPENERS.contains(words[start])
                && QUESTION_WORDS.contains(words[start + 1])) {
            // A question ("¿para qué seguir?", "¿de qué sirve?") is not negated by what came before it: the comma
            // that separated them is gone after folding.
            return false;
        }
        for (int i = start - 1; i >= 0 && i >= start - 5; i--) {
            String word = words[i];
            if (NEGATIONS.contains(word)) {
                if (i + 2 < start && words[i + 1].equals(KNOW) && QUESTION_WORDS.contains(words[i + 2])) {
                    return false;
                }
                return i + 1 >= words.length || !KEEPS_ON.contains(words[i + 1]);
            }
            if (!NEGATION_FILLERS.contains(word)) {
                return false;
            }
        }
        return false;
    }

    private static long bit(boolean present, RiskModel.Context context) {
        return present ? context.bit() : 0;
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
}
