package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.tools.marketdata.cme.CmeTestData;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code slicer run --lobster}: a recorded day reports its quality as a simulated one does (IS, its split, VWAP
 * slippage, fills and participation as traded), worked out by hand on a small hand-made day and checked against the
 * OMS's own record of the children on the real GOOG day.
 */
class RecordedDayQualityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MESSAGE = "TEST_2012-06-21_34200000_57600000_message_1.csv";
    private static final String ORDERBOOK = "TEST_2012-06-21_34200000_57600000_orderbook_1.csv";

    @TempDir
    Path tmp;

    /** One child as the OMS log holds it: N childId parentId side quantity limitPrice second. */
    private record Child(long quantity, double price, long second) {
    }

    private static List<Child> children(final Path journal) throws Exception {
        final List<Child> out = new ArrayList<>();
        for (final String line : Files.readAllLines(journal.resolve("oms.log"))) {
            final String[] f = line.split(" ");
            if (f[0].equals("N")) {
                out.add(new Child(Long.parseLong(f[4]), Double.parseDouble(f[5]), Long.parseLong(f[6])));
            }
        }
        return out;
    }

    private static JsonNode run(final String... args) throws Exception {
        final CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return MAPPER.readTree(run.out());
    }

    /**
     * A hand-made day: mid 100.00 at the open, 100.10 from 09:33:20; 1,000 shares print at 100.00 in the first five
     * minutes of the order and 500 at 100.10 plus 500 at 100.12 in the second. The bid size moves every 20 s so the
     * book stays fresh (the engine halts an order on market data older than 30 s); sizes do not move the mid.
     */
    private Path handMadeDay() throws Exception {
        final Path data = Files.createDirectories(tmp.resolve("data"));
        final List<String> messages = new ArrayList<>();
        final List<String> books = new ArrayList<>();
        // time,type,id,size,price(x1e4),direction   /   askPrice,askSize,bidPrice,bidSize
        for (int second = 34200; second <= 34900; second += 20) {
            final boolean later = second >= 34400;
            final String book = later ? "1001100,300,1000900," : "1000100,300,999900,";
            messages.add(second + ".5,1," + second + ",1," + (later ? "1000900" : "999900") + ",1");
            books.add(book + (300 + second % 40 / 20));
            if (second == 34300) {
                messages.add("34300.6,4,2,1000,1000000,1");
                books.add(book + (300 + second % 40 / 20));
            } else if (second == 34600 || second == 34700) {
                messages.add(second + ".6,4,3,500," + (second == 34600 ? "1001000" : "1001200") + ",1");
                books.add(book + (300 + second % 40 / 20));
            }
        }
        Files.write(data.resolve(MESSAGE), messages);
        Files.write(data.resolve(ORDERBOOK), books);
        return data;
    }

    @Test
    void aHandMadeDaysIsSplitAndVwapSlippageAreWhatTheFillsAndTheTapeGiveByHand() throws Exception {
        final Path journal = tmp.resolve("journal");
        final JsonNode doc = run("run", "--lobster", "TEST", "--data", handMadeDay().toString(), "--strategy", "twap",
                "--quantity", "200", "--slices", "2", "--journal", journal.toString(), "--json");
        assertEquals("FILLED", doc.get("status").asText(), doc.toString());
        final List<Child> children = children(journal);
        assertEquals(2, children.size(), children.toString());
        final Child first = children.get(0);
        final Child second = children.get(1);
        assertEquals(100, first.quantity());
        assertEquals(100, second.quantity());
        assertTrue(first.second() < 34501 && second.second() >= 34501, "one child a slice: " + children);

        final double p0 = 100.00;
        final double is = first.quantity() * (first.price() - p0) + second.quantity() * (second.price() - p0);
        assertEquals(p0, doc.get("arrivalPrice").asDouble(), 1e-9);
        assertEquals(is, doc.get("isDollars").asDouble(), 1e-9);
        assertEquals(is / (200 * p0) * 1e4, doc.get("isBps").asDouble(), 1e-9);
        // The second slice starts at 34501 with the mid at 100.10: the market's 0.10 is timing, the rest impact.
        final double timing = second.quantity() * 0.10;
        final double temporary = first.quantity() * (first.price() - 100.00)
                + second.quantity() * (second.price() - 100.10);
        assertEquals(timing / (200 * p0) * 1e4, doc.get("timingBps").asDouble(), 1e-9);
        assertEquals(temporary / (200 * p0) * 1e4, doc.get("temporaryImpactBps").asDouble(), 1e-9);
        assertEquals(0.0, doc.get("permanentImpactBps").asDouble(), 0.0, "a replayed tape never moves");
        assertEquals(0.0, doc.get("opportunityBps").asDouble(), 0.0);

        final double marketVwap = (1000 * 100.00 + 500 * 100.10 + 500 * 100.12) / 2000;
        final double ours = (first.quantity() * first.price() + second.quantity() * second.price()) / 200;
        assertEquals((ours - marketVwap) / marketVwap * 1e4, doc.get("vwapSlippageBps").asDouble(), 1e-9);
        assertEquals(2, doc.get("fills").asLong());
        assertEquals(200, doc.get("filledShares").asLong());
        assertEquals(200.0 / 2000, doc.get("participation").asDouble(), 1e-12);
        assertEquals(100.0 / 1000, doc.get("participationMax").asDouble(), 1e-12);
    }

    @Test
    void theTextReportCarriesTheSameQuality() throws Exception {
        final CliRun run = CliRun.of("run", "--lobster", "TEST", "--data", handMadeDay().toString(), "--strategy",
                "twap", "--quantity", "200", "--slices", "2", "--journal", tmp.resolve("j").toString());
        assertEquals(0, run.exitCode(), run.err());
        for (final String key : List.of("isBps", "temporaryImpactBps", "permanentImpactBps", "timingBps",
                "opportunityBps", "vwapSlippageBps", "fills", "filledShares", "participation")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(key + " ")), key + " in\n" + run.out());
        }
    }

    @Test
    void theRealGoogDaysIsIsTheOmsRecordOfItsChildrenAgainstTheArrivalMid() throws Exception {
        final Path root = LobsterTestData.goog().messageFile().getParent().getParent();
        final Path journal = tmp.resolve("goog");
        final JsonNode doc = run("run", "--lobster", "GOOG", "--data", root.toString(), "--strategy", "twap",
                "--journal", journal.toString(), "--json");
        final double p0 = doc.get("arrivalPrice").asDouble();
        double cost = 0;
        long shares = 0;
        final List<Child> children = children(journal);
        for (final Child c : children) {
            cost += c.quantity() * (c.price() - p0);
            shares += c.quantity();
        }
        final long quantity = doc.get("quantity").asLong();
        assertEquals(doc.get("filled").asLong(), shares, "every child filled at its limit");
        assertEquals(doc.get("filled").asLong(), doc.get("filledShares").asLong());
        // Every twap child crosses: marketable on the book it was decided on, it fills once, whole, at its limit
        // (none is left resting in the day's queue, where it would fill in parts).
        assertEquals(12, children.size(), children.toString());
        assertEquals(children.size(), doc.get("childrenSent").asLong());
        assertEquals(doc.get("childrenSent").asLong(), doc.get("fills").asLong(), "each child filled once");
        assertEquals(cost / (quantity * p0) * 1e4, doc.get("isBps").asDouble(), 1e-9);
        assertEquals(doc.get("isBps").asDouble(), doc.get("temporaryImpactBps").asDouble()
                + doc.get("permanentImpactBps").asDouble() + doc.get("timingBps").asDouble()
                + doc.get("opportunityBps").asDouble(), 1e-9, "the split adds up to IS");
        final double participation = doc.get("participation").asDouble();
        assertTrue(participation > 0 && participation < 1, "GOOG's tape dwarfs 6,200 shares: " + participation);
        assertTrue(Double.isFinite(doc.get("vwapSlippageBps").asDouble()));
    }

    @Test
    void aCmeDayReportsItsFillsAndParticipationBesideItsIsAndSplit() throws Exception {
        CmeTestData.root();
        final JsonNode doc = run("run", "--scenario", "cme:6EH4:test", "--strategy", "twap", "--journal",
                tmp.resolve("cme").toString(), "--json");
        assertEquals("FILLED", doc.get("status").asText());
        assertEquals(doc.get("childrenSent").asLong(), doc.get("fills").asLong(), "each child filled once");
        assertEquals(doc.get("isBps").asDouble(), doc.get("temporaryImpactBps").asDouble()
                + doc.get("permanentImpactBps").asDouble() + doc.get("timingBps").asDouble()
                + doc.get("opportunityBps").asDouble(), 1e-9, "the split adds up to IS");
        final double participation = doc.get("participation").asDouble();
        assertTrue(participation > 0 && participation <= doc.get("participationMax").asDouble(), doc.toString());
        assertTrue(Double.isFinite(doc.get("vwapSlippageBps").asDouble()));
    }
}
