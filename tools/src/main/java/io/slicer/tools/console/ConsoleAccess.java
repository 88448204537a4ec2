package io.slicer.tools.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may do what at the console: a bearer token from the environment per role. {@code SLICER_TRADER_TOKEN} may halt,
 * pause and resume; {@code SLICER_VIEWER_TOKEN} may only look. No token configured at all: the console refuses to
 * start. Tokens are compared in constant time.
 */
public final class ConsoleAccess {
    public static final String TRADER_TOKEN = "SLICER_TRADER_TOKEN";
    public static final String VIEWER_TOKEN = "SLICER_VIEWER_TOKEN";

    /** What a request may do. */
    public enum Role {
        /** No or an unknown token: 401. */
        NONE,
        /** May read the blotter, the API and the metrics: acting gets 403. */
        VIEWER,
        /** May also halt, pause and resume. */
        TRADER
    }

    private final byte[] trader;
    private final byte[] viewer;

    private ConsoleAccess(final String trader, final String viewer) {
        this.trader = bytes(trader);
        this.viewer = bytes(viewer);
    }

    /** The tokens of {@code environment} (usually {@link System#getenv()}); refuses when neither is set. */
    public static ConsoleAccess fromEnvironment(final Map<String, String> environment) {
        return of(environment.get(TRADER_TOKEN), environment.get(VIEWER_TOKEN));
    }

    /** Explicit tokens (null or blank: that role has none); refuses when neither is set or both are the same. */
    public static ConsoleAccess of(final String traderToken, final String viewerToken) {
        final boolean hasTrader = traderToken != null && !traderToken.isBlank();
        final boolean hasViewer = viewerToken != null && !viewerToken.isBlank();
        if (!hasTrader && !hasViewer) {
            throw new IllegalStateException("the console needs at least one access token: set " + TRADER_TOKEN
                    + " (may halt, pause, resume) and/or " + VIEWER_TOKEN + " (may only look) in the environment");
        }
        if (hasTrader && hasViewer && traderToken.equals(viewerToken)) {
            throw new IllegalStateException(TRADER_TOKEN + " and " + VIEWER_TOKEN + " are the same: a viewer could act");
        }
        return new ConsoleAccess(hasTrader ? traderToken : null, hasViewer ? viewerToken : null);
    }

    /** The role of an {@code Authorization} header's bearer token (NONE when missing or unknown). */
    public Role roleOf(final String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Role.NONE;
        }
        final byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (trader != null && MessageDigest.isEqual(trader, presented)) {
            return Role.TRADER;
        }
        if (viewer != null && MessageDigest.isEqual(viewer, presented)) {
            return Role.VIEWER;
        }
        return Role.NONE;
    }

    private static byte[] bytes(final String token) {
        return token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }
}
