package io.psicoia.gateway.ws;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web client's files, read from the classpath under one prefix ({@code web/} in the jar) and kept in memory once
 * read (only files that exist are kept, so unknown paths cannot grow the cache). A path maps to a file only when it
 * is made of plain segments ({@code [A-Za-z0-9_-]}, dots inside names, no segment starting with a dot) and its
 * extension has a known content type: {@code ..}, encoded slashes, hidden files and class files never resolve.
 */
final class StaticFiles {

    /** One file, ready to send. */
    record StaticFile(byte[] content, String contentType, String etag) {
        boolean isHtml() {
            return contentType.startsWith("text/html");
        }
    }

    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"));

    private final String prefix;
    private final ClassLoader loader;
    private final ConcurrentHashMap<String, StaticFile> cache = new ConcurrentHashMap<>();

    StaticFiles(String prefix, ClassLoader loader) {
        this.prefix = prefix;
        this.loader = loader;
    }

    /** The file for a decoded URL path ({@code /} means {@code /index.html}). */
    Optional<StaticFile> find(String path) {
        String normalized = path.equals("/") ? "/index.html" : path;
        if (!SAFE_PATH.matcher(normalized).matches()) {
            return Optional.empty();
        }
        String type = contentType(normalized);
        if (type == null) {
            return Optional.empty();
        }
        StaticFile cached = cache.get(normalized);
        if (cached != null) {
            return Optional.of(cached);
        }
        // First request for this file: one read from the jar (in memory for its whole life afterwards).
        try (InputStream in = loader.getResourceAsStream(prefix + normalized.substring(1))) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] content = in.readAllBytes();
            StaticFile file = new StaticFile(content, type, etag(content));
            StaticFile previous = cache.putIfAbsent(normalized, file);
            return Optional.of(previous == null ? file : previous);
        } catch (IOException e) {
            // A directory entry or an unreadable resource: not a file to serve.
            return Optional.empty();
        }
    }

    private static String contentType(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return null;
        }
        return TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
