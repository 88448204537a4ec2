package io.slicer.tools.fix.gateway;

/**
 * How the gateway names things on the wire, derived from the engine's journaled ids so a restart names them the same:
 * a child's ClOrdID is {@code PARENT.CHILD} (engine order id and child id; the child id comes from the journal, so a
 * recovered engine can never send a child under a new id), a cancel of it {@code PARENT.CHILD.X}; an OMS order's
 * engine id is the MsgSeqNum of the NewOrderSingle that opened it (unique for the session's life, and the same when
 * the OMS resends it after a gap); an execution id to the OMS is {@code ORDER-KIND-CUMQTY}, unique because the
 * cumulative quantity only grows. A venue's ExecID becomes the engine's numeric exec id as is when it is a number,
 * else as its 64-bit FNV-1a hash.
 */
public final class FixIds {
    private FixIds() {
    }

    public static String childClOrdId(final long parentId, final long childId) {
        return parentId + "." + childId;
    }

    static String cancelClOrdId(final long parentId, final long childId) {
        return parentId + "." + childId + ".X";
    }

    /** {@code {parent, child}} of a child ClOrdID (a cancel's too), or null when it is not one of ours. */
    public static long[] parseChild(final String clOrdId) {
        if (clOrdId == null) {
            return null;
        }
        final int dot = clOrdId.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        int end = clOrdId.indexOf('.', dot + 1);
        if (end < 0) {
            end = clOrdId.length();
        }
        try {
            return new long[]{Long.parseLong(clOrdId.substring(0, dot)), Long.parseLong(clOrdId.substring(dot + 1, end))};
        } catch (final NumberFormatException e) {
            return null;
        }
    }

    static String omsExecId(final long orderId, final char kind, final long cumQty) {
        return orderId + "-" + kind + "-" + cumQty;
    }

    static long venueExecId(final String execId) {
        try {
            return Long.parseLong(execId);
        } catch (final NumberFormatException e) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < execId.length(); i++) {
                h ^= execId.charAt(i);
                h *= 0x100000001b3L;
            }
            return h;
        }
    }
}
