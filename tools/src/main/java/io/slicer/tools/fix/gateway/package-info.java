/**
 * Slicer behind FIX 4.4 (QuickFIX/J): {@link io.slicer.tools.fix.gateway.FixGateway} accepts an OMS's parent orders
 * ({@code OmsSession}), works them in the journaled ring engine, sends the children to a venue and turns the venue's
 * reports and market data into engine events ({@code VenueSession}); the OMS's ExecutionReports come from one place
 * ({@code OmsReports}). Wire ids derive from the journal ({@link io.slicer.tools.fix.gateway.FixIds}), so a restart
 * on the same journal and session stores names every order and child as before.
 * <p>Depends on the engine's API and ports and on the journal; nothing in the engine depends on it.
 */
package io.slicer.tools.fix.gateway;
