package io.slicer.tools.train.iql;

/** Field order of one transition record in an {@link OfflineDataset}; see {@link DatasetDescriptor}. */
final class Transition {
    static final int STATE = 0;
    static final int REMAINING = 8;
    static final int SLICES_LEFT = 9;
    static final int EXECUTED = 10;
    static final int MARKET_VOLUME = 11;
    static final int REWARD = 12;
    static final int DONE = 13;
    static final int NEXT_STATE = 14;
    static final int WIDTH = 22;

    private Transition() {
    }
}
