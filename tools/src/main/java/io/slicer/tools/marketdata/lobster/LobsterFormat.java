package io.slicer.tools.marketdata.lobster;

/**
 * The LOBSTER text format, as the reader relies on it (see each data folder's {@code LOBSTER_SampleFiles_ReadMe.txt}).
 *
 * <pre>
 *   message file   time,type,order_id,size,price,direction          (no header, one event per line)
 *                  34200.017459617,5,0,1,2238200,-1
 *   orderbook file ask_price_1,ask_size_1,bid_price_1,bid_size_1,... (4 columns per level, row k = book after message k)
 *                  2239500,100,2231800,100
 * </pre>
 *
 * <ul>
 *   <li>time: seconds after midnight (exchange local time, US Eastern), up to nanosecond decimals.</li>
 *   <li>prices: dollars times {@link #PRICE_SCALE}, as integers.</li>
 *   <li>direction: the side of the (resting) limit order: 1 buy, -1 sell. An execution of a resting sell order is a
 *       buyer-initiated trade, so the aggressor's sign is {@code -direction}.</li>
 *   <li>an empty book side is written as the dummy price {@link #EMPTY_ASK} / {@link #EMPTY_BID} with size 0.</li>
 *   <li>type 7 (trading halt) rows carry price -1 (halt), 0 (quoting resumes) or 1 (trading resumes), direction -1,
 *       everything else 0; their book row repeats the previous book.</li>
 * </ul>
 */
public final class LobsterFormat {
    public static final int MESSAGE_FIELDS = 6;
    public static final int MSG_TIME = 0;
    public static final int MSG_TYPE = 1;
    public static final int MSG_ORDER_ID = 2;
    public static final int MSG_SIZE = 3;
    public static final int MSG_PRICE = 4;
    public static final int MSG_DIRECTION = 5;

    /** Orderbook columns per book level. */
    public static final int BOOK_FIELDS_PER_LEVEL = 4;
    public static final int BOOK_ASK_PRICE = 0;
    public static final int BOOK_ASK_SIZE = 1;
    public static final int BOOK_BID_PRICE = 2;
    public static final int BOOK_BID_SIZE = 3;

    /** Integer prices are dollars times this. */
    public static final double PRICE_SCALE = 10_000.0;

    /** Dummy ask price of an empty ask side. */
    public static final long EMPTY_ASK = 9_999_999_999L;
    /** Dummy bid price of an empty bid side. */
    public static final long EMPTY_BID = -9_999_999_999L;

    public static final int TYPE_SUBMISSION = 1;
    public static final int TYPE_CANCELLATION = 2;
    public static final int TYPE_DELETION = 3;
    public static final int TYPE_VISIBLE_EXECUTION = 4;
    public static final int TYPE_HIDDEN_EXECUTION = 5;
    /** Cross trade (opening/closing auction print) in newer LOBSTER versions; not continuous-market volume. */
    public static final int TYPE_CROSS_TRADE = 6;
    public static final int TYPE_HALT = 7;

    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private LobsterFormat() {
    }

    public static double toDollars(final long priceTicks) {
        return priceTicks / PRICE_SCALE;
    }
}
