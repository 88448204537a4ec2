package io.slicer.journal;

import io.slicer.journal.format.JournalRecordDescriptor;
import io.slicer.journal.format.RecordType;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What an engine start ran with: engine version, configuration and the models (by SHA-256) its strategies may use.
 * One SESSION record opens a journal and one more follows every recovery restart.
 */
public record SessionRecord(String engineVersion, String config, long firstInputSequence, List<ModelRef> models) {

    /** A model a session used: the name it was given (path or alias) and the SHA-256 of its directory. */
    public record ModelRef(String name, String sha256) {
        public ModelRef {
            if (sha256.length() != 2 * JournalRecordDescriptor.SHA256_BYTES) {
                throw new IllegalArgumentException("model " + name + ": SHA-256 must be 64 hex digits, found '"
                        + sha256 + "'");
            }
        }
    }

    public SessionRecord {
        models = List.copyOf(models);
    }

    public long write(final RecordSink sink) {
        final JournalRecord r = sink.stage();
        r.putInt(JournalRecordDescriptor.SESSION_FORMAT_VERSION, JournalRecordDescriptor.FORMAT_VERSION)
                .putInt(JournalRecordDescriptor.SESSION_MODEL_COUNT, models.size())
                .putLong(JournalRecordDescriptor.SESSION_FIRST_INPUT_SEQUENCE, firstInputSequence);
        int at = r.putString(JournalRecordDescriptor.SESSION_STRINGS, engineVersion);
        at = r.putString(at, config);
        for (final ModelRef model : models) {
            at = r.putString(at, model.name());
            at = r.putBytes(at, HexFormat.of().parseHex(model.sha256()));
        }
        return sink.commit(RecordType.SESSION, at);
    }

    public static SessionRecord read(final JournalRecord r) {
        if (r.type() != RecordType.SESSION) {
            throw new IllegalArgumentException("journal record " + r.sequence() + " is " + r.type()
                    + ", expected SESSION");
        }
        final int format = r.getInt(JournalRecordDescriptor.SESSION_FORMAT_VERSION);
        if (format != JournalRecordDescriptor.FORMAT_VERSION) {
            throw new IllegalArgumentException("journal record " + r.sequence() + " has format version " + format
                    + ", this build reads " + JournalRecordDescriptor.FORMAT_VERSION);
        }
        final int count = r.getInt(JournalRecordDescriptor.SESSION_MODEL_COUNT);
        final long firstInput = r.getLong(JournalRecordDescriptor.SESSION_FIRST_INPUT_SEQUENCE);
        int at = JournalRecordDescriptor.SESSION_STRINGS;
        final String version = r.getString(at);
        at = r.skipString(at);
        final String config = r.getString(at);
        at = r.skipString(at);
        final List<ModelRef> models = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final String name = r.getString(at);
            at = r.skipString(at);
            models.add(new ModelRef(name, HexFormat.of().formatHex(r.getBytes(at,
                    JournalRecordDescriptor.SHA256_BYTES))));
            at += JournalRecordDescriptor.SHA256_BYTES;
        }
        return new SessionRecord(version, config, firstInput, models);
    }
}
