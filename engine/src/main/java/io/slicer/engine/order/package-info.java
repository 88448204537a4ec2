/**
 * A parent order and its children as the engine keeps them: {@link ParentOrder} (exact share accounting, lifecycle
 * {@link OrderStatus}) with its {@link OrderTerms}, {@link SliceClock}, {@link TwapYardstick},
 * {@link DuplicateChildGuard} and {@link ProgressPublisher} (the one part other threads read, as an
 * {@link OrderProgress}); {@link ChildOrder}; the {@link MarketImpact} model an order is planned with; and
 * {@link SliceSizer}, the desk's rules for turning a strategy's wish into a child quantity. Pooled and allocation-free
 * after construction.
 * <p>Depends on {@link io.slicer.engine.market}, {@link io.slicer.engine.decision} and {@link io.slicer.engine.risk}.
 * Used by strategy, port, core and api, by the journal and by the tools' simulators, which build {@code OrderTerms}.
 */
package io.slicer.engine.order;
