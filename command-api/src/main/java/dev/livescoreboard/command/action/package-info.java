/**
 * The action catalog and action tokens. Starting an action checks the catalog and the board and
 * returns a short-lived HS256 action token bound to the caller, the board and the action, with a
 * random 128-bit nonce. Tokens are stateless until completed: single use is enforced when
 * completing, by recording the nonce under a unique constraint in the same transaction as the score
 * change. Keys rotate by {@code kid}: the first configured key signs, all verify.
 *
 * <p>The catalog comes from a YAML file ({@code scoreboard.actions.file}, default {@code
 * classpath:actions.yml}). {@link dev.livescoreboard.command.action.ActionCatalog} holds the
 * current immutable version in an atomic reference: requests read it without locks and always see
 * one whole, validated version. A filesystem catalog is re-read by one scheduler thread every
 * {@code scoreboard.actions.reload-interval}; a changed, valid file replaces the version atomically
 * (requests already past {@code require} finish with the old definition), an invalid one is logged
 * and counted ({@code scoreboard.actions.catalog.reloads{result=rejected}}) and changes nothing. An
 * invalid catalog at startup stops the service. Token keys and the issuer/verifier are immutable
 * after startup and thread-safe.
 */
package dev.livescoreboard.command.action;
