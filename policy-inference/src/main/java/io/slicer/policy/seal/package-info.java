/**
 * Models that cannot change quietly: a model's identity (one SHA-256 over its card and weights), the seal a writer
 * puts beside them (an Ed25519 signature over the identity with the firm's signing key) and the trust a loader checks
 * it against (the firm's public keys). See {@link io.slicer.policy.seal.ModelTrust}.
 */
package io.slicer.policy.seal;
