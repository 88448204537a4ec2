package io.slicer.tools.train;

import java.util.SplittableRandom;

/**
 * A ring of transitions (s, a, r, s', done) in flat arrays: raw features of width {@code w} at {@code [i * w]}.
 * Actions are stored as doubles so one buffer serves discrete indexes and continuous values. Uniform sampling from
 * a seeded generator keeps training bit-reproducible. Allocation-free after construction.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int width;
    private final double[] states;
    private final double[] nextStates;
    private final double[] actions;
    private final double[] rewards;
    private final boolean[] terminal;
    private int size;
    private int next;

    public ReplayBuffer(final int capacity, final int width) {
        this.capacity = capacity;
        this.width = width;
        states = new double[capacity * width];
        nextStates = new double[capacity * width];
        actions = new double[capacity];
        rewards = new double[capacity];
        terminal = new boolean[capacity];
    }

    public int size() {
        return size;
    }

    public int width() {
        return width;
    }

    public void add(final double[] s, final int sOff, final double action, final double reward, final double[] s2,
                    final int s2Off, final boolean done) {
        System.arraycopy(s, sOff, states, next * width, width);
        System.arraycopy(s2, s2Off, nextStates, next * width, width);
        actions[next] = action;
        rewards[next] = reward;
        terminal[next] = done;
        next = (next + 1) % capacity;
        if (size < capacity) {
            size++;
        }
    }

    /** A uniformly random stored index. */
    public int sample(final SplittableRandom rng) {
        return rng.nextInt(size);
    }

    public void state(final int i, final double[] dst, final int off) {
        System.arraycopy(states, i * width, dst, off, width);
    }

    public void nextState(final int i, final double[] dst, final int off) {
        System.arraycopy(nextStates, i * width, dst, off, width);
    }

    public double action(final int i) {
        return actions[i];
    }

    public double reward(final int i) {
        return rewards[i];
    }

    public boolean terminal(final int i) {
        return terminal[i];
    }
}
