/**
 * Users: lookup for the write path, auto-registration from JWT claims (when switched on) and bulk
 * provisioning. Display names are validated or sanitized by {@link
 * dev.livescoreboard.command.user.DisplayNames}, so only letters, digits, spaces and {@code _-.}
 * are ever stored. Auto-registration is an {@code INSERT … ON CONFLICT DO NOTHING}, safe when the
 * same new user sends concurrent requests. Provisioning upserts in one transaction: all or none.
 * Starting and completing an action apply the same rules (unknown or erased: 404, frozen: 403), so
 * they agree. An erased user answers like an unknown one on the player API: the account is gone,
 * not suspended (403 would suggest it comes back), and its row stays so the id is never registered
 * again, not even by auto-registration. Users who opted out of public boards ({@code public =
 * false}) appear in events as {@link dev.livescoreboard.command.user.User#ANONYMOUS}, erased users
 * as {@link dev.livescoreboard.command.user.User#ERASED_NAME}.
 *
 * <p><b>Locks.</b> Every writer of a user's scores locks the user's row before anything else: a
 * complete {@code FOR NO KEY UPDATE}, an operator's change and an adjustment {@code FOR UPDATE}. So
 * the score changes of one user run one after another (their score rows need no lock of their own),
 * a change waits for the user's completes in flight, and a complete that comes after it sees its
 * result. Completes of different users never wait for each other.
 *
 * <p><b>The starts' cache.</b> A start trusts a user it found active for {@code
 * scoreboard.users.start-cache-ttl} (10 s) without asking PostgreSQL again. A freeze or erase
 * through this instance drops the user from its cache when it commits (a start reading the status
 * at that moment does not keep it); through another instance (the stack's {@code --instances=2}), a
 * start here may still hand the frozen or erased user action tokens for up to that TTL. No complete
 * ever uses the cache: it reads the status under the user's row lock, in the same round trip as its
 * other reads, so a user frozen or erased through any instance completes nothing once the change
 * committed (TwoInstancesIT shows it across two command-apis).
 */
package dev.livescoreboard.command.user;
