package io.slicer.journal.format;

import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.QuoteDecoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal's layout documentation is generated from its schema and codecs, so it cannot drift from what is
 * written: {@code docs/journal-format.md} must equal {@link JournalLayout#markdown()}. After changing the schema,
 * rewrite the file with {@code mvn -pl journal -am test -Dtest=JournalFormatDocumentTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dslicer.docs.write=true} and commit it.
 */
class JournalFormatDocumentTest {
    /** Surefire runs in the module's folder: the document is in the repository's docs folder beside it. */
    private static final Path DOCUMENT = Path.of("").toAbsolutePath().getParent().resolve("docs")
            .resolve("journal-format.md");

    @Test
    void theCommittedLayoutDocumentIsTheOneTheSchemaGenerates() throws IOException {
        final String generated = JournalLayout.markdown();
        if (Boolean.getBoolean("slicer.docs.write")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOCUMENT), DOCUMENT + " is missing: run this test with -Dslicer.docs.write=true");
        assertEquals(generated, Files.readString(DOCUMENT, StandardCharsets.UTF_8), DOCUMENT
                + " differs from the schema: rewrite it with -Dslicer.docs.write=true (see this test's Javadoc)");
    }

    @Test
    void fieldNamesAndOffsetsComeFromTheGeneratedCodecs() {
        final JournalLayout.Message quote = JournalLayout.message(QuoteDecoder.TEMPLATE_ID);
        assertEquals("Quote", quote.name());
        assertEquals(QuoteDecoder.BLOCK_LENGTH, quote.blockLength());
        final JournalLayout.Field bid = quote.fields().stream().filter(f -> f.name().equals("bid")).findFirst()
                .orElseThrow();
        assertEquals(QuoteDecoder.bidEncodingOffset(), bid.offset());
        assertEquals(Double.BYTES, bid.length());
        assertEquals("Quote.bid", JournalLayout.fieldAt(QuoteDecoder.TEMPLATE_ID,
                MessageHeaderDecoder.ENCODED_LENGTH + QuoteDecoder.bidEncodingOffset() + 7));
        assertEquals("messageHeader", JournalLayout.fieldAt(QuoteDecoder.TEMPLATE_ID, 3));
        assertEquals("Decision features/rawOutput (byte 4 past the block)",
                JournalLayout.fieldAt(DecisionDecoder.TEMPLATE_ID,
                        MessageHeaderDecoder.ENCODED_LENGTH + DecisionDecoder.BLOCK_LENGTH + 4));
    }

    @Test
    void everyMessageOfTheSchemaHasACodecAndARecordType() {
        for (final JournalLayout.Message m : JournalLayout.all().values()) {
            assertTrue(RecordType.ofTemplate(m.templateId()) != null, m.name() + " has no record type");
            assertTrue(m.blockLength() > 0, m.name());
            assertEquals(m.blockLength(), RecordType.blockLength(m.templateId()), m.name() + "'s block length");
            assertTrue(m.fields().size() > 0, m.name());
        }
    }

    @Test
    void theFrameMagicSpellsTheFormatTheSchemaVersionGives() {
        assertEquals("SLJ" + JournalFrame.FORMAT, new String(new byte[] {(byte) JournalFrame.MAGIC,
                (byte) (JournalFrame.MAGIC >>> 8), (byte) (JournalFrame.MAGIC >>> 16), (byte) (JournalFrame.MAGIC >>> 24)},
                StandardCharsets.US_ASCII));
    }
}
