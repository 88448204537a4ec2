/**
 * The trainers' small neural-network kit: {@link Mlp} (dense layers in the PyTorch layout the policy kernel uses,
 * double parameters, minibatch workspace), {@link Adam}, {@link Losses} and the {@link Nonlinearity}s, which match the
 * kernel's activations one to one. A training step allocates nothing; the same seed gives the same bits.
 * <p>Depends on nothing but the JDK. Used by {@link io.slicer.tools.train} and its DQN and IQL trainers.
 */
package io.slicer.tools.train.nn;
