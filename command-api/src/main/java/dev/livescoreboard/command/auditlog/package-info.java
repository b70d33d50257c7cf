/**
 * The operators' audit trail: who changed what, when and why.
 *
 * <p><b>Guarantee.</b> Every admin change writes one {@code admin_audit} row in the transaction of
 * the change ({@link dev.livescoreboard.command.auditlog.AdminAuditLog#record} refuses to run
 * outside one), so a committed change always has its row and a rolled-back one never does.
 */
package dev.livescoreboard.command.auditlog;
