package io.slicer.tools.sim.historical;

import io.slicer.tools.marketdata.lobster.LobsterTestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoricalScenariosTest {

    @Test
    void specSetsSliceLengthAndCount() {
        final HistoricalParams p = HistoricalScenarios.parseParams("lobster:AMZN:60:30", HistoricalParams.defaults());
        assertEquals(60, p.sliceSeconds());
        assertEquals(30, p.slices());
        assertEquals("AMZN", HistoricalScenarios.parseSymbol("lobster:AMZN:60:30"));
        final HistoricalParams onlyLength = HistoricalScenarios.parseParams("lobster:GOOG:900",
                HistoricalParams.defaults());
        assertEquals(900, onlyLength.sliceSeconds());
        assertEquals(HistoricalParams.DEFAULT_SLICES, onlyLength.slices());
    }

    @Test
    void malformedSpecsSayWhatWasExpected() {
        assertEquals("scenario 'lobster:AMZN:sixty': slice seconds must be a positive integer, found 'sixty'",
                assertThrows(IllegalArgumentException.class, () -> HistoricalScenarios.parseParams(
                        "lobster:AMZN:sixty", HistoricalParams.defaults())).getMessage());
        assertEquals("scenario 'lobster:AMZN:60:0': slices must be a positive integer, found '0'",
                assertThrows(IllegalArgumentException.class, () -> HistoricalScenarios.parseParams(
                        "lobster:AMZN:60:0", HistoricalParams.defaults())).getMessage());
        assertEquals("scenario 'lobster:': expected lobster:SYMBOL[:sliceSeconds[:slices[:QUEUE]]][@HH:MM-HH:MM], "
                        + "e.g. lobster:AMZN:300:12",
                assertThrows(IllegalArgumentException.class, () -> HistoricalScenarios.parseSymbol("lobster:"))
                        .getMessage());
        assertEquals("scenario 'lobster:AMZN:60:10:fifo': unknown queue model 'fifo', expected pro-rata, "
                        + "risk-averse, power:N or log",
                assertThrows(IllegalArgumentException.class, () -> HistoricalScenarios.parseQueueModel(
                        "lobster:AMZN:60:10:fifo")).getMessage());
        assertEquals("scenario 'lobster:AMZN:60:10:power:x': queue model 'power:x': expected power:N with N a "
                        + "positive number, found 'x'",
                assertThrows(IllegalArgumentException.class, () -> HistoricalScenarios.parseQueueModel(
                        "lobster:AMZN:60:10:power:x")).getMessage());
        assertEquals(2.0, HistoricalScenarios.parseQueueModel("lobster:AMZN:60:10:power:2").cancels()
                .fromAhead(200, 300, 100) / 100.0, 0.2);
    }

    @Test
    void specBuildsTheNamedDay() {
        final HistoricalScenario scenario = HistoricalScenarios.parse("lobster:GOOG:60:30", LobsterTestData.root());
        assertEquals("lobster:GOOG:60:30", scenario.name());
        assertEquals(30, scenario.slices());
        assertEquals(60.0, scenario.sliceLength());
        assertEquals(390 - 30 + 1, scenario.episodeCount());
    }

    @Test
    void unknownSymbolListsWhatIsAvailable() {
        // root() skips the test without the shared data; resolved outside assertThrows, which would take the skip
        // for the wrong exception.
        final java.nio.file.Path root = LobsterTestData.root();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistoricalScenarios.parse("lobster:MSFT", root));
        assertEquals(root + ": expected exactly one LOBSTER day for MSFT, found 0 (available: "
                + "AMZN 2012-06-21, GOOG 2012-06-21)", e.getMessage());
    }

    @Test
    void orderLongerThanTheDayIsRefused() {
        final java.nio.file.Path root = LobsterTestData.root();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistoricalScenarios.parse("lobster:AMZN:900:27", root));
        assertEquals("AMZN 2012-06-21: 26 bars of 900 s cannot hold an order of 27 slices", e.getMessage());
    }
}
