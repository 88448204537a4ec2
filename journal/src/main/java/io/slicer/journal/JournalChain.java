package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The journal's hash chain: each record's chain hash is SHA-256 (HMAC-SHA256 with a {@link JournalKey}) of the
 * previous record's chain hash, the record's journal sequence and its message ({@link JournalFrame}). Holds the head
 * (the last record's chain hash) and moves it on as records are written or verified.
 *
 * <p>Allocation-free after construction: one reused {@link MessageDigest} digesting into byte arrays; HMAC is written
 * out (RFC 2104, two passes of the same digest over pre-computed pads) because {@code javax.crypto.Mac} allocates its
 * result on every call.
 */
final class JournalChain {
    private static final int BLOCK = 64;
    private static final int HASH = JournalFrame.CHAIN_LENGTH;

    private final MessageDigest digest = JournalKey.sha256();
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final long keyId;
    private final byte[] head = new byte[HASH];
    private final byte[] inner = new byte[HASH];
    private final byte[] expected = new byte[HASH];
    private long records;

    JournalChain(final JournalKey key, final ChainHead from) {
        if (key.keyed()) {
            final byte[] k = key.block(BLOCK);
            innerPad = new byte[BLOCK];
            outerPad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                innerPad[i] = (byte) (k[i] ^ 0x36);
                outerPad[i] = (byte) (k[i] ^ 0x5c);
            }
        } else {
            innerPad = null;
            outerPad = null;
        }
        this.keyId = key.id();
        System.arraycopy(from.hashBytes(), 0, head, 0, HASH);
        this.records = from.records();
    }

    /** Writes the chain hash of the framed record in {@code record[0, length)} into its frame and moves the head on. */
    void link(final byte[] record, final int length) {
        compute(record, length, record, JournalFrame.CHAIN_OFFSET);
        System.arraycopy(record, JournalFrame.CHAIN_OFFSET, head, 0, HASH);
        records++;
    }

    /**
     * True when the record's chain hash is the one the head and its bytes give; then the head moves on. Otherwise the
     * head stays and {@link #expected()} holds the hash the record should have carried.
     */
    boolean verify(final byte[] record, final int length) {
        compute(record, length, expected, 0);
        if (!Arrays.equals(expected, 0, HASH, record, JournalFrame.CHAIN_OFFSET, JournalFrame.CHAIN_OFFSET + HASH)) {
            return false;
        }
        System.arraycopy(expected, 0, head, 0, HASH);
        records++;
        return true;
    }

    private void compute(final byte[] record, final int length, final byte[] out, final int outOffset) {
        try {
            if (innerPad == null) {
                hash(record, length);
                digest.digest(out, outOffset, HASH);
                return;
            }
            digest.update(innerPad);
            hash(record, length);
            digest.digest(inner, 0, HASH);
            digest.update(outerPad);
            digest.update(inner);
            digest.digest(out, outOffset, HASH);
        } catch (final DigestException e) {
            throw new IllegalStateException("SHA-256 digest failed", e);
        }
    }

    private void hash(final byte[] record, final int length) {
        digest.update(head);
        digest.update(record, JournalFrame.SEQUENCE_OFFSET, JournalFrame.CHAIN_OFFSET - JournalFrame.SEQUENCE_OFFSET);
        digest.update(record, JournalFrame.MESSAGE_OFFSET, length - JournalFrame.MESSAGE_OFFSET);
    }

    /** The last record's chain hash (32 zero bytes before the first); do not modify. */
    byte[] head() {
        return head;
    }

    /** The hash the record last refused by {@link #verify} should have carried. */
    byte[] expected() {
        return expected;
    }

    /** Records chained so far (the first record's sequence is 0). */
    long records() {
        return records;
    }

    long keyId() {
        return keyId;
    }

    ChainHead snapshot() {
        return ChainHead.of(records, head, 0, keyId);
    }
}
