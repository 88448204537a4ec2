package io.slicer.tools.sim;

import io.slicer.tools.marketdata.lobster.LobsterDays;
import io.slicer.tools.sim.historical.CmeScenarios;
import io.slicer.tools.sim.historical.HistoricalParams;
import io.slicer.tools.sim.historical.HistoricalScenarios;
import io.slicer.tools.sim.presets.Ac2000;
import io.slicer.tools.sim.presets.LiquidStock;
import io.slicer.tools.sim.presets.SeedIqlScenario;
import io.slicer.tools.sim.presets.SeedNotebookScenario;
import io.slicer.tools.sim.presets.StochasticLiquidity;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The registry of named scenarios, the one place a {@code --scenario NAME} is resolved for every command and tool:
 * the synthetic presets ({@code ac-2000}, {@code liquid-stock}, {@code stochastic-liquidity}, {@code seed-notebook},
 * {@code seed-iql}) and the historical replays {@code lobster:SYMBOL[:sliceSeconds[:slices[:QUEUE]]]} and
 * {@code cme:SYMBOL:train|test[:sliceSeconds[:slices]]}, read from the shared data folder
 * ({@link LobsterDays#sharedDataRoot()}). Thread-safe.
 */
public final class Scenarios {
    /** How a historical replay is named, for messages and help. */
    public static final String HISTORICAL_PATTERN = "lobster:SYMBOL[:sliceSeconds[:slices[:QUEUE]]] or "
            + CmeScenarios.PATTERN;

    private static final Map<String, Supplier<Scenario>> PRESETS = new TreeMap<>();

    static {
        PRESETS.put(Ac2000.NAME, Ac2000::scenario);
        PRESETS.put(LiquidStock.NAME, LiquidStock::scenario);
        PRESETS.put(StochasticLiquidity.NAME, StochasticLiquidity::scenario);
        PRESETS.put(SeedNotebookScenario.NAME, SeedNotebookScenario::new);
        PRESETS.put(SeedIqlScenario.NAME, SeedIqlScenario::new);
    }

    private Scenarios() {
    }

    /** The scenario called {@code name}; an unknown or malformed name is an error that says what is accepted. */
    public static Scenario byName(final String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("scenario name is empty; expected one of " + names() + " or "
                    + HISTORICAL_PATTERN);
        }
        if (HistoricalScenarios.isHistorical(name)) {
            return historical(name);
        }
        if (CmeScenarios.isCme(name)) {
            CmeScenarios.parseParams(name, HistoricalParams.defaults());
            return CmeScenarios.parse(name, dataRoot(name, "CME minute bars"));
        }
        final Supplier<Scenario> preset = PRESETS.get(name);
        if (preset == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "', expected one of " + names() + " or "
                    + HISTORICAL_PATTERN);
        }
        return preset.get();
    }

    /** A replay of a LOBSTER day; the spec is checked before the data is looked for, so its error comes first. */
    private static Scenario historical(final String spec) {
        HistoricalScenarios.parseParams(spec, HistoricalParams.defaults());
        return HistoricalScenarios.parse(spec, dataRoot(spec, "LOBSTER data"));
    }

    private static Path dataRoot(final String spec, final String what) {
        return LobsterDays.sharedDataRoot().orElseThrow(() -> new IllegalArgumentException("scenario '"
                + spec + "' needs the " + what + ": set " + LobsterDays.DATA_ROOT_ENV
                + " to the shared data folder (none found, and no shared/data above the working directory)"));
    }

    /** The preset scenario names, sorted. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(PRESETS.keySet()));
    }
}
