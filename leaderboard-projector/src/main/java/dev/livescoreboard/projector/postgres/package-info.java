/** PostgreSQL reads shared by the rebuild and the audit (which must not depend on each other). */
package dev.livescoreboard.projector.postgres;
