package io.slicer.journal.format;

import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.SessionDecoder;

/**
 * How a record sits in a Chronicle Queue document: a frame of four fields, then one SBE message declared in
 * {@code slicer-journal.xml}. The frame's offsets follow one from the other below; the message's come from the
 * codecs generated from the schema.
 * <pre>
 *   0        4        8                16                 48               56
 *   +--------+--------+----------------+------------------+----------------+-----------------------
 *   | magic  | CRC32C | journal seq.   | chain hash       | message header | message body (+ groups, data)
 *   | "SLJ4" |        |                | (32 bytes)       | block length, template, schema, version
 *   +--------+--------+----------------+------------------+----------------+-----------------------
 *            '-- CRC32C covers bytes [8, end) ------------------------------------------------------'
 *   chain hash = SHA-256 (or HMAC-SHA256 with the journal key) of
 *                previous record's chain hash || bytes [8, 16) || bytes [48, end)
 * </pre>
 * The journal sequence counts records from 0, densely, across process restarts: a reader that sees a gap knows a
 * record went missing. The chain hash ties each record to every record before it, so an edited, reordered, inserted
 * or removed record breaks the chain at that record even when its CRC was recomputed; the first record chains from
 * 32 zero bytes. The CRC stays: it tells a disk error (CRC fails) from an edit (CRC passes, chain fails). The message
 * header's schema id and version must be this build's (or format 4's in an "SLJ4" journal): a reader refuses
 * records of another layout by name.
 */
public final class JournalFrame {
    /**
     * The journal format is the schema's version (5: format 4 plus a trade's aggressor, a decision's child
     * tactic and the engine's cancel requests, CHILD_CANCEL; 4: SBE records in a hash chain, sessions sealed, still read ({@link #MAGIC_FORMAT_4}); format 3,
     * "SLJ3" SBE records with a CRC only, and formats 1 and 2, "SLJ1" records of hand-written layouts, are refused).
     * {@link #MAGIC} spells it too: a new version needs a new magic.
     */
    public static final int FORMAT = SessionDecoder.SCHEMA_VERSION;
    /** "SLJ5" as a little-endian int. */
    public static final int MAGIC = 0x354A4C53;
    /** "SLJ4": journal format 4, read by this build (its records are of schema version {@link #FORMAT_4}). */
    public static final int MAGIC_FORMAT_4 = 0x344A4C53;
    /** The schema version of a format-4 journal's records. */
    public static final int FORMAT_4 = 4;
    /** "SLJ3": journal format 3, SBE records without a chain. */
    public static final int MAGIC_FORMAT_3 = 0x334A4C53;
    /** "SLJ1": journal formats 1 and 2, before the schema. */
    public static final int MAGIC_FORMAT_1_AND_2 = 0x314A4C53;

    public static final int MAGIC_OFFSET = 0;
    public static final int CRC_OFFSET = MAGIC_OFFSET + Integer.BYTES;
    public static final int SEQUENCE_OFFSET = CRC_OFFSET + Integer.BYTES;
    public static final int CHAIN_OFFSET = SEQUENCE_OFFSET + Long.BYTES;
    /** SHA-256 and HMAC-SHA256 both give 32 bytes. */
    public static final int CHAIN_LENGTH = 32;
    public static final int LENGTH = CHAIN_OFFSET + CHAIN_LENGTH;
    /** Where the SBE message starts. */
    public static final int MESSAGE_OFFSET = LENGTH;
    /** Where a message's body starts. */
    public static final int BODY_OFFSET = MESSAGE_OFFSET + MessageHeaderDecoder.ENCODED_LENGTH;
    /** Longest record: bounds the reader's buffer and catches a corrupt length early. */
    public static final int MAX_RECORD_LENGTH = 1 << 16;
    public static final int SCHEMA_ID = SessionDecoder.SCHEMA_ID;
    public static final int SCHEMA_VERSION = SessionDecoder.SCHEMA_VERSION;

    private JournalFrame() {
    }
}
