package io.slicer.tools.train.dqn;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.tools.train.ReplayBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NStepWindowTest {
    private static double[] state(final double marker) {
        final double[] s = new double[ExecutionFeatures.COUNT];
        s[0] = marker;
        return s;
    }

    @Test
    void twoStepSumsBootstrapFromTwoStepsAheadAndStopAtTheEnd() {
        final ReplayBuffer buffer = new ReplayBuffer(16, ExecutionFeatures.COUNT);
        final NStepWindow w = new NStepWindow(2, 0.5, 3, buffer);
        w.begin();
        w.add(state(0), 4, -1.0, state(1), false);
        assertEquals(0, buffer.size(), "nothing until two steps are seen");
        w.add(state(1), 5, -2.0, state(2), false);
        w.add(state(2), 6, -4.0, state(3), true);
        assertEquals(3, buffer.size());
        final double[] s = new double[ExecutionFeatures.COUNT];
        // (s0, a4, -1 + 0.5 * -2, s2), not terminal.
        buffer.state(0, s, 0);
        assertEquals(0.0, s[0]);
        assertEquals(4.0, buffer.action(0));
        assertEquals(-2.0, buffer.reward(0));
        buffer.nextState(0, s, 0);
        assertEquals(2.0, s[0]);
        assertFalse(buffer.terminal(0));
        // (s1, a5, -2 + 0.5 * -4, s3) and (s2, a6, -4, s3), both ending the episode.
        assertEquals(-4.0, buffer.reward(1));
        assertEquals(5.0, buffer.action(1));
        assertTrue(buffer.terminal(1));
        assertEquals(-4.0, buffer.reward(2));
        assertEquals(6.0, buffer.action(2));
        buffer.nextState(2, s, 0);
        assertEquals(3.0, s[0]);
        assertTrue(buffer.terminal(2));
    }
}
