package io.slicer.tools.fix;

import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway is QuickFIX/J, like the OMS and venue of the end-to-end tests, so it is also checked against byte
 * fixtures written by hand from the FIX 4.4 specification (Volume 2: the standard header 8, 9, 35 first, BodyLength
 * counting the bytes after its SOH up to "10=", CheckSum the byte sum modulo 256 in three digits; Volume 4: the
 * NewOrderSingle and OrderCancelRequest fields). The fixtures' BodyLength is literal; their timestamps are
 * placeholders of exactly the timestamp's width (the gateway refuses stale SendingTimes), so only the CheckSum is
 * computed here. What comes back is parsed by hand against the same rules, not by QuickFIX/J.
 */
class FixSpecFixturesTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");
    /** Logon, seq 1: EncryptMethod 0, HeartBtInt 30. */
    private static final String LOGON =
            "8=FIX.4.4|9=64|35=A|34=1|49=OMS|52={NOW________________}|56=SLICER|98=0|108=30|";
    /** NewOrderSingle, seq 2: buy 1000 AAPL market, TWAP (847=1001) in 4 slices, ExpireTime a minute ahead. */
    private static final String NEW_ORDER = "8=FIX.4.4|9=159|35=D|34=2|49=OMS|52={NOW________________}|56=SLICER|"
            + "11=FX-1|54=1|55=AAPL|38=1000|40=1|60={NOW________________}|126={LATER______________}|847=1001|"
            + "848=slices=4|";
    /** OrderCancelRequest, seq 3, for FX-1 (which the gateway has halted by then: it must refuse it). */
    private static final String CANCEL = "8=FIX.4.4|9=116|35=F|34=3|49=OMS|52={NOW________________}|56=SLICER|"
            + "41=FX-1|11=FX-1-C|54=1|55=AAPL|38=1000|60={NOW________________}|";

    @TempDir
    Path tmp;

    private static String fill(final String fixture) {
        final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        final String filled = fixture.replace("{NOW________________}", now.format(TIME))
                .replace("{LATER______________}", now.plusMinutes(1).format(TIME)).replace('|', FixWire.SOH);
        final int bodyStart = filled.indexOf(FixWire.SOH, filled.indexOf("9=")) + 1;
        final int declared = Integer.parseInt(filled.substring(filled.indexOf("9=") + 2, bodyStart - 1));
        assertEquals(filled.length() - bodyStart, declared, "fixture's literal BodyLength: " + fixture);
        return filled + "10=" + FixWire.checksum(filled) + FixWire.SOH;
    }

    /** Checks a received frame by the specification's rules and returns its fields in order. */
    private static List<String[]> parse(final String message) {
        final String wire = message.replace('|', FixWire.SOH);
        final List<String[]> fields = new ArrayList<>();
        for (final String f : wire.split(String.valueOf(FixWire.SOH))) {
            final int eq = f.indexOf('=');
            assertTrue(eq > 0 && f.substring(0, eq).chars().allMatch(Character::isDigit), "tag=value: " + f);
            fields.add(new String[]{f.substring(0, eq), f.substring(eq + 1)});
        }
        assertEquals("8", fields.get(0)[0]);
        assertEquals("FIX.4.4", fields.get(0)[1]);
        assertEquals("9", fields.get(1)[0]);
        assertEquals("35", fields.get(2)[0]);
        final String[] last = fields.get(fields.size() - 1);
        assertEquals("10", last[0]);
        final int bodyStart = wire.indexOf(FixWire.SOH, wire.indexOf("9=")) + 1;
        final int checksumAt = wire.lastIndexOf(FixWire.SOH + "10=") + 1;
        assertEquals(Integer.parseInt(fields.get(1)[1]),
                wire.substring(bodyStart, checksumAt).getBytes(StandardCharsets.US_ASCII).length, "BodyLength");
        assertEquals(FixWire.checksum(wire.substring(0, checksumAt)), last[1], "CheckSum");
        return fields;
    }

    private static String value(final List<String[]> fields, final String tag) {
        for (final String[] f : fields) {
            if (f[0].equals(tag)) {
                return f[1];
            }
        }
        return null;
    }

    @Test
    void specificationFixturesAreAcceptedAndAnsweredWithWellFormedReports() throws Exception {
        final int port = FixPorts.free();
        try (FixGateway gateway = FixGateway.start(GatewayConfig.of("AAPL").omsPort(port)
                .venue("127.0.0.1", FixPorts.free()), tmp.resolve("journal"), System.err);
             FixWire wire = new FixWire(port)) {
            wire.sendRaw(fill(LOGON));
            final List<String[]> logon = parse(wire.await("35=A", 10_000));
            assertEquals("SLICER", value(logon, "49"));
            assertEquals("OMS", value(logon, "56"));
            assertEquals("1", value(logon, "34"));

            wire.sendRaw(fill(NEW_ORDER));
            final String newReport = wire.await("35=8", 10_000);
            assertNotNull(newReport, "ExecutionReport for FX-1");
            final List<String[]> er = parse(newReport);
            for (final String required : new String[]{"37", "17", "150", "39", "54", "151", "14", "6", "55", "11"}) {
                assertNotNull(value(er, required), "ExecutionReport tag " + required + " in " + newReport);
            }
            assertEquals("0", value(er, "150"), newReport);
            assertEquals("0", value(er, "39"));
            assertEquals("FX-1", value(er, "11"));
            assertEquals("1000", value(er, "151"));

            // No venue, so no market data: the kill switch halts the order (no reference price) and says so.
            final List<String[]> halted = parse(wire.await("150=3", 10_000));
            assertEquals("3", value(halted, "39"));
            assertTrue(value(halted, "58").contains("NO_REFERENCE_PRICE"), value(halted, "58"));

            wire.sendRaw(fill(CANCEL));
            final String refused = wire.await("35=9", 10_000);
            assertNotNull(refused, "OrderCancelReject for a halted order");
            final List<String[]> c = parse(refused);
            assertEquals("FX-1-C", value(c, "11"));
            assertEquals("FX-1", value(c, "41"));
            assertEquals("1", value(c, "434"), "CxlRejResponseTo: cancel request");
            assertEquals("0", value(c, "102"), "CxlRejReason: too late to cancel");
            assertTrue(gateway.journaledInputs() >= 2, "the order and its first timer are in the journal");
        }
    }
}
