package io.psicoia.adapter.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.TokenUsage;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LlmPort} over an OpenAI-compatible {@code /v1/chat/completions} endpoint (Groq, OpenAI, Ollama, llama.cpp,
 * vLLM), streaming the reply as Server-Sent Events with {@code java.net.http}.
 *
 * <p>Failures before the first piece of text reaches the caller are retried ({@link LlmConfig#maxAttempts()} in all);
 * once text has been delivered a failure is final, so the person never sees a reply twice. Cancellation aborts the
 * HTTP exchange at once and the call returns a {@link FinishReason#CANCELLED} result.
 *
 * <p>Privacy: nothing the person wrote, nothing the model wrote, no response body, header or key is logged or put in
 * an exception message; logs carry the trace id, counts, statuses and durations only.
 *
 * <p>Thread-safe: one instance serves every conversation.
 */
public final class OpenAiCompatibleLlmAdapter implements LlmPort {

    /**
     * The circuit breaker: over the last {@value #BREAKER_WINDOW} calls (each with its retries), once at least
     * {@value #BREAKER_MINIMUM_CALLS} were made and half of them failed for reasons that say the provider is unwell
     * (unreachable, timeouts, 5xx, its own rate limits), calls pause for {@link #BREAKER_OPEN_FOR}: each fails at
     * once instead of making a person wait through retries that will fail too. Then {@value #BREAKER_PROBES} calls
     * probe; their success closes it again. A wrong key or request does not count: it says nothing about the provider.
     */
    static final int BREAKER_WINDOW = 10;

    static final int BREAKER_MINIMUM_CALLS = 5;
    static final float BREAKER_FAILURE_PERCENT = 50;
    static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(30);
    static final int BREAKER_PROBES = 2;
    private static final Set<Reason> TRANSIENT =
            EnumSet.of(Reason.UNREACHABLE, Reason.TIMEOUT, Reason.UPSTREAM_ERROR, Reason.RATE_LIMITED);

    /** Longest wait for a TCP (and TLS) connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleLlmAdapter.class);

    private static final String DONE = "[DONE]";
    private static final int READ_BUFFER_BYTES = 8 * 1024;
    private static final int MAX_JSON_REPLY_BYTES = 4 * 1024 * 1024;

    /** Parse errors never quote the input: source inclusion is off explicitly, whatever Jackson's default. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectWriter REQUEST_WRITER = MAPPER.writerFor(ChatRequestJson.class);
    private static final ObjectReader CHUNK_READER = MAPPER.readerFor(ChatChunkJson.class);
    private static final ObjectReader COMPLETION_READER = MAPPER.readerFor(ChatCompletionJson.class);

    private final LlmConfig config;
    private final HttpClient client;
    private final RetryLoop retryLoop;
    private final CircuitBreaker breaker;
    /** The reason of the last failure the breaker counted: what a paused call reports. */
    private volatile Reason lastFailure = Reason.UNREACHABLE;

    private final Clock clock;

    /** An adapter with its own HTTP/1.1 client (connect timeout 5 s, no redirects). */
    public OpenAiCompatibleLlmAdapter(LlmConfig config) {
        this(config, defaultHttpClient());
    }

    /** An adapter over a client the caller configured (proxy, TLS, executor). */
    public OpenAiCompatibleLlmAdapter(LlmConfig config, HttpClient client) {
        this(config, client, Sleeper.system(), new Random(), Clock.systemUTC());
    }

    /** For tests: waits, jitter and the clock that reads {@code Retry-After} dates are injected. */
    OpenAiCompatibleLlmAdapter(
            LlmConfig config, HttpClient client, Sleeper sleeper, RandomGenerator random, Clock clock) {
        this(config, client, sleeper, random, clock, BREAKER_OPEN_FOR);
    }

    /** For tests: also how long calls pause once the breaker opens. */
    OpenAiCompatibleLlmAdapter(
            LlmConfig config,
            HttpClient client,
            Sleeper sleeper,
            RandomGenerator random,
            Clock clock,
            Duration breakerOpenFor) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryLoop = RetryLoop.from(config, random, sleeper);
        this.breaker = CircuitBreaker.of(
                "llm",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(BREAKER_WINDOW)
                        .minimumNumberOfCalls(BREAKER_MINIMUM_CALLS)
                        .failureRateThreshold(BREAKER_FAILURE_PERCENT)
                        .waitDurationInOpenState(breakerOpenFor)
                        .permittedNumberOfCallsInHalfOpenState(BREAKER_PROBES)
                        .build());
    }

    /**
     * The breaker's state, for metrics: {@code closed} (calls go through), {@code open} (paused after repeated
     * failures), {@code half_open} (a few calls probe whether the provider is back).
     */
    public String breakerState() {
        return breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Retries made (after 429, 5xx, network failures, timeouts), by the failure's reason, since it was made. */
    public long retries(LlmUnavailableException.Reason reason) {
        return retryLoop.retries(reason);
    }

    /** The client the one-argument constructor uses. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public LlmResult complete(LlmRequest request, Consumer<String> onDelta, Cancellation cancellation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onDelta, "onDelta");
        Objects.requireNonNull(cancellation, "cancellation");
        String trace = request.traceId();
        byte[] body = encode(request);
        Turn turn = new Turn(System.nanoTime());
        LOG.debug(
                "event=llm.request trace={} messages={} bodyBytes={}",
                trace,
                request.messages().size(),
                body.length);
        if (!breaker.tryAcquirePermission()) {
            // The provider kept failing: calls pause for a while instead of each waiting through its retries.
            Reason reason = lastFailure;
            LOG.debug("event=llm.paused trace={} reason={} breaker={}", trace, reason, breaker.getState());
            throw new LlmUnavailableException(reason, "model calls paused after repeated failures");
        }
        long started = System.nanoTime();
        LlmResult result;
        try {
            result = retryLoop.run(
                    trace,
                    cancellation,
                    OpenAiCompatibleLlmAdapter::cancelled,
                    number -> attempt(number, body, onDelta, cancellation, turn));
        } catch (LlmUnavailableException e) {
            if (TRANSIENT.contains(e.reason())) {
                lastFailure = e.reason();
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            } else {
                // A wrong key or request says nothing about the provider's health.
                breaker.releasePermission();
            }
            throw e;
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
        if (result.finishReason() == FinishReason.CANCELLED && turn.deltas == 0) {
            breaker.releasePermission();
        } else {
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        if (result.finishReason() == FinishReason.CANCELLED) {
            LOG.debug(
                    "event=llm.cancelled trace={} attempts={} deltas={} totalMs={}",
                    trace,
                    turn.attempts,
                    turn.deltas,
                    turn.elapsedMs());
        } else {
            LOG.debug(
                    "event=llm.done trace={} finish={} attempts={} promptTokens={} completionTokens={}"
                            + " totalTokens={} deltas={} chars={} firstTokenMs={} totalMs={}",
                    trace,
                    result.finishReason(),
                    turn.attempts,
                    result.usage().map(u -> (Object) u.promptTokens()).orElse("-"),
                    result.usage().map(u -> (Object) u.completionTokens()).orElse("-"),
                    result.usage().map(u -> (Object) u.totalTokens()).orElse("-"),
                    turn.deltas,
                    turn.chars,
                    turn.firstDeltaMs(),
                    turn.elapsedMs());
        }
        return result;
    }

    private byte[] encode(LlmRequest request) {
        try {
            return REQUEST_WRITER.writeValueAsBytes(ChatRequestJson.fromDomain(config, request));
        } catch (JsonProcessingException e) {
            throw new LlmUnavailableException(Reason.BAD_REQUEST, "LLM request could not be encoded");
        }
    }

    private LlmResult attempt(int number, byte[] body, Consumer<String> onDelta, Cancellation cancellation, Turn turn) {
        turn.attempts = number;
        InFlight inFlight = new InFlight();
        try (Cancellation.Registration registration = cancellation.onCancel(inFlight::abort)) {
            Optional<HttpResponse<InputStream>> response = send(body, inFlight, cancellation);
            if (response.isEmpty()) {
                return cancelled();
            }
            return read(response.get(), inFlight, onDelta, cancellation, turn);
        } finally {
            inFlight.finish();
        }
    }

    /** Sends the request and waits for the response headers; empty when cancelled meanwhile. */
    private Optional<HttpResponse<InputStream>> send(byte[] body, InFlight inFlight, Cancellation cancellation) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.url())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        config.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key.reveal()));
        CompletableFuture<HttpResponse<InputStream>> future =
                client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        inFlight.setFuture(future);
        try {
            HttpResponse<InputStream> response = future.get();
            inFlight.setStream(response.body());
            return cancellation.isCancelled() ? Optional.empty() : Optional.of(response);
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            if (cancellation.isCancelled()) {
                return Optional.empty();
            }
            throw sendFailure(e.getCause());
        }
    }

    private static AttemptFailure sendFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException
                || cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException) {
            // No connection was made: the provider (or the network to it) is down.
            return AttemptFailure.of(
                    Reason.UNREACHABLE, "LLM unreachable (" + cause.getClass().getSimpleName() + ")", true);
        }
        if (cause instanceof HttpTimeoutException) {
            return AttemptFailure.of(Reason.TIMEOUT, "LLM did not answer in time", true);
        }
        if (cause instanceof IOException) {
            // Connected, then the exchange broke (reset, early close, garbled response).
            return AttemptFailure.of(
                    Reason.UPSTREAM_ERROR,
                    "LLM connection broke (" + cause.getClass().getSimpleName() + ")",
                    true);
        }
        String type = cause == null ? "unknown" : cause.getClass().getSimpleName();
        return AttemptFailure.of(Reason.UPSTREAM_ERROR, "LLM call failed (" + type + ")", false);
    }

    private LlmResult read(
            HttpResponse<InputStream> response,
            InFlight inFlight,
            Consumer<String> onDelta,
            Cancellation cancellation,
            Turn turn) {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status < 200 || status > 299) {
            // The body is an ordinary JSON error that may quote the prompt or limits: it is never read.
            throw AttemptFailure.forStatus(
                    status, RetryLoop.parseRetryAfter(headers, clock), RetryLoop.parseShouldRetry(headers));
        }
        IdleTimeoutInputStream in = IdleTimeoutInputStream.watch(response.body(), config.timeout());
        inFlight.setStream(in);
        Receiver receiver = new Receiver(onDelta, cancellation, turn);
        boolean json = headers.firstValue("content-type")
                .map(type -> type.strip().toLowerCase(Locale.ROOT).startsWith("application/json"))
                .orElse(false);
        return json ? receiver.readWhole(in) : receiver.readStream(in);
    }

    private static LlmResult cancelled() {
        return new LlmResult(FinishReason.CANCELLED, Optional.empty());
    }

    static FinishReason finishReason(String reason) {
        if (reason == null) {
            return FinishReason.UNKNOWN;
        }
        switch (reason) {
            case "stop":
                return FinishReason.STOP;
            case "length":
                return FinishReason.LENGTH;
            case "content_filter":
                return FinishReason.CONTENT_FILTER;
            default:
                return FinishReason.UNKNOWN;
        }
    }

    /** Reads one successful response and hands its text on; one per attempt. */
    private static final class Receiver {

        private final Consumer<String> onDelta;
        private final Cancellation cancellation;
        private final Turn turn;
        private boolean done;
        private boolean stopped;
        private FinishReason finish;
        private Optional<TokenUsage> usage = Optional.empty();

        Receiver(Consumer<String> onDelta, Cancellation cancellation, Turn turn) {
            this.onDelta = onDelta;
            this.cancellation = cancellation;
            this.turn = turn;
        }

        LlmResult readStream(IdleTimeoutInputStream in) {
            SseParser parser = new SseParser(this::onEvent);
            byte[] buffer = new byte[READ_BUFFER_BYTES];
            try {
                while (!done && !stopped) {
                    int count = in.read(buffer, 0, buffer.length);
                    if (count < 0) {
                        break;
                    }
                    parser.feed(buffer, 0, count);
                }
            } catch (IOException e) {
                if (cancellation.isCancelled()) {
                    return cancelled();
                }
                if (in.timedOut()) {
                    throw failure(Reason.TIMEOUT, "LLM stream stalled");
                }
                throw failure(
                        Reason.UPSTREAM_ERROR,
                        "LLM stream broken (" + e.getClass().getSimpleName() + ")");
            }
            if (stopped || cancellation.isCancelled()) {
                return cancelled();
            }
            if (done || finish != null) {
                return new LlmResult(finish == null ? FinishReason.UNKNOWN : finish, usage);
            }
            if (in.timedOut()) {
                throw failure(Reason.TIMEOUT, "LLM stream stalled");
            }
            throw failure(Reason.UPSTREAM_ERROR, "LLM stream ended early");
        }

        LlmResult readWhole(IdleTimeoutInputStream in) {
            byte[] bytes;
            try {
                bytes = in.readNBytes(MAX_JSON_REPLY_BYTES + 1);
            } catch (IOException e) {
                if (cancellation.isCancelled()) {
                    return cancelled();
                }
                if (in.timedOut()) {
                    throw failure(Reason.TIMEOUT, "LLM reply stalled");
                }
                throw failure(
                        Reason.UPSTREAM_ERROR,
                        "LLM reply broken (" + e.getClass().getSimpleName() + ")");
            }
            if (cancellation.isCancelled()) {
                return cancelled();
            }
            if (in.timedOut()) {
                throw failure(Reason.TIMEOUT, "LLM reply stalled");
            }
            if (bytes.length > MAX_JSON_REPLY_BYTES) {
                throw AttemptFailure.of(Reason.UPSTREAM_ERROR, "LLM reply too large", false);
            }
            ChatCompletionJson completion;
            try {
                completion = COMPLETION_READER.readValue(bytes);
            } catch (IOException e) {
                throw AttemptFailure.of(Reason.UPSTREAM_ERROR, "LLM sent malformed data", false);
            }
            if (completion == null || completion.hasError()) {
                throw failure(Reason.UPSTREAM_ERROR, "LLM reply reported an error");
            }
            ChatCompletionJson.ChoiceJson choice = completion
                    .firstChoice()
                    .orElseThrow(() -> failure(Reason.UPSTREAM_ERROR, "LLM reply had no choices"));
            deliver(choice.text());
            if (stopped) {
                return cancelled();
            }
            Optional<TokenUsage> reported =
                    Optional.ofNullable(completion.usage()).map(UsageJson::toDomain);
            return new LlmResult(finishReason(choice.finishReason()), reported);
        }

        private void onEvent(String data) {
            if (done || stopped || data.isBlank()) {
                return;
            }
            if (data.strip().equals(DONE)) {
                done = true;
                return;
            }
            ChatChunkJson chunk;
            try {
                chunk = CHUNK_READER.readValue(data);
            } catch (JsonProcessingException e) {
                throw AttemptFailure.of(Reason.UPSTREAM_ERROR, "LLM sent malformed data", false);
            }
            if (chunk == null) {
                return;
            }
            if (chunk.hasError()) {
                throw failure(Reason.UPSTREAM_ERROR, "LLM stream reported an error");
            }
            chunk.tokenUsage().ifPresent(reported -> usage = Optional.of(reported));
            Optional<ChatChunkJson.ChoiceJson> choice = chunk.firstChoice();
            if (choice.isPresent()) {
                deliver(choice.get().text());
                if (choice.get().finishReason() != null) {
                    finish = finishReason(choice.get().finishReason());
                }
            }
        }

        private void deliver(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (cancellation.isCancelled()) {
                stopped = true;
                return;
            }
            turn.recordDelta(text);
            onDelta.accept(text);
        }

        /** Retryable only while nothing reached the person. */
        private AttemptFailure failure(Reason reason, String safeMessage) {
            return AttemptFailure.of(reason, safeMessage, turn.deltas == 0);
        }
    }

    /** What one call has done so far, across attempts; touched by the calling thread only. */
    private static final class Turn {

        private final long startNanos;
        private long firstDeltaNanos;
        private int attempts;
        private int deltas;
        private long chars;

        Turn(long startNanos) {
            this.startNanos = startNanos;
        }

        void recordDelta(String text) {
            if (deltas == 0) {
                firstDeltaNanos = System.nanoTime();
            }
            deltas++;
            chars += text.length();
        }

        Object firstDeltaMs() {
            return deltas == 0
                    ? "-"
                    : Duration.ofNanos(firstDeltaNanos - startNanos).toMillis();
        }

        long elapsedMs() {
            return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        }
    }

    /**
     * The exchange of one attempt, so that cancellation (on another thread) can abort it: it cancels the pending
     * response and closes the body stream, which wakes the reading thread.
     */
    private static final class InFlight {

        private CompletableFuture<?> future;
        private InputStream stream;
        private boolean aborted;
        private boolean finished;

        synchronized void setFuture(CompletableFuture<?> pending) {
            future = pending;
            if (aborted) {
                pending.cancel(true);
            }
        }

        void setStream(InputStream body) {
            boolean closeNow;
            synchronized (this) {
                stream = body;
                closeNow = aborted || finished;
            }
            if (closeNow) {
                closeQuietly(body);
            }
        }

        void abort() {
            CompletableFuture<?> pending;
            InputStream body;
            synchronized (this) {
                if (finished || aborted) {
                    return;
                }
                aborted = true;
                pending = future;
                body = stream;
            }
            if (pending != null) {
                pending.cancel(true);
            }
            if (body != null) {
                closeQuietly(body);
            }
        }

        void finish() {
            InputStream body;
            synchronized (this) {
                finished = true;
                body = stream;
            }
            if (body != null) {
                closeQuietly(body);
            }
        }

        private static void closeQuietly(InputStream body) {
            try {
                body.close();
            } catch (IOException | RuntimeException e) {
                // Closing only releases the connection; nothing to report.
            }
        }
    }
}
