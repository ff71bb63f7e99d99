package io.psicoia.adapter.tcp.protocol;

import java.util.Objects;
import java.util.Optional;

/** What {@link JsonProtocol#parse(String)} made of a line: a client frame, or why it was rejected. */
public sealed interface ParseResult permits ParseResult.Ok, ParseResult.Rejected {

    /** A well-formed client frame. */
    record Ok(ClientFrame frame) implements ParseResult {
        public Ok {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /**
     * A line the server answers with an {@code error} frame of {@link #code()}; {@code id} is the line's message id
     * when it had a valid one, so the error can name it. The connection stays open.
     */
    record Rejected(Problem problem, Optional<String> id) implements ParseResult {
        public Rejected {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(id, "id");
        }

        /** The error code to send. */
        public ErrorCode code() {
            return problem.code();
        }

        @Override
        public String toString() {
            return "Rejected[problem=" + problem + ", id=" + id.isPresent() + "]";
        }
    }

    /** Why a line was rejected; safe to log (it names a rule, never the input). */
    enum Problem {
        /** Not JSON, trailing content, a duplicate field, or over the nesting/size guards. */
        MALFORMED_JSON,
        /** JSON, but not an object. */
        NOT_AN_OBJECT,
        /** No {@code type}, or not a string. */
        MISSING_TYPE,
        /** A {@code type} this server does not know. */
        UNKNOWN_TYPE,
        /** {@code message} or {@code cancel} without a string {@code id}, or an empty one. */
        MISSING_ID,
        /** An {@code id} over {@value JsonProtocol#MAX_ID_CHARS} characters or with control characters. */
        INVALID_ID,
        /** {@code message} without a string {@code text}. */
        MISSING_TEXT,
        /** {@code message} whose text is blank once cleaned. */
        BLANK_TEXT,
        /** {@code message} whose cleaned text is over the character limit: {@code too_long}, not {@code bad_request}. */
        TEXT_TOO_LONG;

        /** The error code for this problem. */
        public ErrorCode code() {
            return this == TEXT_TOO_LONG ? ErrorCode.TOO_LONG : ErrorCode.BAD_REQUEST;
        }
    }
}
