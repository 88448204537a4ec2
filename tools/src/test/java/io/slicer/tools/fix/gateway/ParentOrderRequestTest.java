package io.slicer.tools.fix.gateway;

import io.slicer.engine.market.Side;
import org.junit.jupiter.api.Test;
import quickfix.field.ClOrdID;
import quickfix.field.ExpireTime;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TargetStrategy, its parameters and the order's fields as the engine's NewOrder, or the reason they are refused. */
class ParentOrderRequestTest {
    private static final GatewayConfig CONFIG = config("symbols=AAPL,MSFT\nstrategies=twap,vwap,pov:0.1,ac:0.000001\n"
            + "volatility.MSFT=0.05\nsliceVolume.MSFT=20000\n");

    private static GatewayConfig config(final String text) {
        final Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (final java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return GatewayConfig.from(p, "test.properties");
    }

    private static NewOrderSingle order(final String symbol, final String strategy, final String params) {
        final NewOrderSingle o = new NewOrderSingle(new ClOrdID("A"), new quickfix.field.Side('2'),
                new TransactTime(), new OrdType(OrdType.LIMIT));
        o.set(new Symbol(symbol));
        o.set(new OrderQty(3_000));
        o.set(new Price(101.5));
        o.set(new ExpireTime(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5)));
        o.setString(847, strategy);
        if (params != null) {
            o.setString(848, params);
        }
        return o;
    }

    @Test
    void limitOrderOnASecondSymbolBecomesTheEnginesOrderWithItsDefaults() {
        final ParentOrderRequest.Outcome out = ParentOrderRequest.read(order("MSFT", "1", "slices=6;urgency=1.5"), 7,
                System.currentTimeMillis() * 1_000_000L, CONFIG);
        assertTrue(out.accepted(), out.text());
        assertEquals(7, out.order().orderId());
        assertEquals(1, out.order().symbol());
        assertEquals(Side.SELL, out.order().side());
        assertEquals(3_000, out.order().quantity());
        assertEquals(6, out.order().slices());
        assertEquals(1, out.order().strategy(), "vwap is registered second");
        assertEquals(101.5, out.order().limitPrice());
        assertEquals(1.5, out.order().urgency());
        assertEquals(0.05, out.order().referenceVolatility());
        assertEquals(20_000, out.order().expectedVolumePerSlice());
    }

    @Test
    void povAndAlmgrenChrissResolveToTheRegisteredSpecs() {
        final long now = System.currentTimeMillis() * 1_000_000L;
        final NewOrderSingle pov = order("AAPL", "2", null);
        pov.setString(849, "0.1");
        assertEquals(2, ParentOrderRequest.read(pov, 1, now, CONFIG).order().strategy());
        assertEquals(3, ParentOrderRequest.read(order("AAPL", "1002", "lambda=0.000001"), 1, now, CONFIG)
                .order().strategy());
        final NewOrderSingle otherRate = order("AAPL", "2", null);
        otherRate.setString(849, "0.2");
        final ParentOrderRequest.Outcome refused = ParentOrderRequest.read(otherRate, 1, now, CONFIG);
        assertFalse(refused.accepted());
        assertTrue(refused.text().contains("'pov:0.2' is not registered"), refused.text());
        final ParentOrderRequest.Outcome noRate = ParentOrderRequest.read(order("AAPL", "2", null), 1, now, CONFIG);
        assertTrue(noRate.text().contains("849"), noRate.text());
        final ParentOrderRequest.Outcome badParams = ParentOrderRequest.read(order("AAPL", "1001", "slices"), 1, now,
                CONFIG);
        assertTrue(badParams.text().contains("expected key=value"), badParams.text());
    }

    @Test
    void configurationErrorsNameTheFileAndTheKey() {
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> config("symbols=AAPL\nvenue.colour=blue\n"));
        assertTrue(unknown.getMessage().startsWith("test.properties: venue.colour=blue: expected venue.host"),
                unknown.getMessage());
        final IllegalArgumentException noSymbols = assertThrows(IllegalArgumentException.class, () -> config(""));
        assertTrue(noSymbols.getMessage().contains("expected symbols=SYM"), noSymbols.getMessage());
        final IllegalArgumentException otherSymbol = assertThrows(IllegalArgumentException.class,
                () -> config("symbols=AAPL\nvolatility.MSFT=1\n"));
        assertTrue(otherSymbol.getMessage().contains("symbol 'MSFT' is not in symbols=AAPL"), otherSymbol.getMessage());
    }

    @Test
    void theReadmesExampleConfigurationLoads() {
        final GatewayConfig example = GatewayConfig.load(java.nio.file.Path.of(System.getProperty("user.dir"))
                .getParent().resolve("docs/fix-gateway.example.properties"));
        assertEquals(java.util.List.of("AAPL", "MSFT"), example.symbols());
        assertEquals(1, example.symbolId("MSFT"));
        assertEquals(java.util.List.of("twap", "vwap", "pov:0.1", "ac"), example.strategies());
        assertEquals(100, example.instrument(0).lotSize());
        assertEquals(50, example.timerMillis);
    }

    @Test
    void aLearnedPolicyByModelDirectoryResolvesToItsRegisteredSpec() {
        final GatewayConfig withModel = config("symbols=AAPL\nstrategies=twap,model:models/desk\n");
        final long now = System.currentTimeMillis() * 1_000_000L;
        final ParentOrderRequest.Outcome out = ParentOrderRequest.read(order("AAPL", "1003", "model=model:models/desk"),
                1, now, withModel);
        assertTrue(out.accepted(), out.text());
        assertEquals(1, out.order().strategy(), "model:models/desk is registered second");
        final ParentOrderRequest.Outcome other = ParentOrderRequest.read(order("AAPL", "1003",
                "model=model:models/other"), 1, now, withModel);
        assertFalse(other.accepted());
        assertTrue(other.text().contains("strategy 'model:models/other' is not registered with this gateway"),
                other.text());
    }
}
