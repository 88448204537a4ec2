/**
 * The engine's journal and its replay: {@link JournalingHook} encodes every input and output ({@link EngineRecords},
 * SBE codecs) into a {@link JournalWriter}'s Chronicle Queue; {@link JournaledEngine} (synchronous) and
 * {@link RingJournal} (the ring an OMS embeds) open, journal and after a crash recover ({@code JournalRecovery}) a
 * journal directory; {@link JournalReader} validates records and {@link JournalReplayer} replays them through a fresh
 * core, comparing every output byte for byte down to the first {@link Divergence}. Integrity: each record is
 * hash-chained to the one before ({@code JournalChain}, SHA-256 or HMAC-SHA256 with a {@link JournalKey}), the chain
 * head is kept beside the queue ({@code ChainHeadFile}, {@link ChainHead}), sessions end with a {@link SealRecord};
 * {@link JournalVerifier} checks a whole journal and {@link JournalSalvage} copies the valid prefix of a damaged one.
 * Durability: {@link JournalWriter#forceToDisk()} and the policy on {@link JournalWriter}. Writer, hook, record codecs,
 * chain and reader are allocation-free after construction.
 * <p>Depends on the engine (api, core, event, port, order, risk, strategy, market), {@link io.slicer.policy},
 * {@link io.slicer.journal.format} and the codecs generated from {@code slicer-journal.xml}; never on the tools. Used
 * by {@link io.slicer.journal.audit}, the tools and the benchmarks.
 */
package io.slicer.journal;
