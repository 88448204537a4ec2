package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.MessageHeaderEncoder;
import io.slicer.journal.sbe.SessionDecoder;
import io.slicer.journal.sbe.SessionEncoder;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.seal.ModelTrust;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What an engine start ran with: engine version, configuration ({@link EngineSettings} text), the canonical spec of
 * every registered strategy by index ({@link StrategySpecs}) and the models they use, by the SHA-256 of their archived
 * directory and by identity. One SESSION record
 * opens a journal and one more follows every recovery restart.
 */
public record SessionRecord(String engineVersion, String config, long firstInputSequence, List<String> strategies,
                            List<ModelRef> models) {

    private static final int SHA256_BYTES = SessionDecoder.ModelsDecoder.sha256Length();

    /**
     * A model a session used: the name it was given (its original path), the SHA-256 of its archived directory and
     * its identity (SHA-256 over card and weights, {@link io.slicer.policy.seal.ModelIdentity}: what its seal signs).
     */
    public record ModelRef(String name, String sha256, String identity) {
        public ModelRef {
            if (!ModelArchive.isDigest(sha256) || !ModelArchive.isDigest(identity)) {
                throw new IllegalArgumentException("model " + name + ": SHA-256 and identity must be 64 lower-case"
                        + " hex digits, found '" + sha256 + "' and '" + identity + "'");
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
            // Each archived model the strategy runs: its policy and its learned tactic chooser, named as given.
            final List<String> given = StrategySpecs.models(spec);
            final List<String> archived = StrategySpecs.models(c);
            for (int m = 0; m < archived.size(); m++) {
                final String model = archived.get(m);
                final String sha = model.substring(model.indexOf(':') + 1);
                if (ModelArchive.isDigest(sha)) {
                    final String identity = PolicyModel.load(archive.verified(sha), ModelTrust.offline()).identity();
                    models.add(new ModelRef(m < given.size() ? given.get(m) : model, sha, identity));
                }
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
        final SessionEncoder e = new SessionEncoder().wrapAndApplyHeader(r.buffer(), JournalFrame.MESSAGE_OFFSET,
                new MessageHeaderEncoder()).firstInputSequence(firstInputSequence);
        final SessionEncoder.StrategiesEncoder specs = e.strategiesCount(strategies.size());
        for (final String spec : strategies) {
            specs.next().spec(spec);
        }
        final SessionEncoder.ModelsEncoder refs = e.modelsCount(models.size());
        for (final ModelRef model : models) {
            refs.next().putSha256(HexFormat.of().parseHex(model.sha256()), 0, SHA256_BYTES)
                    .putIdentity(HexFormat.of().parseHex(model.identity()), 0, SHA256_BYTES).name(model.name());
        }
        e.engineVersion(engineVersion).config(config);
        return sink.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    public static SessionRecord read(final JournalRecord r) {
        if (r.type() != RecordType.SESSION) {
            throw new IllegalArgumentException("journal record " + r.sequence() + " is " + r.type()
                    + ", expected SESSION");
        }
        final SessionDecoder d = new SessionDecoder().wrapAndApplyHeader(r.buffer(), JournalFrame.MESSAGE_OFFSET,
                new MessageHeaderDecoder());
        final long firstInput = d.firstInputSequence();
        final List<String> strategies = new ArrayList<>();
        for (final SessionDecoder.StrategiesDecoder spec : d.strategies()) {
            strategies.add(spec.spec());
        }
        final List<ModelRef> models = new ArrayList<>();
        final byte[] sha = new byte[SHA256_BYTES];
        final byte[] identity = new byte[SHA256_BYTES];
        for (final SessionDecoder.ModelsDecoder model : d.models()) {
            model.getSha256(sha, 0, SHA256_BYTES);
            model.getIdentity(identity, 0, SHA256_BYTES);
            models.add(new ModelRef(model.name(), HexFormat.of().formatHex(sha), HexFormat.of().formatHex(identity)));
        }
        final String version = d.engineVersion();
        final String config = d.config();
        return new SessionRecord(version, config, firstInput, strategies, models);
    }
}
