package io.psicoia.domain.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A set of phrases, written in ordinary spelling, matched word by word against normalized text.
 *
 * <p>Phrase syntax, small on purpose so that rules read like the sentences they catch:
 *
 * <ul>
 *   <li>words, matched whole after the same folding as the text ({@link SafetyNormalizer}): {@code quiero morir};
 *   <li>{@code word*}: any word starting so: {@code suicid*};
 *   <li>{@code (a|b c|)} or {@code (a|b c)?}: one of the alternatives, each a phrase; an empty alternative or a
 *       {@code ?} makes the group optional;
 *   <li>{@code ~}: up to three words of anything; {@code ~~}: up to six (never across a sentence break).
 * </ul>
 *
 * <p>Phrases are expanded into plain sequences and stored in a trie of words, so matching a message costs about one
 * hash lookup per word and per live branch: it grows with the message, hardly with the number of phrases.
 */
final class PhraseSet {

    /** One step of an expanded sequence: a whole word, a word prefix, or a gap of up to {@code gap} words. */
    private record Step(String word, boolean prefix, int gap) {}

    /** A node of the phrase trie: what may come next, and whether a phrase may end here. */
    private static final class Node {
        final Map<String, Node> words = new HashMap<>();
        final List<Map.Entry<String, Node>> prefixes = new ArrayList<>(0);
        final Map<Integer, Node> gaps = new HashMap<>(0);
        /** In a combined index: the sets that have a phrase ending here, one bit each. */
        long sets;

        Node next(Step step) {
            if (step.gap() > 0) {
                return gaps.computeIfAbsent(step.gap(), g -> new Node());
            }
            if (!step.prefix()) {
                return words.computeIfAbsent(step.word(), w -> new Node());
            }
            for (Map.Entry<String, Node> entry : prefixes) {
                if (entry.getKey().equals(step.word())) {
                    return entry.getValue();
                }
            }
            Node node = new Node();
            prefixes.add(Map.entry(step.word(), node));
            return node;
        }
    }

    private static final AtomicInteger SERIALS = new AtomicInteger();

    /**
     * The phrases as written, checked once; each index expands them again when it is built, so the expanded sequences
     * (hundreds of thousands for some sets) are not kept once the indexes exist.
     */
    private final List<String> phrases = new ArrayList<>();
    /** A number unique to this set, from 0 up: lets a caller keep per-set data in an array instead of a map. */
    final int serial = SERIALS.getAndIncrement();
    /** This set alone, matched the same way as in a combined index. */
    private Index alone;

    private PhraseSet() {}

    static PhraseSet of(String... phrases) {
        if (phrases.length == 0) {
            throw new IllegalArgumentException("at least one phrase");
        }
        PhraseSet set = new PhraseSet();
        set.phrases.addAll(List.of(phrases));
        set.alone = new Index(set);
        return set;
    }

    /** The plain sequences of {@code phrase}, each checked to start with a word. */
    private static List<List<Step>> expand(String phrase) {
        List<List<Step>> sequences = new Parser(phrase).parse();
        for (List<Step> sequence : sequences) {
            if (sequence.isEmpty() || sequence.get(0).gap() > 0) {
                throw new IllegalArgumentException("phrase \"" + phrase + "\" must start with a word");
            }
        }
        return sequences;
    }

    /**
     * Several sets in one trie, matched in one pass over a message: which sets matched, and where for the sets asked
     * for ({@link Matches}). Up to 64 sets.
     */
    static final class Index {
        private static final int BREAK_ID = -2;
        private static final int UNKNOWN_ID = -1;

        private final Frozen root;
        private final int size;
        /** Every whole word of the phrases, numbered: a message's words are looked up once, then edges by number. */
        private final Map<String, Integer> vocabulary;
        /** Per set, its row in {@link Matches}'s table of ends, or -1 when only whether it matched is kept. */
        private final int[] rows;

        private final int positioned;

        /** An index of its own words, keeping where every set matched. */
        Index(PhraseSet... sets) {
            this(new HashMap<>(), -1L, sets);
        }

        /**
         * An index numbering its words in {@code vocabulary}, which other indexes may share so that one {@link #ids}
         * serves them all; where a set matched is kept only for the sets whose bit is set in {@code positioned}.
         */
        Index(Map<String, Integer> vocabulary, long positioned, PhraseSet... sets) {
            if (sets.length > Long.SIZE) {
                throw new IllegalArgumentException("at most 64 sets");
            }
            size = sets.length;
            this.vocabulary = vocabulary;
            rows = new int[size];
            int row = 0;
            for (int i = 0; i < size; i++) {
                rows[i] = (positioned & (1L << i)) != 0 ? row++ : -1;
            }
            this.positioned = row;
            Node trie = new Node();
            for (int i = 0; i < sets.length; i++) {
                for (String phrase : sets[i].phrases) {
                    for (List<Step> sequence : expand(phrase)) {
                        Node node = trie;
                        for (Step step : sequence) {
                            node = node.next(step);
                        }
                        node.sets |= 1L << i;
                    }
                }
            }
            root = Frozen.freeze(trie, vocabulary, new HashMap<>());
        }

        /** The number of each word in the vocabulary (or a mark for a sentence break, or for a word none has). */
        int[] ids(String[] words) {
            int[] ids = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                Integer id = vocabulary.get(words[i]);
                ids[i] = id != null ? id : words[i].equals(SafetyNormalizer.BREAK) ? BREAK_ID : UNKNOWN_ID;
            }
            return ids;
        }

        /** Marks word {@code i} of {@link #ids} as one no phrase has (after it was blanked out). */
        static void forget(int[] ids, int i) {
            ids[i] = UNKNOWN_ID;
        }

        Matches match(String[] words) {
            return match(words, ids(words));
        }

        /** The matches in a message whose word numbers, from this index's vocabulary, are {@code ids}. */
        Matches match(String[] words, int[] ids) {
            Matches matches = new Matches(rows, words.length);
            for (int start = 0; start < words.length; start++) {
                walk(root, words, ids, start, start, matches);
            }
            return matches;
        }

        private void walk(Frozen node, String[] words, int[] ids, int at, int start, Matches matches) {
            if (node.sets != 0 && at > start) {
                matches.found |= node.sets;
                for (long bits = node.sets; bits != 0; bits &= bits - 1) {
                    int row = rows[Long.numberOfTrailingZeros(bits)];
                    if (row >= 0) {
                        matches.end(row, positioned, start, at);
                    }
                }
            }
            if (at < words.length) {
                Frozen next = node.child(ids[at]);
                if (next != null) {
                    walk(next, words, ids, at + 1, start, matches);
                }
                String[] prefixes = node.prefixes;
                for (int p = 0; p < prefixes.length; p++) {
                    if (words[at].startsWith(prefixes[p])) {
                        walk(node.prefixNodes[p], words, ids, at + 1, start, matches);
                    }
                }
            }
            int[] gaps = node.gaps;
            for (int g = 0; g < gaps.length; g++) {
                for (int skip = 0; skip <= gaps[g] && at + skip <= words.length; skip++) {
                    if (skip > 0 && ids[at + skip - 1] == BREAK_ID) {
                        break;
                    }
                    walk(node.gapNodes[g], words, ids, at + skip, start, matches);
                }
            }
        }
    }

    /**
     * A node made for matching: edges for whole words in an open-addressing table keyed by word number, prefixes and
     * gaps in plain arrays. Nodes that match the same way (same ends, same edges to the same nodes) are made once and
     * shared, so the expanded phrases are stored as a graph rather than a tree: alternatives in the middle of a phrase
     * share everything after them. Matching reads nodes and never writes them, so sharing changes no match; it takes
     * the phrase index from hundreds of thousands of nodes to a few thousand.
     */
    private static final class Frozen {
        private static final Frozen[] NO_NODES = {};

        final long sets;
        /** Word number + 1 per slot (0: empty). */
        final int[] keys;

        final Frozen[] children;
        final int mask;
        final String[] prefixes;
        final Frozen[] prefixNodes;
        final int[] gaps;
        final Frozen[] gapNodes;

        private Frozen(Shape shape) {
            sets = shape.sets;
            int capacity = shape.wordIds.length == 0 ? 0 : Integer.highestOneBit(shape.wordIds.length * 2 - 1) * 2;
            keys = new int[capacity];
            children = capacity == 0 ? NO_NODES : new Frozen[capacity];
            mask = capacity - 1;
            for (int i = 0; i < shape.wordIds.length; i++) {
                int id = shape.wordIds[i];
                int slot = slot(id);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = id + 1;
                children[slot] = shape.wordNodes[i];
            }
            prefixes = shape.prefixes;
            prefixNodes = shape.prefixNodes;
            gaps = shape.gaps;
            gapNodes = shape.gapNodes;
        }

        /**
         * The node for {@code node}, its descendants made first; a node shaped like one made before is that one
         * ({@code made}, keyed by shape).
         */
        static Frozen freeze(Node node, Map<String, Integer> vocabulary, Map<Shape, Frozen> made) {
            List<Map.Entry<String, Node>> words = new ArrayList<>(node.words.entrySet());
            words.sort(Map.Entry.comparingByKey());
            int[] wordIds = new int[words.size()];
            Frozen[] wordNodes = new Frozen[words.size()];
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i).getKey();
                wordIds[i] = vocabulary.computeIfAbsent(word, w -> vocabulary.size());
                wordNodes[i] = freeze(words.get(i).getValue(), vocabulary, made);
            }
            List<Map.Entry<String, Node>> prefixEdges = new ArrayList<>(node.prefixes);
            prefixEdges.sort(Map.Entry.comparingByKey());
            String[] prefixes = new String[prefixEdges.size()];
            Frozen[] prefixNodes = prefixes.length == 0 ? NO_NODES : new Frozen[prefixes.length];
            for (int i = 0; i < prefixes.length; i++) {
                prefixes[i] = prefixEdges.get(i).getKey();
                prefixNodes[i] = freeze(prefixEdges.get(i).getValue(), vocabulary, made);
            }
            List<Map.Entry<Integer, Node>> gapEdges = new ArrayList<>(node.gaps.entrySet());
            gapEdges.sort(Map.Entry.comparingByKey());
            int[] gaps = new int[gapEdges.size()];
            Frozen[] gapNodes = gaps.length == 0 ? NO_NODES : new Frozen[gaps.length];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = gapEdges.get(i).getKey();
                gapNodes[i] = freeze(gapEdges.get(i).getValue(), vocabulary, made);
            }
            Shape shape = new Shape(node.sets, wordIds, wordNodes, prefixes, prefixNodes, gaps, gapNodes);
            return made.computeIfAbsent(shape, Frozen::new);
        }

        Frozen child(int id) {
            if (id < 0 || keys.length == 0) {
                return null;
            }
            for (int slot = slot(id); keys[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == id + 1) {
                    return children[slot];
                }
            }
            return null;
        }

        private int slot(int id) {
            return ((id + 1) * 0x9E3779B9 >>> 16) & mask;
        }
    }

    /**
     * What a frozen node is made of, its edges in a fixed order and its targets already shared: two nodes with equal
     * shapes match alike. Targets compare by identity (a shared node is the same object).
     */
    private record Shape(
            long sets,
            int[] wordIds,
            Frozen[] wordNodes,
            String[] prefixes,
            Frozen[] prefixNodes,
            int[] gaps,
            Frozen[] gapNodes) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Shape that
                    && sets == that.sets
                    && Arrays.equals(wordIds, that.wordIds)
                    && Arrays.equals(wordNodes, that.wordNodes)
                    && Arrays.equals(prefixes, that.prefixes)
                    && Arrays.equals(prefixNodes, that.prefixNodes)
                    && Arrays.equals(gaps, that.gaps)
                    && Arrays.equals(gapNodes, that.gapNodes);
        }

        @Override
        public int hashCode() {
            int hash = Long.hashCode(sets);
            hash = 31 * hash + Arrays.hashCode(wordIds);
            hash = 31 * hash + Arrays.hashCode(wordNodes);
            hash = 31 * hash + Arrays.hashCode(prefixes);
            hash = 31 * hash + Arrays.hashCode(prefixNodes);
            hash = 31 * hash + Arrays.hashCode(gaps);
            return 31 * hash + Arrays.hashCode(gapNodes);
        }

        @Override
        public String toString() {
            return "Shape[" + wordIds.length + " words, " + prefixes.length + " prefixes, " + gaps.length + " gaps]";
        }
    }

    /**
     * The matches of each set of an {@link Index} in one message: whether each set matched, and for the sets the
     * index keeps positions of, where. Tables are made only when such a set matches.
     */
    static final class Matches {
        private final int[] rows;
        private final int length;
        long found;
        /** Per kept set, the end of its longest match from each start; null until it matches. */
        private int[][] ends;

        private Matches(int[] rows, int length) {
            this.rows = rows;
            this.length = length;
        }

        private void end(int row, int positioned, int start, int at) {
            if (ends == null) {
                ends = new int[positioned][];
            }
            if (ends[row] == null) {
                ends[row] = new int[length];
            }
            ends[row][start] = Math.max(ends[row][start], at);
        }

        /** Whether set number {@code set} matched anywhere. */
        boolean found(int set) {
            return (found & (1L << set)) != 0;
        }

        private int[] ends(int set) {
            int row = rows[set];
            if (row < 0) {
                throw new IllegalStateException("positions of set " + set + " are not kept");
            }
            return ends == null ? null : ends[row];
        }

        /**
         * The end (exclusive) of the longest match of set number {@code set} that starts at word {@code start}, or
         * -1: every start, including those inside another match that {@link #spans} leaves out.
         */
        int endAt(int set, int start) {
            int[] end = ends(set);
            return end == null || end[start] <= start ? -1 : end[start];
        }

        /** The non-overlapping matches of set number {@code set}, left to right, as {start, end}. */
        List<int[]> spans(int set) {
            int[] end = ends(set);
            if (end == null) {
                return List.of();
            }
            List<int[]> spans = new ArrayList<>(2);
            int i = 0;
            while (i < end.length) {
                if (end[i] > i) {
                    spans.add(new int[] {i, end[i]});
                    i = end[i];
                } else {
                    i++;
                }
            }
            return spans;
        }
    }

    boolean foundIn(String[] words) {
        return alone.match(words).found(0);
    }

    /** Each match as {start, end} word indexes (end exclusive), left to right, not overlapping. */
    List<int[]> spans(String[] words) {
        return alone.match(words).spans(0);
    }

    /** Replaces every match with one neutral word, so no other phrase can see it; returns whether any was found. */
    boolean blankOut(String[] words) {
        boolean found = false;
        for (int[] span : spans(words)) {
            for (int k = span[0]; k < span[1]; k++) {
                words[k] = "_";
            }
            found = true;
        }
        return found;
    }

    /** Parses one phrase into its plain sequences (alternatives expanded). */
    private static final class Parser {
        private final String source;
        private int position;

        Parser(String source) {
            this.source = source;
        }

        List<List<Step>> parse() {
            List<List<Step>> sequences = sequence(false);
            if (position < source.length()) {
                throw error("unexpected '" + source.charAt(position) + "'");
            }
            return sequences;
        }

        /** The sequences a phrase (or one alternative of a group) stands for. */
        private List<List<Step>> sequence(boolean nested) {
            List<List<Step>> sequences = new ArrayList<>();
            sequences.add(new ArrayList<>());
            while (true) {
                skipSpaces();
                if (position >= source.length()) {
                    if (nested) {
                        throw error("missing ')'");
                    }
                    return sequences;
                }
                char c = source.charAt(position);
                if (c == '|' || c == ')') {
                    if (!nested) {
                        throw error("unexpected '" + c + "'");
                    }
                    return sequences;
                }
                List<List<Step>> next;
                if (c == '(') {
                    position++;
                    next = group();
                } else if (c == '~') {
                    int gaps = 0;
                    while (position < source.length() && source.charAt(position) == '~') {
                        gaps++;
                        position++;
                    }
                    next = List.of(List.of(new Step(null, false, 3 * gaps)));
                } else {
                    next = List.of(word());
                }
                sequences = product(sequences, next);
            }
        }

        private List<List<Step>> group() {
            List<List<Step>> alternatives = new ArrayList<>();
            boolean optional = false;
            while (true) {
                List<List<Step>> alternative = sequence(true);
                for (List<Step> sequence : alternative) {
                    if (sequence.isEmpty()) {
                        optional = true;
                    } else {
                        alternatives.add(sequence);
                    }
                }
                char c = source.charAt(position++);
                if (c == ')') {
                    break;
                }
            }
            if (position < source.length() && source.charAt(position) == '?') {
                optional = true;
                position++;
            }
            if (alternatives.isEmpty()) {
                throw error("empty group");
            }
            if (optional) {
                alternatives.add(List.of());
            }
            return alternatives;
        }

        private List<Step> word() {
            int start = position;
            while (position < source.length() && isWordChar(source.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw error("unexpected '" + source.charAt(position) + "'");
            }
            boolean prefix = position < source.length() && source.charAt(position) == '*';
            if (prefix) {
                position++;
            }
            String folded = SafetyNormalizer.normalize(source.substring(start, position - (prefix ? 1 : 0)));
            if (folded.isEmpty()) {
                throw error("word folds to nothing");
            }
            // A word may fold to several ("don't" → "don t"): all but the last are whole words.
            String[] parts = folded.split(" ");
            List<Step> steps = new ArrayList<>(parts.length);
            for (int i = 0; i < parts.length; i++) {
                steps.add(new Step(parts[i], prefix && i == parts.length - 1, 0));
            }
            return steps;
        }

        private static List<List<Step>> product(List<List<Step>> heads, List<List<Step>> tails) {
            List<List<Step>> out = new ArrayList<>(heads.size() * tails.size());
            for (List<Step> head : heads) {
                for (List<Step> tail : tails) {
                    List<Step> joined = new ArrayList<>(head.size() + tail.size());
                    joined.addAll(head);
                    joined.addAll(tail);
                    out.add(joined);
                }
            }
            return out;
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '\'';
        }

        private void skipSpaces() {
            while (position < source.length() && source.charAt(position) == ' ') {
                position++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("phrase \"" + source + "\" at " + position + ": " + what);
        }
    }
}
