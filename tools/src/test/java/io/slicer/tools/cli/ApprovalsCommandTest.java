package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.engine.testing.DemoModels;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.StrategyApproval;
import io.slicer.journal.format.RecordType;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.seal.ModelApprovals;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.policy.seal.ModelSeal;
import io.slicer.policy.seal.ModelTrust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model trades live only under an approval of its identity; unapproved (or altered after its approval) it is
 * refused live with one line naming its identity, and may still run in shadow. The journal records the approval.
 */
class ApprovalsCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path sealedDqn(final String name, final long seed) {
        final Path dir = tmp.resolve(name);
        DemoModels.randomDqn(seed).save(dir, ModelKeys.signingKey(ModelKeys.directory(), notice -> { }));
        return dir;
    }

    private CliRun run(final String strategy, final String shadow, final String journal) {
        final List<String> args = new ArrayList<>(List.of("run", "--scenario", "liquid-stock", "--strategy",
                strategy, "--journal", tmp.resolve(journal).toString(), "--approvals",
                tmp.resolve("approvals.jsonl").toString(), "--json"));
        if (shadow != null) {
            args.add("--shadow");
            args.add(shadow);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun approve(final Path model) {
        return CliRun.of("model", "approve", "--model", model.toString(), "--by", "A. Trader", "--reason",
                "ten shadow days within 1 bps of TWAP", "--date", "2026-12-05", "--approvals",
                tmp.resolve("approvals.jsonl").toString());
    }

    private static void assertRefusedNaming(final CliRun r, final String identity) {
        assertEquals(SlicerCli.EXIT_USAGE, r.exitCode(), r.err());
        final List<String> lines = r.err().lines().filter(l -> !l.startsWith("warning: ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("is not approved for live trading"), lines.get(0));
        assertTrue(lines.get(0).contains("identity " + identity), lines.get(0));
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void anUnapprovedModelIsRefusedLiveAndTradesOnceApprovedWithTheApprovalJournaled() throws Exception {
        final Path model = sealedDqn("dqn", 3);
        final String identity = PolicyModel.load(model, ModelTrust.live()).identity();
        assertRefusedNaming(run("dqn:" + model, null, "refused"), identity);
        assertFalse(JournalDirectory.hasRecords(tmp.resolve("refused")), "nothing written");

        final CliRun approved = approve(model);
        assertEquals(0, approved.exitCode(), approved.err());
        final ModelApprovals.Approval entry = ModelApprovals.load(tmp.resolve("approvals.jsonl")).of(identity)
                .orElseThrow();
        assertEquals("A. Trader", entry.approver());
        assertEquals("2026-12-05", entry.date());
        assertTrue(approved.out().contains("as approval " + entry.id()), approved.out());

        final CliRun r = run("dqn:" + model, null, "live");
        assertEquals(0, r.exitCode(), r.err());
        final JsonNode doc = MAPPER.readTree(r.out());
        assertEquals(entry.id(), doc.get("approval").asText());
        final List<StrategyApproval> journaled = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(tmp.resolve("live")))) {
            final JournalRecord rec = new JournalRecord();
            while (reader.next(rec)) {
                if (rec.type() == RecordType.APPROVAL) {
                    journaled.add(StrategyApproval.read(rec));
                }
            }
        }
        assertEquals(List.of(new StrategyApproval(0, entry)), journaled, "the approval every order of index 0 used");
        final CliRun replay = CliRun.of("replay", "--journal", tmp.resolve("live").toString(), "--json");
        assertTrue(MAPPER.readTree(replay.out()).get("matched").asBoolean(), replay.out());
    }

    @Test
    void anAlteredModelIsRefusedLiveEvenWhenTheOriginalWasApproved() throws Exception {
        final Path model = sealedDqn("dqn", 3);
        assertEquals(0, approve(model).exitCode());
        // Re-trained and re-sealed in the same directory: a new identity, which nobody approved.
        final Path altered = tmp.resolve("dqn");
        for (final Path f : List.of(altered.resolve(PolicyModel.CARD_FILE), altered.resolve(PolicyModel.WEIGHTS_FILE),
                altered.resolve(ModelSeal.FILE))) {
            Files.delete(f);
        }
        DemoModels.randomDqn(4).save(altered, ModelKeys.signingKey(ModelKeys.directory(), notice -> { }));
        final String newIdentity = PolicyModel.load(altered, ModelTrust.live()).identity();
        assertRefusedNaming(run("dqn:" + altered, null, "altered"), newIdentity);
    }

    @Test
    void anUnapprovedModelMayRunInShadow() throws Exception {
        final Path model = sealedDqn("dqn", 3);
        final CliRun r = run("twap", "dqn:" + model, "shadow");
        assertEquals(0, r.exitCode(), r.err());
        final JsonNode shadow = MAPPER.readTree(r.out()).get("shadow");
        assertEquals(1, shadow.get("orders").size());
        assertTrue(shadow.get("orders").get(0).get("slices").asInt() > 0, shadow.toString());
    }

    @Test
    void aMalformedApprovalsFileIsOneLineNamingFileAndLine() throws Exception {
        final Path model = sealedDqn("dqn", 3);
        Files.writeString(tmp.resolve("approvals.jsonl"), "\n{\"identity\":\"abc\"}\n");
        final CliRun r = run("dqn:" + model, null, "bad");
        assertEquals(SlicerCli.EXIT_USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(tmp.resolve("approvals.jsonl") + ":2: "), r.err());
    }
}
