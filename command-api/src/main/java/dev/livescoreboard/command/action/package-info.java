/**
 * The action catalog and action tokens. Starting an action checks the catalog and the board and
 * returns a short-lived HS256 action token bound to the caller, the board and the action, with a
 * random 128-bit nonce. Tokens are stateless until completed: single use is enforced when
 * completing, by recording the nonce under a unique constraint in the same transaction as the
 * score change. Keys rotate by {@code kid}: the first configured key signs, all verify.
 *
 * <p>Everything here is immutable after startup and thread-safe; a catalog with points outside
 * 1..100 or bad board ids stops the service at startup.
 */
package dev.livescoreboard.command.action;
