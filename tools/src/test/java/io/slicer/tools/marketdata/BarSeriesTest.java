package io.slicer.tools.marketdata;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BarSeriesTest {

    private static BarSeries.Builder twoBars() {
        final BarSeries.Builder b = BarSeries.builder("X", "X test", 60, 2);
        for (int k = 0; k < 2; k++) {
            b.startNanos[k] = k * 60_000_000_000L;
            b.endNanos[k] = (k + 1) * 60_000_000_000L;
            b.midAtStart[k] = 100 + k;
            b.midAtEnd[k] = 101 + k;
            b.spreadAtStart[k] = 0.01;
            b.volume[k] = 10;
            b.notional[k] = 1005;
            b.signedVolume[k] = -4;
            b.trades[k] = 2;
        }
        return b;
    }

    @Test
    void aBuiltSeriesDoesNotChangeWhenTheBuildersArraysDo() {
        final BarSeries.Builder b = twoBars();
        final BarSeries bars = b.build();
        b.volume[0] = 999;
        b.midAtStart[1] = 1;
        assertEquals(10, bars.volume(0));
        assertEquals(101, bars.midAtStart(1), 0.0);
        assertEquals(20, bars.totalVolume());
        assertEquals(100.5, bars.vwap(0), 1e-12);
    }

    @Test
    void overlappingBarsAreRefused() {
        final BarSeries.Builder b = twoBars();
        b.startNanos[1] = 30_000_000_000L;
        assertEquals("X test: bar 1 [30000000000, 120000000000) ns is empty or overlaps the bar before it",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void aPriceThatIsNotFiniteAndPositiveIsRefused() {
        final BarSeries.Builder b = twoBars();
        b.midAtEnd[0] = Double.NaN;
        assertEquals("X test: bar 0 has mid 100.0 -> NaN and spread 0.01: prices must be finite and > 0",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void signedVolumeBeyondTheVolumeIsRefused() {
        final BarSeries.Builder b = twoBars();
        b.signedVolume[1] = 11;
        assertEquals("X test: bar 1 has volume 10 and signed volume 11",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }
}
