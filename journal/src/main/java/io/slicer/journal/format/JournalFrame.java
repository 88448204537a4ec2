package io.slicer.journal.format;

import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.SessionDecoder;

/**
 * How a record sits in a Chronicle Queue document: a frame of three fields, then one SBE message declared in
 * {@code slicer-journal.xml}. The frame's offsets follow one from the other below; the message's come from the
 * codecs generated from the schema.
 * <pre>
 *   0        4        8                16                24
 *   +--------+--------+----------------+----------------+-------------------------
 *   | magic  | CRC32C | journal seq.   | message header | message body (+ groups, variable data)
 *   | "SLJ4" |        |                | block length, template, schema, version
 *   +--------+--------+----------------+----------------+-------------------------
 *            '-- covers bytes [8, end) --------------------------------------------'
 * </pre>
 * The journal sequence counts records from 0, densely, across process restarts: a reader that sees a gap knows a
 * record went missing. The message header's schema id and version must be this build's: a reader refuses records of
 * another layout by name.
 */
public final class JournalFrame {
    /**
     * The journal format is the schema's version (4: SBE records, controls carrying who acted and why; format 3,
     * "SLJ3", and formats 1 and 2, "SLJ1" records of hand-written layouts, are refused). {@link #MAGIC} spells it
     * too: a new version needs a new magic.
     */
    public static final int FORMAT = SessionDecoder.SCHEMA_VERSION;
    /** "SLJ4" as a little-endian int. */
    public static final int MAGIC = 0x344A4C53;
    /** "SLJ1": journal formats 1 and 2, before the schema. */
    public static final int MAGIC_FORMAT_1_AND_2 = 0x314A4C53;

    public static final int MAGIC_OFFSET = 0;
    public static final int CRC_OFFSET = MAGIC_OFFSET + Integer.BYTES;
    public static final int SEQUENCE_OFFSET = CRC_OFFSET + Integer.BYTES;
    public static final int LENGTH = SEQUENCE_OFFSET + Long.BYTES;
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
