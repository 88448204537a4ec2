package io.slicer.tools.train.iql;

import io.slicer.engine.decision.ExecutionFeatures;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Transitions logged from behaviour policies, the only thing offline IQL learns from. Flat {@code double[]} of
 * {@link Transition#WIDTH}-wide records; the file format is {@link DatasetDescriptor}.
 */
public final class OfflineDataset {
    private final String scenario;
    private final String behaviours;
    private final double rewardScale;
    private double[] data;
    private int size;

    public OfflineDataset(final String scenario, final String behaviours, final double rewardScale,
                          final int capacity) {
        this.scenario = scenario;
        this.behaviours = behaviours;
        this.rewardScale = rewardScale;
        this.data = new double[Math.max(1, capacity) * Transition.WIDTH];
    }

    public String scenario() {
        return scenario;
    }

    public String behaviours() {
        return behaviours;
    }

    public double rewardScale() {
        return rewardScale;
    }

    public int size() {
        return size;
    }

    void add(final double[] s, final long remaining, final int slicesLeft, final long executed,
             final double marketVolume, final double reward, final boolean done, final double[] s2) {
        if ((size + 1) * Transition.WIDTH > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        final int o = size * Transition.WIDTH;
        System.arraycopy(s, 0, data, o + Transition.STATE, 8);
        data[o + Transition.REMAINING] = remaining;
        data[o + Transition.SLICES_LEFT] = slicesLeft;
        data[o + Transition.EXECUTED] = executed;
        data[o + Transition.MARKET_VOLUME] = marketVolume;
        data[o + Transition.REWARD] = reward;
        data[o + Transition.DONE] = done ? 1 : 0;
        System.arraycopy(s2, 0, data, o + Transition.NEXT_STATE, 8);
        size++;
    }

    double get(final int record, final int field) {
        return data[record * Transition.WIDTH + field];
    }

    void copyState(final int record, final int field, final double[] dst, final int off) {
        System.arraycopy(data, record * Transition.WIDTH + field, dst, off, 8);
    }

    public void write(final Path dir) {
        final Path file = dir.resolve(DatasetDescriptor.FILE);
        try {
            Files.createDirectories(dir);
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                 DataOutputStream out = new DataOutputStream(os)) {
                final ByteBuffer head = ByteBuffer.allocate(DatasetDescriptor.OFFSET_STRINGS)
                        .order(ByteOrder.LITTLE_ENDIAN);
                head.put(DatasetDescriptor.MAGIC).putInt(Transition.WIDTH).putInt(ExecutionFeatures.COUNT)
                        .putLong(size).putDouble(rewardScale);
                out.write(head.array());
                out.writeUTF(scenario);
                out.writeUTF(ExecutionFeatures.SCHEMA_ID);
                out.writeUTF(behaviours);
                final ByteBuffer rec = ByteBuffer.allocate(Transition.WIDTH * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < size; i++) {
                    rec.clear();
                    for (int f = 0; f < Transition.WIDTH; f++) {
                        rec.putDouble(data[i * Transition.WIDTH + f]);
                    }
                    out.write(rec.array());
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static OfflineDataset read(final Path dir) {
        final Path file = dir.resolve(DatasetDescriptor.FILE);
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(is)) {
            final byte[] h = new byte[DatasetDescriptor.OFFSET_STRINGS];
            in.readFully(h);
            final ByteBuffer head = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
            final byte[] magic = new byte[8];
            head.get(magic);
            if (!Arrays.equals(magic, DatasetDescriptor.MAGIC)) {
                throw new IllegalArgumentException(file + ": not a Slicer dataset (magic "
                        + new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1) + ", expected SLCRDS01)");
            }
            final int width = head.getInt();
            final int features = head.getInt();
            final long count = head.getLong();
            final double scale = head.getDouble();
            if (width != Transition.WIDTH || features != ExecutionFeatures.COUNT) {
                throw new IllegalArgumentException(file + ": record width " + width + " with " + features
                        + " features, expected " + Transition.WIDTH + " with " + ExecutionFeatures.COUNT);
            }
            if (count < 0 || count > Integer.MAX_VALUE / Transition.WIDTH) {
                throw new IllegalArgumentException(file + ": record count " + count + " out of range");
            }
            final String scenario = in.readUTF();
            final String schema = in.readUTF();
            if (!schema.equals(ExecutionFeatures.SCHEMA_ID)) {
                throw new IllegalArgumentException(file + ": feature schema '" + schema + "', expected '"
                        + ExecutionFeatures.SCHEMA_ID + "'");
            }
            final String behaviours = in.readUTF();
            final OfflineDataset ds = new OfflineDataset(scenario, behaviours, scale, (int) count);
            final byte[] rec = new byte[Transition.WIDTH * 8];
            final ByteBuffer rb = ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < count; i++) {
                try {
                    in.readFully(rec);
                } catch (final EOFException e) {
                    throw new IllegalArgumentException(file + ": truncated after " + i + " of " + count + " records",
                            e);
                }
                rb.clear();
                final int o = (int) i * Transition.WIDTH;
                for (int f = 0; f < Transition.WIDTH; f++) {
                    ds.data[o + f] = rb.getDouble();
                }
            }
            ds.size = (int) count;
            return ds;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
