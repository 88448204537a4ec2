/**
 * Training the learned tactic chooser ({@code SPEC/learned:DIR}) on a LOBSTER day: one-step Q-learning over each
 * child's tactic, with the cost of every candidate tactic replayed in the day's queue.
 */
package io.slicer.tools.train.tactic;
