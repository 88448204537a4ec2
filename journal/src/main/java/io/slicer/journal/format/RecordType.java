package io.slicer.journal.format;

import io.slicer.journal.sbe.AnomalyDecoder;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.SessionDecoder;
import io.slicer.journal.sbe.TransitionDecoder;

/**
 * What a journal record is to replay and recovery: the SESSION of an engine start, an INPUT (one message per event
 * type) or one of the engine's outputs (DECISION, TRANSITION, ANOMALY). The SBE template id says which.
 */
public enum RecordType {
    SESSION,
    INPUT,
    DECISION,
    TRANSITION,
    ANOMALY;

    /** First template id of the input messages ({@code Quote}); inputs are 10..29. */
    private static final int FIRST_INPUT = 10;
    private static final int LAST_INPUT = 29;

    /** The kind of record with template id {@code templateId}, or null for none (a corrupt or newer journal). */
    public static RecordType ofTemplate(final int templateId) {
        if (templateId == SessionDecoder.TEMPLATE_ID) {
            return SESSION;
        }
        if (templateId == DecisionDecoder.TEMPLATE_ID) {
            return DECISION;
        }
        if (templateId == TransitionDecoder.TEMPLATE_ID) {
            return TRANSITION;
        }
        if (templateId == AnomalyDecoder.TEMPLATE_ID) {
            return ANOMALY;
        }
        if (templateId >= FIRST_INPUT && templateId <= LAST_INPUT && JournalLayout.message(templateId) != null) {
            return INPUT;
        }
        return null;
    }

}
