package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;

import java.util.HexFormat;

/**
 * Where a journal's hash chain stands: how many records it holds and the chain hash of the last one (32 zero bytes
 * before the first record). Kept outside the queue in the chain head file ({@link ChainHeadFile}), reported by the
 * engines ({@link JournaledEngine#durableChainHead()}, {@link RingJournal#durableChainHead()}) and by
 * {@code slicer journal verify}; a journal shorter than its chain head was truncated.
 */
public record ChainHead(long records, String hash, long keyId) {
    /** Before the first record. */
    public static final ChainHead GENESIS = new ChainHead(0, "0".repeat(2 * JournalFrame.CHAIN_LENGTH), 0);

    public ChainHead {
        if (records < 0 || hash.length() != 2 * JournalFrame.CHAIN_LENGTH) {
            throw new IllegalArgumentException("chain head: " + records + " records, hash '" + hash + "'");
        }
    }

    static ChainHead of(final long records, final byte[] hash, final int offset, final long keyId) {
        return new ChainHead(records, HexFormat.of().formatHex(hash, offset, offset + JournalFrame.CHAIN_LENGTH),
                keyId);
    }

    byte[] hashBytes() {
        return HexFormat.of().parseHex(hash);
    }

    /** "1,234 records, head 9f86d081…". */
    public String describe() {
        return String.format("%,d records, chain hash %s", records, hash);
    }
}
