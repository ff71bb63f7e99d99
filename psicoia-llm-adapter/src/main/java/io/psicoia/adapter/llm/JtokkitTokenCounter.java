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
}
