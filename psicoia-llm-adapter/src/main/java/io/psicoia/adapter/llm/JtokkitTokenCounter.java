package io.psicoia.adapter.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import io.psicoia.domain.model.TokenCounter;
import java.util.Objects;

/**
 * Counts tokens with a real byte-pair encoder (jtokkit).
 *
 * <p>The model, Llama 3.x, uses a tiktoken-style BPE vocabulary of about 128k tokens that jtokkit does not ship. Of the
 * encodings it does ship, {@code o200k_base} is the closest (large, multilingual, splits Spanish words and accents
 * similarly), so counts are a close estimate, not the provider's exact number. The text is encoded as ordinary text:
 * a person typing {@code <|endoftext|>} is counted, not rejected.
 *
 * <p>Thread-safe; the encoding is loaded once, on first use.
 */
public final class JtokkitTokenCounter implements TokenCounter {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;

    public JtokkitTokenCounter() {
        this.encoding = REGISTRY.getEncoding(EncodingType.O200K_BASE);
    }

    @Override
    public int count(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return 0;
        }
        return encoding.countTokensOrdinary(text);
    }

    /**
     * The UTF-8 length: every BPE token of a byte-level vocabulary covers at least one byte, so a text never has more
     * tokens than bytes. Lets the token window skip tokenizing messages that fit anyway.
     */
    @Override
    public int upperBound(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
