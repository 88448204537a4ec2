package io.slicer.journal;

import io.slicer.journal.format.JournalRecordDescriptor;
import io.slicer.journal.format.RecordType;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What an engine start ran with: engine version, configuration ({@link EngineSettings} text), the canonical spec of
 * every registered strategy by index ({@link StrategySpecs}) and the models they use, by SHA-256. One SESSION record
 * opens a journal and one more follows every recovery restart.
 */
public record SessionRecord(String engineVersion, String config, long firstInputSequence, List<String> strategies,
                            List<ModelRef> models) {

    /** A model a session used: the name it was given (its original path) and the SHA-256 of its directory. */
    public record ModelRef(String name, String sha256) {
        public ModelRef {
            if (!sha256.matches("[0-9a-f]{" + 2 * JournalRecordDescriptor.SHA256_BYTES + "}")) {
                throw new IllegalArgumentException("model " + name + ": SHA-256 must be 64 lower-case hex digits,"
                        + " found '" + sha256 + "'");
            }
        }
    }

    public SessionRecord {
        strategies = List.copyOf(strategies);
        models = List.copyOf(models);
    }

    /**
     * The SESSION of an engine starting with these settings and strategies: each model spec is archived in the
     * journal and recorded by SHA-256 ({@link StrategySpecs#canonical}).
     */
    public static SessionRecord forStart(final String engineVersion, final EngineSettings settings,
                                         final List<String> strategySpecs, final ModelArchive archive) {
        final List<String> canonical = new ArrayList<>();
        final List<ModelRef> models = new ArrayList<>();
        for (final String spec : strategySpecs) {
            final String c = StrategySpecs.canonical(spec, archive);
            canonical.add(c);
            if (c.startsWith(StrategySpecs.POLICY_PREFIX)) {
                models.add(new ModelRef(spec, c.substring(StrategySpecs.POLICY_PREFIX.length())));
            }
        }
        return new SessionRecord(engineVersion, settings.toString(), 0, canonical, models);
    }

    /** Same engine set-up (version, configuration and strategies): a recovery may continue the journal. */
    public boolean sameSetup(final SessionRecord other) {
        return engineVersion.equals(other.engineVersion) && config.equals(other.config)
                && strategies.equals(other.strategies);
    }

    public long write(final RecordSink sink) {
        final JournalRecord r = sink.stage();
        r.putInt(JournalRecordDescriptor.SESSION_FORMAT_VERSION, JournalRecordDescriptor.FORMAT_VERSION)
                .putInt(JournalRecordDescriptor.SESSION_STRATEGY_COUNT, strategies.size())
                .putLong(JournalRecordDescriptor.SESSION_FIRST_INPUT_SEQUENCE, firstInputSequence)
                .putInt(JournalRecordDescriptor.SESSION_MODEL_COUNT, models.size());
        int at = r.putString(JournalRecordDescriptor.SESSION_STRINGS, engineVersion);
        at = r.putString(at, config);
        for (final String spec : strategies) {
            at = r.putString(at, spec);
        }
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
                    + ", this build reads " + JournalRecordDescriptor.FORMAT_VERSION
                    + (format > 0 && format < JournalRecordDescriptor.FORMAT_VERSION
                    ? " (written by an older build: replay it with that build)" : ""));
        }
        final int strategyCount = r.getInt(JournalRecordDescriptor.SESSION_STRATEGY_COUNT);
        final int modelCount = r.getInt(JournalRecordDescriptor.SESSION_MODEL_COUNT);
        final long firstInput = r.getLong(JournalRecordDescriptor.SESSION_FIRST_INPUT_SEQUENCE);
        int at = JournalRecordDescriptor.SESSION_STRINGS;
        final String version = r.getString(at);
        at = r.skipString(at);
        final String config = r.getString(at);
        at = r.skipString(at);
        final List<String> strategies = new ArrayList<>(strategyCount);
        for (int i = 0; i < strategyCount; i++) {
            strategies.add(r.getString(at));
            at = r.skipString(at);
        }
        final List<ModelRef> models = new ArrayList<>(modelCount);
        for (int i = 0; i < modelCount; i++) {
            final String name = r.getString(at);
            at = r.skipString(at);
            models.add(new ModelRef(name, HexFormat.of().formatHex(r.getBytes(at,
                    JournalRecordDescriptor.SHA256_BYTES))));
            at += JournalRecordDescriptor.SHA256_BYTES;
        }
        return new SessionRecord(version, config, firstInput, strategies, models);
    }
}
