/**
 * Governance across days: the {@link io.slicer.tools.governance.StrategyLedger} of each strategy's daily result
 * against its TWAP benchmark and the losing-streak rule that demotes a strategy to TWAP for new orders until a trader
 * re-enables it. Offline (tools): the engine never reads the ledger; the decision reaches a session as a journaled
 * {@link io.slicer.journal.StrategyChoice}.
 */
package io.slicer.tools.governance;
