package io.slicer.tools.sim;

import io.slicer.engine.market.Side;

/**
 * Transaction-cost accounting of one episode, kept as it happens: implementation shortfall and its split, VWAP
 * slippage, participation, and the per-slice record that reports and charts use. Allocation-free after
 * construction (arrays are sized once for the scenario's slices).
 *
 * <p>For a buy, per fill of n shares at execution price P with pre-trade mid M, unaffected mid U (the mid without our
 * own permanent impact) and arrival price P0:
 * <pre>
 *   n (P - P0) = n (P - M)      impact: temporary impact and half-spread paid on this fill
 *              + n (M - U)      impact: our own earlier trades' permanent impact
 *              + n (U - P0)     timing: the market's own drift since arrival
 * </pre>
 * plus opportunity cost (unfilled shares) * (final mid - P0). Everything is signed by the side, so a positive number
 * is always a cost. IS in bps = total / (Q * P0) * 1e4.
 */
public final class EpisodeResult {
    private final long[] shares;
    private final double[] executionPrice;
    private final double[] midBefore;
    private final double[] marketVolume;

    private Side side = Side.BUY;
    private long quantity;
    private double arrivalPrice;
    private int slicesRecorded;

    private long executed;
    private double temporaryImpactCost;
    private double permanentImpactCost;
    private double timingCost;
    private double opportunityCost;
    private double marketNotional;
    private double totalMarketVolume;
    private double maxParticipation;
    private double participationCap = Double.NaN;
    private int capBreaches;
    private double executedNotional;
    private long passiveShares;
    private double spreadCapture;
    private final double[] adverseSelection = new double[2];
    private final double multiplier;

    /** A result for orders of at most {@code maxSlices} slices in an instrument of contract {@code multiplier}. */
    public EpisodeResult(final int maxSlices, final double multiplier) {
        this.multiplier = multiplier;
        this.shares = new long[maxSlices];
        this.executionPrice = new double[maxSlices];
        this.midBefore = new double[maxSlices];
        this.marketVolume = new double[maxSlices];
    }

    public void begin(final Side side, final long quantity, final double arrivalPrice, final double participationCap) {
        this.side = side;
        this.quantity = quantity;
        this.arrivalPrice = arrivalPrice;
        this.participationCap = participationCap;
        this.slicesRecorded = 0;
        this.executed = 0;
        this.temporaryImpactCost = 0;
        this.permanentImpactCost = 0;
        this.timingCost = 0;
        this.opportunityCost = 0;
        this.marketNotional = 0;
        this.totalMarketVolume = 0;
        this.maxParticipation = 0;
        this.capBreaches = 0;
        this.executedNotional = 0;
        this.passiveShares = 0;
        this.spreadCapture = 0;
        this.adverseSelection[0] = 0;
        this.adverseSelection[1] = 0;
    }

    /**
     * Records how a slice's child worked the book, next to {@link #record}: {@code passive} of its shares filled
     * resting, {@code capture} what all its fills saved against the far touch when each part was sent (shares x side
     * x (touch - price); a crossing child's is minus its impact beyond the touch), and the mid's move against us
     * 1 s and 10 s after the passive fills (shares x side x (mid at fill - mid later)).
     */
    public void recordTactic(final long passive, final double capture, final double adverse1s,
                             final double adverse10s) {
        passiveShares += passive;
        spreadCapture += capture;
        adverseSelection[0] += adverse1s;
        adverseSelection[1] += adverse10s;
    }

    /**
     * Records one slice.
     *
     * @param n             shares we executed this slice (0 allowed)
     * @param price         our average execution price this slice (ignored when n == 0)
     * @param mid           mid before our trade
     * @param unaffectedMid mid without our own cumulative permanent impact
     * @param volume        market volume this slice, shares (our own shares excluded)
     * @param marketPrice   the price the market traded at this slice (for market VWAP), usually the mid
     */
    public void record(final long n, final double price, final double mid, final double unaffectedMid,
                       final double volume, final double marketPrice) {
        final int p = slicesRecorded++;
        shares[p] = n;
        executionPrice[p] = n > 0 ? price : Double.NaN;
        midBefore[p] = mid;
        marketVolume[p] = volume;
        final int s = side.sign();
        if (n > 0) {
            executed += n;
            executedNotional += n * price;
            temporaryImpactCost += s * n * (price - mid);
            permanentImpactCost += s * n * (mid - unaffectedMid);
            timingCost += s * n * (unaffectedMid - arrivalPrice);
        }
        if (volume > 0) {
            totalMarketVolume += volume;
            marketNotional += volume * marketPrice;
            final double participation = n / volume;
            if (participation > maxParticipation) {
                maxParticipation = participation;
            }
            // A cap breach is counted on what was traded, with a half-share tolerance for integer rounding.
            if (!Double.isNaN(participationCap) && n > participationCap * volume + 0.5) {
                capBreaches++;
            }
        } else if (n > 0) {
            maxParticipation = Double.POSITIVE_INFINITY;
            if (!Double.isNaN(participationCap)) {
                capBreaches++;
            }
        }
    }

    /** Closes the episode: unfilled shares are valued at the final mid (opportunity cost). */
    public void finish(final double finalMid) {
        final long unfilled = quantity - executed;
        opportunityCost = unfilled > 0 ? side.sign() * unfilled * (finalMid - arrivalPrice) : 0.0;
    }

    private double bps(final double dollars) {
        return dollars / (quantity * arrivalPrice) * 1e4;
    }

    /**
     * Implementation shortfall in price points times units (positive = cost): what the trainers reward on, whatever
     * the contract multiplier. Money is {@link #isCurrency()}.
     */
    public double isCost() {
        return temporaryImpactCost + permanentImpactCost + timingCost + opportunityCost;
    }

    public double isBps() {
        return bps(isCost());
    }

    /** Implementation shortfall in the instrument's currency: {@link #isCost()} times the contract multiplier. */
    public double isCurrency() {
        return isCost() * multiplier;
    }

    /** Temporary impact + half-spread + own permanent impact, bps. */
    public double impactBps() {
        return bps(temporaryImpactCost + permanentImpactCost);
    }

    public double temporaryImpactBps() {
        return bps(temporaryImpactCost);
    }

    public double permanentImpactBps() {
        return bps(permanentImpactCost);
    }

    /** Cost of the market's own drift while we traded, bps. */
    public double timingBps() {
        return bps(timingCost);
    }

    public double opportunityBps() {
        return bps(opportunityCost);
    }

    /** (our average price - market VWAP) / market VWAP, signed so positive = worse than VWAP, bps. */
    public double vwapSlippageBps() {
        if (executed == 0 || totalMarketVolume == 0) {
            return 0.0;
        }
        final double ours = executedNotional / executed;
        final double market = marketNotional / totalMarketVolume;
        return side.sign() * (ours - market) / market * 1e4;
    }

    /** Shares filled resting in the book / shares executed; 0 when nothing executed. */
    public double passiveShare() {
        return executed > 0 ? (double) passiveShares / executed : 0.0;
    }

    public long passiveShares() {
        return passiveShares;
    }

    /** What our fills saved against the far touch at submission, bps of arrival notional (positive = saved). */
    public double spreadCaptureBps() {
        return bps(spreadCapture);
    }

    /**
     * The mid's move against us after our passive fills, bps of arrival notional (positive = cost): horizon 0 is
     * 1 s, horizon 1 is 10 s.
     */
    public double adverseSelectionBps(final int horizon) {
        return bps(adverseSelection[horizon]);
    }

    /** Our shares / market volume over the whole episode. */
    public double meanParticipation() {
        return totalMarketVolume > 0 ? executed / totalMarketVolume : 0.0;
    }

    /** Largest single-slice participation, as traded. */
    public double maxParticipation() {
        return maxParticipation;
    }

    /** Slices in which what we traded exceeded the scenario's participation cap. */
    public int capBreaches() {
        return capBreaches;
    }

    public long executed() {
        return executed;
    }

    public long quantity() {
        return quantity;
    }

    public double arrivalPrice() {
        return arrivalPrice;
    }

    public Side side() {
        return side;
    }

    public int slicesRecorded() {
        return slicesRecorded;
    }

    public long shares(final int slice) {
        return shares[slice];
    }

    public double executionPrice(final int slice) {
        return executionPrice[slice];
    }

    public double midBefore(final int slice) {
        return midBefore[slice];
    }

    public double marketVolume(final int slice) {
        return marketVolume[slice];
    }
}
