package io.slicer.tools.fix;

import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed FIX at the gateway's OMS port gets the session-level behaviour FIX 4.4 requires: a garbled message (bad
 * CheckSum, bad BodyLength) is ignored without consuming its sequence number, the session lives on; a message with a
 * wrong CompID is rejected (35=3, SessionRejectReason 9) and the session logged out; a MsgSeqNum lower than expected
 * without PossDupFlag ends the session with a Logout that says so. The gateway never crashes and prints no stack trace.
 */
class FixMalformedMessageTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private FixGateway gateway;
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = FixPorts.free();
        gateway = FixGateway.start(GatewayConfig.of("AAPL").omsPort(port).venue("127.0.0.1", FixPorts.free()),
                tmp.resolve("journal"), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        gateway.close();
        final String err = errBytes.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), "stack trace printed: " + err);
    }

    private static String header(final String type, final int seq) {
        return "35=" + type + "|34=" + seq + "|49=OMS|52=" + FixWire.now() + "|56=SLICER|";
    }

    private static FixWire logOn(final int port) throws Exception {
        final FixWire wire = new FixWire(port);
        wire.send(header("A", 1) + "98=0|108=30|");
        assertNotNull(wire.await("35=A", 10_000), "Logon answered");
        return wire;
    }

    @Test
    void garbledMessagesAreIgnoredAndTheSessionCarriesOn() throws Exception {
        // A bad CheckSum, a BodyLength that does not match, a tag that is not a number: each makes the message garbled,
        // which the FIX 4.4 session protocol says to ignore without incrementing the expected MsgSeqNum.
        try (FixWire wire = logOn(port)) {
            final String good = FixWire.frame(header("1", 2) + "112=T1|");
            wire.sendRaw(good.substring(0, good.length() - 4) + "999|");
            final String badLength = FixWire.frame(header("1", 2) + "112=T2|").replaceFirst("9=\\d+", "9=7");
            wire.sendRaw(badLength);
            wire.send(header("1", 2) + "11x=9|112=T0|");
            wire.sendRaw(FixWire.frame(header("1", 2) + "112=T3|"));
            final String heartbeat = wire.await("35=0", 10_000);
            assertNotNull(heartbeat, "the session answers the next good TestRequest");
            assertTrue(heartbeat.contains("112=T3|"), "only T3 was processed: " + heartbeat);
        }
    }

    @Test
    void wrongCompIdIsRejectedAndLoggedOut() throws Exception {
        try (FixWire wire = logOn(port)) {
            wire.send("35=1|34=2|49=INTRUDER|52=" + FixWire.now() + "|56=SLICER|112=T1|");
            final String reject = wire.await("35=3", 10_000);
            assertNotNull(reject, "session-level Reject");
            assertTrue(reject.contains("|373=9|"), "SessionRejectReason 9 (CompID problem): " + reject);
            assertNotNull(wire.await("35=5", 10_000), "Logout follows");
        }
    }

    @Test
    void msgSeqNumTooLowEndsTheSessionWithALogoutThatSaysSo() throws Exception {
        try (FixWire wire = logOn(port)) {
            wire.send(header("1", 2) + "112=T1|");
            assertNotNull(wire.await("35=0", 10_000));
            wire.send(header("1", 2) + "112=T2|");
            final String logout = wire.await("35=5", 10_000);
            assertNotNull(logout, "Logout");
            assertTrue(logout.contains("MsgSeqNum too low"), logout);
        }
        try (FixWire again = new FixWire(port)) {
            again.send(header("A", 3) + "98=0|108=30|");
            final String logon = again.await("35=A", 10_000);
            assertNotNull(logon, "the gateway is still there and takes the next logon");
            assertEquals(-1, logon.indexOf("35=5"));
        }
    }
}
