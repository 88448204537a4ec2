package io.slicer.tools.fix.gateway;

import io.slicer.engine.core.SymbolState;
import io.slicer.engine.risk.HaltScope;
import io.slicer.journal.RingJournal;
import io.slicer.journal.SessionRecord;
import io.slicer.journal.StrategyApproval;
import io.slicer.journal.StrategySpecs;
import io.slicer.tools.console.ConsoleAccess;
import io.slicer.tools.console.OperatorConsole;
import io.slicer.tools.demo.CodeVersion;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStore;
import quickfix.FileStoreFactory;
import quickfix.MessageStore;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slicer behind FIX 4.4: an acceptor for the OMS ({@link OmsSession}), an initiator to the venue
 * ({@link VenueSession}), and the journaled ring engine ({@link RingJournal}) between them, fed a wall-clock timer
 * every {@code timerMillis}. Everything the gateway needs to resume lives in the journal directory: the journal
 * (engine state, child ids) and {@code fix-store/} (both sessions' sequence numbers and sent messages). Opening a
 * directory that holds them recovers: the engine from its journal, the order table from the OMS session's store, the
 * children in flight from the venue.
 *
 * <pre>
 *  OMS ──FIX──▶ OmsSession ─┐                       ┌─▶ VenueSession (sink) ──FIX──▶ venue
 *                            ├─▶ EngineIngress ─▶ ring ─▶ core ─▶ journal
 *  venue ─FIX─▶ VenueSession ┤                       └─▶ OmsReports ──FIX──▶ OMS
 *  timer ────────────────────┘
 * </pre>
 * Threads: the acceptor's, the initiator's, the timer's, the engine's consumer, and one outbound thread that sends
 * every child, cancel and report (the engine's sink must not block).
 */
public final class FixGateway implements AutoCloseable {
    /** How often every open order's state is compared with what the OMS was told. */
    static final long SWEEP_MILLIS = 250;

    private final RingJournal ring;
    private final SocketAcceptor acceptor;
    private final SocketInitiator initiator;
    private final ExecutorService outbound;
    private final ScheduledExecutorService timer;
    private final SessionID omsSession;
    private final SessionID venueSession;
    private final EngineIngress ingress;
    private final OmsReports reports;
    private final VenueSession venue;
    private final OmsSession oms;
    private final Path engineJournal;
    private final GatewayConfig config;
    private volatile OperatorConsole console;

    private FixGateway(final GatewayConfig config, final Path journal, final PrintStream err)
            throws ConfigError, IOException {
        Files.createDirectories(journal);
        final Path store = journal.resolve("fix-store");
        final SessionSettings omsSettings = new SessionSettings();
        this.omsSession = FixSessions.add(omsSettings, config.omsSenderCompId, config.omsTargetCompId, true,
                "127.0.0.1", config.omsPort, store, config.heartbeatSeconds);
        final SessionSettings venueSettings = new SessionSettings();
        this.venueSession = FixSessions.add(venueSettings, config.venueSenderCompId, config.venueTargetCompId, false,
                config.venueHost, config.venuePort, store, config.heartbeatSeconds);
        this.outbound = Executors.newSingleThreadExecutor(r -> daemon(r, "fix-outbound"));
        this.config = config;
        this.venue = new VenueSession(config, venueSession, outbound, err);
        // A learned model trades only under an approval, journaled after the SESSION: refused here, before anything
        // is written or any session starts, when the approvals file does not hold the model's identity.
        this.engineJournal = journal.resolve("engine");
        this.ring = RingJournal.open(engineJournal, CodeVersion.release(), config.engineSettings(),
                config.strategies(), StrategyApproval.forLive(config.strategies(), config.approvals, engineJournal),
                venue, b -> b.threadName("slicer-engine"));
        this.ingress = new EngineIngress(ring.engine(), ring.engine().core().now());
        this.reports = new OmsReports(ring.engine(), omsSession);
        reports.recover(storedMessages(omsSettings, omsSession));
        venue.connect(ingress, reports::refresh,
                ring.recovery() == null ? List.of() : ring.recovery().unresolved());
        this.oms = new OmsSession(ingress, ring.engine(), reports, config, outbound);
        this.acceptor = new SocketAcceptor(oms, new FileStoreFactory(omsSettings), omsSettings,
                FixSessions.oneLineLog(err), new DefaultMessageFactory());
        this.initiator = new SocketInitiator(venue, new FileStoreFactory(venueSettings), venueSettings,
                FixSessions.oneLineLog(err), new DefaultMessageFactory());
        // Sessions exist from start(): the venue's before anything can make the engine send a child (an OMS order,
        // a timer), so no child is ever handed to a session that is not there yet.
        initiator.start();
        acceptor.start();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fix-timer"));
        timer.scheduleAtFixedRate(ingress::timer, config.timerMillis, config.timerMillis, TimeUnit.MILLISECONDS);
        // What the engine decides on its own (an expiry, a kill-switch halt, an operator's halt at the console) may
        // come with no venue report to trigger a refresh: sweep every open order so the OMS hears of it unsolicited.
        timer.scheduleWithFixedDelay(() -> outbound.execute(this::refreshAll), SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void refreshAll() {
        for (final OmsReports.OmsOrder o : reports.orders()) {
            if (!o.ended()) {
                reports.refresh(o.orderId);
            }
        }
    }

    /** Starts a gateway on {@code journal} (recovering what is there). */
    public static FixGateway start(final GatewayConfig config, final Path journal, final PrintStream err) {
        try {
            return new FixGateway(config, journal, err);
        } catch (final ConfigError | IOException e) {
            throw new IllegalStateException("FIX gateway on " + journal + " cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * The operator's kill switch: halts an order, a symbol or everything (id ignored for ALL). Each order it stops is
     * reported to the OMS unsolicited, as DoneForDay with the halt reason in Text.
     */
    public void halt(final HaltScope scope, final long id) {
        ingress.halt(scope, id);
        ingress.durable();
        outbound.execute(this::refreshAll);
    }

    /**
     * Serves the operator console ({@link OperatorConsole}) on {@code host:port} for this gateway's engine: every
     * parent the OMS sends from now on shows on the blotter; Halt, Pause and Resume enter through the gateway's one
     * ingress (ordered with every other input, journaled and forced before they are acknowledged), and an order they
     * stop is reported to the OMS unsolicited within {@value #SWEEP_MILLIS} ms. Closed with the gateway.
     */
    public OperatorConsole serveConsole(final ConsoleAccess access, final String host, final int port) {
        final SessionRecord session = ring.session();
        final OperatorConsole.Builder b = OperatorConsole.builder(ring.engine(), access, ingress::now)
                .controls(ingress::control).host(host).port(port).journal(engineJournal, ring::journalRecords);
        for (final String symbol : config.symbols()) {
            b.symbol(symbol, config.symbolId(symbol));
        }
        final OperatorConsole served = b.build().start();
        oms.watcher((order, symbol) -> {
            final String canonical = session.strategies().get(order.strategy());
            served.watch(order.orderId(), symbol, order.side(), order.quantity(), order.startTime(), order.endTime(),
                    config.strategies().get(order.strategy()), canonical.startsWith(StrategySpecs.POLICY_PREFIX)
                            ? canonical.substring(StrategySpecs.POLICY_PREFIX.length()) : "");
        });
        this.console = served;
        return served;
    }

    /**
     * Waits up to {@code millis} for the venue's first quote of {@code symbol} to reach the engine; false when none
     * came. An order that starts before its symbol has a quote is halted by the kill switch (no reference price), so
     * a desk that starts the gateway and sends at once waits for this first.
     */
    public boolean awaitQuote(final String symbol, final long millis) throws InterruptedException {
        final int id = config.symbolId(symbol);
        final long end = System.currentTimeMillis() + millis;
        while (id >= 0 && !venue.quoted(id) && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        return id >= 0 && venue.quoted(id);
    }

    /**
     * The engine's market state of {@code symbol} once everything published so far is processed; null for a symbol
     * the gateway does not trade. The state is the engine thread's: read it only while the market is quiet (tests).
     */
    public SymbolState marketState(final String symbol) {
        final int id = config.symbolId(symbol);
        ring.engine().flush();
        return id < 0 ? null : ring.engine().core().symbol(id);
    }

    /** Inputs the engine has journaled (all sessions). */
    public long journaledInputs() {
        ring.engine().flush();
        return ring.engine().core().sequence();
    }

    /** Children recovered as still in flight when this gateway started (0 for a fresh journal). */
    public int recoveredChildren() {
        return ring.recovery() == null ? 0 : ring.recovery().unresolved().size();
    }

    private static List<String> storedMessages(final SessionSettings settings, final SessionID id)
            throws IOException, ConfigError {
        final List<String> out = new ArrayList<>();
        final MessageStore store = new FileStoreFactory(settings).create(id);
        try {
            final int next = store.getNextSenderMsgSeqNum();
            if (next > 1) {
                store.get(1, next - 1, out);
            }
        } finally {
            if (store instanceof FileStore f) {
                f.close();
            }
        }
        return out;
    }

    private static Thread daemon(final Runnable r, final String name) {
        final Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        final OperatorConsole served = console;
        if (served != null) {
            served.close();
        }
        timer.shutdownNow();
        initiator.stop(true);
        acceptor.stop(true);
        outbound.shutdown();
        try {
            outbound.awaitTermination(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ring.close();
    }
}
