/**
 * Post-trade audit from a journal: {@link JournalAudit} reads a journal once and builds each parent order's
 * {@link OrderAudit}, its decision trace and implementation shortfall split into impact, timing and opportunity cost.
 * Offline; allocates freely.
 * <p>Depends on {@link io.slicer.journal} (reader, records), the generated SBE codecs and the engine's event, market
 * and risk types. Nothing in the journal module depends on it; the tools' {@code audit} command does.
 */
package io.slicer.journal.audit;
