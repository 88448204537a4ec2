package io.slicer.journal.format;

import io.slicer.journal.sbe.MessageHeaderDecoder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The journal's record layouts as the schema ({@code slicer-journal.xml}) declares them and SBE generated them: each
 * message's name, template id and description from the schema, each field's offset, length and Java type from its
 * generated decoder. Replay's divergence report names the field a difference falls in with {@link #fieldAt}; the
 * layout documentation ({@code docs/journal-format.md}) is {@link #markdown()}. Nothing here is typed by hand.
 *
 * <p>Read once, lazily; thread-safe. Not for the hot path.
 */
public final class JournalLayout {
    /** Where the schema is on the class path. */
    public static final String SCHEMA = "/io/slicer/journal/format/slicer-journal.xml";
    private static final String CODEC_PACKAGE = "io.slicer.journal.sbe.";

    /** A fixed field of a message's block: offset and length in bytes from the start of the block. */
    public record Field(String name, int offset, int length, String type, String description) {
    }

    /** A message: its fixed block, then its repeating groups and variable-length data in this order. */
    public record Message(String name, int templateId, int blockLength, String description, List<Field> fields,
                          List<String> groups, List<String> data) {
    }

    private static volatile Map<Integer, Message> messages;

    private JournalLayout() {
    }

    /** The message with this template id, or null. */
    public static Message message(final int templateId) {
        return all().get(templateId);
    }

    /** Every message, by template id. */
    public static Map<Integer, Message> all() {
        Map<Integer, Message> m = messages;
        if (m == null) {
            synchronized (JournalLayout.class) {
                m = messages;
                if (m == null) {
                    m = read();
                    messages = m;
                }
            }
        }
        return m;
    }

    /**
     * The field at byte {@code offset} of message {@code templateId}, counted from the start of the message (its
     * header included): "messageHeader", a field's name, or the groups and data that follow the block.
     */
    public static String fieldAt(final int templateId, final int offset) {
        final Message m = message(templateId);
        if (m == null) {
            return "byte " + offset + " of unknown template " + templateId;
        }
        if (offset < MessageHeaderDecoder.ENCODED_LENGTH) {
            return "messageHeader";
        }
        final int body = offset - MessageHeaderDecoder.ENCODED_LENGTH;
        for (final Field f : m.fields()) {
            if (body >= f.offset() && body < f.offset() + f.length()) {
                return m.name() + "." + f.name();
            }
        }
        final List<String> tail = new ArrayList<>(m.groups());
        tail.addAll(m.data());
        return m.name() + " " + (tail.isEmpty() ? "byte " + body : String.join("/", tail) + " (byte "
                + (body - m.blockLength()) + " past the block)");
    }

    /** The layout documentation, in Markdown: what {@code docs/journal-format.md} holds. */
    public static String markdown() {
        final StringBuilder sb = new StringBuilder();
        sb.append("# Journal format ").append(JournalFrame.FORMAT).append("\n\n")
                .append("Generated from `journal/src/main/resources").append(SCHEMA)
                .append("` and the codecs SBE generates from it (`JournalLayout.markdown()`; ")
                .append("`JournalFormatDocumentTest` fails when this file and the schema disagree). ")
                .append("Little-endian; offsets in bytes.\n\n")
                .append("A record is one Chronicle Queue document: a frame, then one SBE message. Beside the queue, ")
                .append("`queue/chain-head` holds the chain head (records and last chain hash) as of the last forced ")
                .append("write: two 64-byte slots written in turn, each `SLCH`, records (i64), chain hash (32 bytes), ")
                .append("key id (i64), CRC32C (u32), 8 reserved bytes.\n\n")
                .append("| bytes | field | |\n|---:|---|---|\n")
                .append("| ").append(JournalFrame.MAGIC_OFFSET).append("..").append(JournalFrame.CRC_OFFSET - 1)
                .append(" | magic | `SLJ").append(JournalFrame.FORMAT).append("` (format ").append(JournalFrame.FORMAT)
                .append("; `SLJ").append(JournalFrame.FORMAT_4).append("` journals of format ").append(JournalFrame.FORMAT_4)
                .append(" are still read, their records of schema version ").append(JournalFrame.FORMAT_4)
                .append(" without the fields added since; `SLJ3` and `SLJ1` journals are refused by name) |\n")
                .append("| ").append(JournalFrame.CRC_OFFSET).append("..").append(JournalFrame.SEQUENCE_OFFSET - 1)
                .append(" | crc | CRC32C of bytes ").append(JournalFrame.SEQUENCE_OFFSET).append(" to the end |\n")
                .append("| ").append(JournalFrame.SEQUENCE_OFFSET).append("..").append(JournalFrame.CHAIN_OFFSET - 1)
                .append(" | sequence | journal sequence, dense from 0 across restarts |\n")
                .append("| ").append(JournalFrame.CHAIN_OFFSET).append("..").append(JournalFrame.LENGTH - 1)
                .append(" | chain | SHA-256 (HMAC-SHA256 with a journal key) of the previous record's chain (32 zero")
                .append(" bytes before the first), bytes ").append(JournalFrame.SEQUENCE_OFFSET).append("..")
                .append(JournalFrame.CHAIN_OFFSET - 1).append(" and bytes ").append(JournalFrame.MESSAGE_OFFSET)
                .append(" to the end |\n")
                .append("| ").append(JournalFrame.MESSAGE_OFFSET).append("..").append(JournalFrame.BODY_OFFSET - 1)
                .append(" | message header | block length, template id, schema id ").append(JournalFrame.SCHEMA_ID)
                .append(", schema version ").append(JournalFrame.SCHEMA_VERSION).append(" (u16 each) |\n")
                .append("| ").append(JournalFrame.BODY_OFFSET).append("... | body | the message below |\n");
        for (final Message m : all().values()) {
            sb.append("\n## ").append(m.name()).append(" (template ").append(m.templateId()).append(", block ")
                    .append(m.blockLength()).append(" bytes)\n\n").append(m.description()).append("\n\n")
                    .append("| body offset | length | field | type | |\n|---:|---:|---|---|---|\n");
            for (final Field f : m.fields()) {
                sb.append("| ").append(f.offset()).append(" | ").append(f.length()).append(" | ").append(f.name())
                        .append(" | ").append(f.type()).append(" | ").append(f.description()).append(" |\n");
            }
            for (final String g : m.groups()) {
                sb.append("| | | ").append(g).append(" | repeating group | |\n");
            }
            for (final String d : m.data()) {
                sb.append("| | | ").append(d).append(" | UTF-8, u16 length | |\n");
            }
        }
        return sb.toString();
    }

    private static Map<Integer, Message> read() {
        final Document schema = parse();
        final Map<Integer, Message> out = new TreeMap<>();
        final NodeList list = schema.getElementsByTagNameNS("*", "message");
        for (int i = 0; i < list.getLength(); i++) {
            final Element e = (Element) list.item(i);
            final String name = e.getAttribute("name");
            final int id = Integer.parseInt(e.getAttribute("id"));
            final Class<?> decoder = decoder(name);
            final Map<String, String> descriptions = new TreeMap<>();
            final List<String> groups = new ArrayList<>();
            final List<String> data = new ArrayList<>();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    switch (child.getLocalName() == null ? child.getTagName() : child.getLocalName()) {
                        case "field" -> descriptions.put(child.getAttribute("name"), child.getAttribute("description"));
                        case "group" -> groups.add(child.getAttribute("name"));
                        case "data" -> data.add(child.getAttribute("name"));
                        default -> {
                        }
                    }
                }
            }
            out.put(id, new Message(name, id, (int) staticInt(decoder, "BLOCK_LENGTH"), e.getAttribute("description"),
                    fields(decoder, descriptions), List.copyOf(groups), List.copyOf(data)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Field> fields(final Class<?> decoder, final Map<String, String> descriptions) {
        final List<Field> fields = new ArrayList<>();
        for (final Map.Entry<String, String> d : descriptions.entrySet()) {
            final String name = d.getKey();
            final Method getter = method(decoder, name);
            fields.add(new Field(name, (int) invoke(decoder, name + "EncodingOffset"),
                    (int) invoke(decoder, name + "EncodingLength"), getter.getReturnType().getSimpleName(),
                    d.getValue()));
        }
        fields.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return List.copyOf(fields);
    }

    private static Document parse() {
        try (InputStream in = JournalLayout.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("journal schema " + SCHEMA + " is not on the class path");
            }
            final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in);
        } catch (final Exception e) {
            throw new IllegalStateException("cannot read the journal schema " + SCHEMA + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> decoder(final String message) {
        try {
            return Class.forName(CODEC_PACKAGE + message + "Decoder");
        } catch (final ClassNotFoundException e) {
            throw new IllegalStateException("no codec generated for journal message " + message, e);
        }
    }

    private static Method method(final Class<?> type, final String name) {
        try {
            return type.getMethod(name);
        } catch (final NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no " + name + "()", e);
        }
    }

    private static long invoke(final Class<?> type, final String staticMethod) {
        try {
            final Method m = type.getMethod(staticMethod);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new IllegalStateException(type.getSimpleName() + "." + staticMethod + " is not static");
            }
            return ((Number) m.invoke(null)).longValue();
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + "." + staticMethod + "(): " + e, e);
        }
    }

    private static long staticInt(final Class<?> type, final String constant) {
        try {
            return ((Number) type.getField(constant).get(null)).longValue();
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + "." + constant + ": " + e, e);
        }
    }
}
