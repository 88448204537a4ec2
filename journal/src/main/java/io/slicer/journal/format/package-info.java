/**
 * The journal's binary layout in one place: {@link JournalFrame} (magic, CRC32C, sequence and chain hash around one
 * SBE message), {@link RecordType} (SESSION, SEAL, INPUT, DECISION, TRANSITION, ANOMALY by template id) and
 * {@link JournalLayout}, which
 * reads every message's fields from the generated codecs so nothing is typed by hand.
 * <p>Depends only on the SBE codecs generated from {@code slicer-journal.xml} ({@code io.slicer.journal.sbe}), not on
 * the engine. Used by {@link io.slicer.journal} to write, read and explain records.
 */
package io.slicer.journal.format;
