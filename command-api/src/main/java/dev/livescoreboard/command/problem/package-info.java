/**
 * Errors over HTTP: every failure becomes an RFC 9457 {@code application/problem+json} body {@code
 * {type,title,status,detail,code,requestId}} with a stable {@link
 * dev.livescoreboard.events.ErrorCode}. Every request gets an id ({@code X-Request-Id}, taken from
 * the caller when it is a plain token) that is echoed in the response and the logs. Stateless; runs
 * on the servlet thread of the failing request. Never returns stack traces, SQL or library
 * messages.
 */
package dev.livescoreboard.command.problem;
