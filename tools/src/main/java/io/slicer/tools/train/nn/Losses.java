package io.slicer.tools.train.nn;

/**
 * Regression losses over a minibatch: each returns the mean loss and writes dLoss/dPrediction into {@code grad}
 * (already divided by the batch size, so gradients do not grow with it). Allocation-free.
 */
public final class Losses {
    private Losses() {
    }

    /** PyTorch's MSE: mean of (p - t)^2. */
    public static double mse(final double[] prediction, final double[] target, final int n, final double[] grad) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            final double d = prediction[i] - target[i];
            loss += d * d;
            grad[i] = 2.0 * d / n;
        }
        return loss / n;
    }

    /**
     * Huber (smooth L1) loss with threshold {@code delta}, PyTorch's {@code HuberLoss}: quadratic 0.5 d^2 inside
     * |d| <= delta, linear delta (|d| - delta/2) outside, so a single outlier target cannot blow a step up.
     */
    public static double huber(final double[] prediction, final double[] target, final int n, final double delta,
                               final double[] grad) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            final double d = prediction[i] - target[i];
            final double a = Math.abs(d);
            if (a <= delta) {
                loss += 0.5 * d * d;
                grad[i] = d / n;
            } else {
                loss += delta * (a - 0.5 * delta);
                grad[i] = delta * Math.signum(d) / n;
            }
        }
        return loss / n;
    }

    /**
     * Expectile loss |tau - 1(t - p < 0)| (t - p)^2, IQL's value loss: with tau > 0.5 the prediction settles on an
     * upper expectile of the targets.
     */
    public static double expectile(final double[] prediction, final double[] target, final int n, final double tau,
                                   final double[] grad) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            final double u = target[i] - prediction[i];
            final double w = u < 0 ? 1.0 - tau : tau;
            loss += w * u * u;
            grad[i] = -2.0 * w * u / n;
        }
        return loss / n;
    }
}
