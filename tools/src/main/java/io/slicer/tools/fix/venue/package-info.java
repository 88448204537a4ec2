/**
 * A simulated FIX 4.4 venue ({@link io.slicer.tools.fix.venue.SimulatedVenue}) that streams a simulator scenario's
 * market at wall-clock pace and fills orders on the scenario's impact model: for tests, demos and a desk's own
 * integration testing. Uses the simulator's scenarios and the gateway package's FIX helpers.
 */
package io.slicer.tools.fix.venue;
