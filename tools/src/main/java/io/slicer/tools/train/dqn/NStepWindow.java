package io.slicer.tools.train.dqn;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.tools.train.ReplayBuffer;

/**
 * Turns one episode's steps into n-step transitions (s_t, a_t, r_t + ... + gamma^(n-1) r_(t+n-1), s_(t+n)) for the
 * replay buffer; near the end of the episode the sums stop at the terminal step (no bootstrap). With n = 1 it
 * stores exactly the one-step transitions. Allocation-free after construction.
 */
final class NStepWindow {
    private static final int W = ExecutionFeatures.COUNT;

    private final int n;
    private final double gamma;
    private final ReplayBuffer buffer;
    private final double[] states;
    private final int[] actions;
    private final double[] rewards;
    private int t;

    NStepWindow(final int n, final double gamma, final int slices, final ReplayBuffer buffer) {
        this.n = n;
        this.gamma = gamma;
        this.buffer = buffer;
        this.states = new double[(slices + 1) * W];
        this.actions = new int[slices + 1];
        this.rewards = new double[slices + 1];
    }

    void begin() {
        t = 0;
    }

    void add(final double[] s, final int a, final double r, final double[] s2, final boolean done) {
        System.arraycopy(s, 0, states, t * W, W);
        actions[t] = a;
        rewards[t] = r;
        t++;
        if (t >= n) {
            emit(t - n, t, s2, done);
        }
        if (done) {
            for (int from = Math.max(0, t - n + 1); from < t; from++) {
                emit(from, t, s2, true);
            }
        }
    }

    /** Transition from step {@code from} summing rewards of steps [from, to), landing in {@code next}. */
    private void emit(final int from, final int to, final double[] next, final boolean done) {
        double sum = 0;
        double discount = 1;
        for (int j = from; j < to; j++) {
            sum += discount * rewards[j];
            discount *= gamma;
        }
        buffer.add(states, from * W, actions[from], sum, next, 0, done);
    }
}
